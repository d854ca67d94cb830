package dev.dbsync.spring;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Refuses to start when Flyway's auto-configuration would migrate the same database: both read
 * {@code db/migration} and write the same history table, so the second would find the first's work half done.
 * Flyway's target is found the way its auto-configuration chooses it: a {@code @FlywayDataSource} bean, else its
 * connection details ({@code spring.flyway.url}), else the application's DataSource. Whether two DataSources reach
 * the same database is asked of PostgreSQL (database name, port and the server's start time), not guessed from
 * URLs. Runs before Flyway's beans are created ({@link DbSyncInitializerDetector}), so nothing has migrated yet.
 */
final class FlywayConflictGuard implements MigrationTargetCheck {
  private static final String IDENTITY =
      "SELECT current_database(), inet_server_port(), pg_postmaster_start_time()::text";

  private final ConfigurableListableBeanFactory beanFactory;
  private final DataSource applicationDataSource;

  FlywayConflictGuard(ConfigurableListableBeanFactory beanFactory, DataSource applicationDataSource) {
    this.beanFactory = beanFactory;
    this.applicationDataSource = applicationDataSource;
  }

  @Override
  public void check(DataSource target) {
    String[] initializers = beanFactory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false);
    if (initializers.length == 0) {
      return;
    }
    DataSource flywayTarget = flywayTarget();
    if (flywayTarget != null && sameDatabase(target, flywayTarget)) {
      throw new IllegalStateException(StarterMessages.flywayConflict(String.join(", ", initializers)));
    }
  }

  private DataSource flywayTarget() {
    String[] own = beanFactory.getBeanNamesForAnnotation(FlywayDataSource.class);
    if (own.length > 0) {
      return beanFactory.getBean(own[0], DataSource.class);
    }
    FlywayConnectionDetails details = beanFactory.getBeanProvider(FlywayConnectionDetails.class).getIfAvailable();
    if (details != null && details.getJdbcUrl() != null) {
      return new DriverManagerDataSource(details.getJdbcUrl(), details.getUsername(), details.getPassword());
    }
    return applicationDataSource;
  }

  private static boolean sameDatabase(DataSource a, DataSource b) {
    return a == b || Objects.equals(identity(a), identity(b));
  }

  private static List<String> identity(DataSource dataSource) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(IDENTITY)) {
      rs.next();
      return Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3));
    } catch (SQLException e) {
      // a database that cannot be reached cannot be migrated twice; the apply reports its own connection failure
      return List.of(String.valueOf(System.identityHashCode(dataSource)), e.getMessage());
    }
  }
}
