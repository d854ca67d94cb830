package dev.dbsync.spring;

import dev.dbsync.DbSync;
import dev.dbsync.runtime.engine.Settings;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Applies dbsync's pending migrations at startup, before any bean that uses the database, when the application
 * has a DataSource (or {@code dbsync.url}) and {@code dbsync.enabled} is not false. Backs off from whatever the
 * application defines itself: a {@link DbSyncInitializer} bean replaces the startup apply, a {@link DbSync.Builder}
 * bean replaces the settings ({@code dbsync.*} properties are then not applied; {@code DBSYNC_*} variables still
 * fill what it leaves unset).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(DbSync.class)
@Conditional(DbSyncAutoConfiguration.MigrationTargetCondition.class)
@ConditionalOnBooleanProperty(name = "dbsync.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DbSyncProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class DbSyncAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  DbSync.Builder dbSyncBuilder(DbSyncProperties properties, ObjectProvider<DbSyncBuilderCustomizer> customizers) {
    DbSync.Builder builder = builder(properties, Settings.systemEnvironment());
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder;
  }

  @Bean
  @ConditionalOnMissingBean
  DbSyncInitializer dbSyncInitializer(
      DbSync.Builder builder, DbSyncProperties properties, ObjectProvider<DataSource> dataSources,
      ObjectProvider<JdbcConnectionDetails> connectionDetails, ObjectProvider<MigrationTargetCheck> checks) {
    DataSource target = target(properties, dataSources, connectionDetails);
    return new DbSyncInitializer(builder, target, () -> checks.orderedStream().forEach(c -> c.check(target)));
  }

  /** Only with Flyway's auto-configuration on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer")
  static class FlywayConflictConfiguration {
    @Bean
    MigrationTargetCheck dbSyncFlywayConflictGuard(
        ConfigurableListableBeanFactory beanFactory, ObjectProvider<DataSource> dataSources) {
      return new FlywayConflictGuard(beanFactory, dataSources.getIfUnique());
    }
  }

  /**
   * The Builder from {@code dbsync.*}: a property is applied only when the runtime's own variable
   * ({@code DBSYNC_*}, or its system property {@code dbsync.x.y}) is unset, so an operator's environment variable
   * wins over a packaged {@code application.properties}, as everywhere in Boot.
   */
  static DbSync.Builder builder(DbSyncProperties p, UnaryOperator<String> runtimeEnvironment) {
    DbSync.Builder b = DbSync.configure();
    Setter set = new Setter(runtimeEnvironment);
    set.apply(Settings.MODE, p.getMode(), b::mode);
    set.apply(Settings.LOCK_TIMEOUT, p.getLockTimeout(), b::lockTimeout);
    set.apply(Settings.STATEMENT_TIMEOUT, p.getStatementTimeout(), b::statementTimeout);
    set.apply(Settings.LOCK_WAIT, p.getLockWait(), b::lockWait);
    set.apply(Settings.ALLOW_DESTRUCTIVE, p.getAllowDestructive(), value -> allowDestructive(b, value));
    set.apply(Settings.BACKUP_DIR, p.getBackupDir(), b::backupDirectory);
    set.apply(Settings.BACKUP_RETENTION, p.getBackupRetention(), b::backupRetention);
    set.apply(Settings.HISTORY_TABLE, p.getHistoryTable(), b::historyTable);
    set.apply(Settings.FAIL_ON_DRIFT, p.getFailOnDrift(), b::failOnDrift);
    return b;
  }

  private record Setter(UnaryOperator<String> runtimeEnvironment) {
    <T> void apply(String variable, T value, Consumer<T> setter) {
      String fromEnvironment = runtimeEnvironment.apply(variable);
      if (value != null && (fromEnvironment == null || fromEnvironment.isBlank())) {
        setter.accept(value);
      }
    }
  }

  private static void allowDestructive(DbSync.Builder builder, String value) {
    String text = value.strip();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      builder.allowDestructive(Boolean.parseBoolean(text));
      return;
    }
    try {
      builder.allowDestructive(Arrays.stream(text.split(",")).map(String::strip).toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(StarterMessages.invalidAllowDestructive(value, e.getMessage()), e);
    }
  }

  /** The dedicated connection when {@code dbsync.url} or {@code dbsync.user} is set, else the DataSource. */
  private static DataSource target(
      DbSyncProperties properties, ObjectProvider<DataSource> dataSources,
      ObjectProvider<JdbcConnectionDetails> connectionDetails) {
    if (properties.getUrl() != null || properties.getUser() != null) {
      JdbcConnectionDetails application = connectionDetails.getIfAvailable();
      String url = properties.getUrl() != null ? properties.getUrl()
          : application != null ? application.getJdbcUrl() : null;
      if (url == null) {
        throw new IllegalStateException(StarterMessages.userWithoutUrl());
      }
      return new DriverManagerDataSource(url, properties.getUser(), properties.getPassword());
    }
    DataSource dataSource = dataSources.getIfUnique();
    if (dataSource == null) {
      throw new IllegalStateException(StarterMessages.noDataSource());
    }
    return dataSource;
  }

  /** A DataSource bean, or {@code dbsync.url} for a dedicated connection (as Flyway's own condition). */
  static final class MigrationTargetCondition extends AnyNestedCondition {
    MigrationTargetCondition() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(DataSource.class)
    static final class DataSourceBean {}

    @ConditionalOnProperty(prefix = "dbsync", name = "url")
    static final class DedicatedUrl {}
  }
}
