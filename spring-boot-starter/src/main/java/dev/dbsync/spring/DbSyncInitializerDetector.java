package dev.dbsync.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Boot's {@code DatabaseInitializationDependencyConfigurer} that {@link DbSyncInitializer} beans initialise
 * the database, so every bean that depends on database initialization is created after them. Registered in
 * {@code META-INF/spring.factories}, like Flyway's {@code FlywayMigrationInitializerDatabaseInitializerDetector}.
 *
 * <p>Order -1: Boot makes initializers of later detectors depend on those of earlier ones, so dbsync runs before
 * Flyway's (orders 0 and 1; its conflict guard must speak before Flyway migrates anything) and before
 * {@code schema.sql}/{@code data.sql} (ordered last), which may then fill the tables dbsync created.
 */
final class DbSyncInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(DbSyncInitializer.class);
  }

  @Override
  public int getOrder() {
    return -1;
  }
}
