package dev.dbsync.spring;

import dev.dbsync.ApplyResult;
import dev.dbsync.DbSync;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;

/**
 * Applies the pending migrations once, when the bean is initialised. Boot's database-initialization ordering
 * ({@link DbSyncInitializerDetector}) makes every bean that uses the database ({@code JdbcTemplate}, JPA, jOOQ,
 * beans annotated {@code @DependsOnDatabaseInitialization}) depend on it, as it does for Flyway's
 * {@code FlywayMigrationInitializer}. Define a bean of this type yourself to replace the auto-configured one.
 */
public class DbSyncInitializer implements InitializingBean {
  private final DbSync.Builder builder;
  private final DataSource dataSource;
  private final Runnable beforeApply;
  private volatile LastApply lastApply;

  /** What the startup apply did, and when it finished. */
  public record LastApply(ApplyResult result, Instant finishedAt) {}

  public DbSyncInitializer(DbSync.Builder builder, DataSource dataSource) {
    this(builder, dataSource, () -> {});
  }

  /** {@code beforeApply} runs first and may refuse the apply by throwing (the Flyway conflict guard). */
  public DbSyncInitializer(DbSync.Builder builder, DataSource dataSource, Runnable beforeApply) {
    this.builder = builder;
    this.dataSource = dataSource;
    this.beforeApply = beforeApply;
  }

  @Override
  public void afterPropertiesSet() {
    beforeApply.run();
    lastApply = new LastApply(builder.apply(dataSource), Instant.now());
  }

  /** The startup apply's result; null before it ran. */
  public LastApply lastApply() {
    return lastApply;
  }

  /** The database this initializer migrates (the application's DataSource or the dedicated connection). */
  public DataSource dataSource() {
    return dataSource;
  }

  /** The settings it applies with. */
  public DbSync.Builder builder() {
    return builder;
  }
}
