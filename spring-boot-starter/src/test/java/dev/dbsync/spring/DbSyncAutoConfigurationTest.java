package dev.dbsync.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbsync.DbSync;
import dev.dbsync.MigrationException;
import dev.dbsync.spring.actuate.DbSyncEndpointAutoConfiguration;
import dev.dbsync.spring.actuate.DbSyncHealthAutoConfiguration;
import dev.dbsync.spring.actuate.DbSyncEndpoint;
import dev.dbsync.spring.actuate.DbSyncHealthIndicator;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import jakarta.annotation.PostConstruct;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The auto-configuration in application contexts against real PostgreSQL, one fresh database per test. */
@ExtendWith(FreshDatabase.class)
class DbSyncAutoConfigurationTest {

  private static ApplicationContextRunner runner(TestDatabase db) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(
            DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, DbSyncAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + db.url());
  }

  /** Queries the schema while it is being created, as a repository's start-up cache would. */
  static final class ProfileCounter {
    private final JdbcTemplate jdbc;
    Integer profilesAtStartup;

    ProfileCounter(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @PostConstruct
    void countProfiles() {
      profilesAtStartup = jdbc.queryForObject("SELECT count(*) FROM profiles", Integer.class);
    }
  }

  @Test
  void schemaExistsBeforeAJdbcTemplateBeanQueriesItInPostConstruct(TestDatabase db) {
    runner(db)
        .withBean(DbSyncBuilderCustomizer.class, () -> Cases.migrations("profiles"))
        .withBean(ProfileCounter.class)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(ProfileCounter.class).profilesAtStartup).isZero();
          DbSyncInitializer.LastApply last = context.getBean(DbSyncInitializer.class).lastApply();
          assertThat(last.result().applied()).extracting(m -> m.version()).containsExactly("1");
          assertThat(last.result().version()).isEqualTo("1");
        });
  }

  @Test
  void enabledFalseSkipsTheApply(TestDatabase db) throws SQLException {
    runner(db)
        .withBean(DbSyncBuilderCustomizer.class, () -> Cases.migrations("profiles"))
        .withPropertyValues("dbsync.enabled=false")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(DbSyncInitializer.class);
          assertThat(context).doesNotHaveBean(DbSync.Builder.class);
        });
    assertThat(tables(db)).isEmpty();
  }

  @Test
  void productionModeRefusesADestructiveMigrationAndTheContextFailsWithTheMessage(TestDatabase db)
      throws SQLException {
    runner(db)
        .withBean(DbSyncBuilderCustomizer.class, () -> Cases.migrations("destructive"))
        .withPropertyValues("dbsync.mode=production")
        .run(context -> {
          assertThat(context).hasFailed();
          Throwable failure = context.getStartupFailure();
          assertThat(rootCause(failure)).isInstanceOf(MigrationException.class)
              .hasMessageContaining("Production mode refuses the destructive migration V2__drop_t_b.sql")
              .hasMessageContaining("DBSYNC_ALLOW_DESTRUCTIVE");
          FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(failure);
          assertThat(analysis.getDescription())
              .startsWith(StarterMessages.applyFailed())
              .contains("Production mode refuses the destructive migration V2__drop_t_b.sql");
          assertThat(analysis.getAction()).contains("dbsync.enabled=false");
        });
    assertThat(tables(db)).isEmpty();
  }

  @Test
  void allowDestructivePropertyLetsProductionModeApplyIt(TestDatabase db) throws SQLException {
    runner(db)
        .withBean(DbSyncBuilderCustomizer.class, () -> Cases.migrations("destructive"))
        .withPropertyValues("dbsync.mode=production", "dbsync.allow-destructive=2", "dbsync.history-table=app_history")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(tables(db)).containsExactly("app_history", "t");
    assertThat(column(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 't'"))
        .containsExactly("a");
  }

  @Test
  void aRuntimeVariableWinsOverTheBootPropertyAndTheCodeWinsOverBoth(TestDatabase db) throws SQLException {
    DbSyncProperties properties = new DbSyncProperties();
    properties.setMode(DbSync.Mode.PRODUCTION);
    // DBSYNC_MODE=development in the operator's environment: the packaged dbsync.mode=production gives way
    DbSync.Builder builder = DbSyncAutoConfiguration.builder(
        properties, Map.of("DBSYNC_MODE", "development")::get);
    builder.classLoader(Cases.loader("destructive")).apply(db.dataSource());
    assertThat(tables(db)).containsExactly("flyway_schema_history", "t");
  }

  @Test
  void theBootPropertyAppliesWhenNoRuntimeVariableIsSet(TestDatabase db) throws SQLException {
    DbSyncProperties properties = new DbSyncProperties();
    properties.setMode(DbSync.Mode.PRODUCTION);
    DbSync.Builder builder = DbSyncAutoConfiguration.builder(properties, variable -> null);
    builder.classLoader(Cases.loader("destructive"));
    assertThatThrownBy(() -> builder.apply(db.dataSource()))
        .isInstanceOf(MigrationException.class).hasMessageContaining("Production mode refuses");
    // the code's own setting wins over the property
    builder.mode(DbSync.Mode.DEVELOPMENT).apply(db.dataSource());
    assertThat(tables(db)).containsExactly("flyway_schema_history", "t");
  }

  @Test
  void bootsRelaxedBindingReadsTheRuntimesVariablesAsTheSameSettings(TestDatabase db) {
    // what Boot does with the operator's DBSYNC_* variables: DBSYNC_MODE binds dbsync.mode, and DBSYNC_LOCK_TIMEOUT
    // binds dbsync.lock-timeout (Boot also maps a dash to an underscore), so both read the same value
    runner(db)
        .withPropertyValues("dbsync.enabled=false")
        .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
            new SystemEnvironmentPropertySource("test-environment",
                Map.of("DBSYNC_MODE", "production", "DBSYNC_LOCK_TIMEOUT", "9s"))))
        .withUserConfiguration(PropertiesOnly.class)
        .run(context -> {
          DbSyncProperties bound = context.getBean(DbSyncProperties.class);
          assertThat(bound.getMode()).isEqualTo(DbSync.Mode.PRODUCTION);
          assertThat(bound.getLockTimeout()).isEqualTo(Duration.ofSeconds(9));
        });
  }

  @EnableConfigurationProperties(DbSyncProperties.class)
  static class PropertiesOnly {}

  @Test
  void aUserDefinedBuilderReplacesTheProperties(TestDatabase db) throws SQLException {
    runner(db)
        .withBean(DbSync.Builder.class,
            () -> DbSync.configure().classLoader(Cases.loader("profiles")).historyTable("own_history"))
        .withPropertyValues("dbsync.history-table=property_history")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(DbSyncInitializer.class));
    assertThat(tables(db)).containsExactly("own_history", "posts", "profiles");
  }

  @Test
  void aUserDefinedInitializerBacksTheAutoConfigurationOff(TestDatabase db) throws SQLException {
    List<String> calls = new ArrayList<>();
    runner(db)
        .withBean(DbSyncBuilderCustomizer.class, () -> Cases.migrations("profiles"))
        .withBean("ownInitializer", DbSyncInitializer.class,
            () -> new DbSyncInitializer(DbSync.configure(), db.dataSource(), () -> calls.add("own")) {
              @Override
              public void afterPropertiesSet() {
                calls.add("afterPropertiesSet");
              }
            })
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBeansOfType(DbSyncInitializer.class)).containsOnlyKeys("ownInitializer");
        });
    assertThat(calls).containsExactly("afterPropertiesSet");
    assertThat(tables(db)).isEmpty();
  }

  @Test
  void aDedicatedMigrationConnectionMigratesItsDatabase(TestDatabase db, TestDatabase other) throws SQLException {
    runner(db)
        .withBean(DbSyncBuilderCustomizer.class, () -> Cases.migrations("profiles"))
        .withPropertyValues("dbsync.url=" + other.url())
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(tables(db)).isEmpty();
    assertThat(tables(other)).containsExactly("flyway_schema_history", "posts", "profiles");
  }

  @Test
  void aDedicatedUserAloneMigratesTheApplicationsDatabaseAsThatUser(TestDatabase db) throws SQLException {
    String role = "dbsync_t_migrator_" + db.name().substring("dbsync_t_".length());
    execute(db, "CREATE ROLE " + role + " LOGIN", "GRANT CREATE ON SCHEMA public TO " + role,
        "GRANT CREATE ON DATABASE " + db.name() + " TO " + role);
    try {
      String urlWithoutUser = db.url().replaceFirst("([?&])user=[^&]*&?", "$1").replaceFirst("[?&]$", "");
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, DbSyncAutoConfiguration.class))
          .withPropertyValues("spring.datasource.url=" + urlWithoutUser, "spring.datasource.username=postgres",
              "dbsync.user=" + role)
          .withBean(DbSyncBuilderCustomizer.class, () -> Cases.migrations("profiles"))
          .run(context -> assertThat(context).hasNotFailed());
      assertThat(column(db, "SELECT installed_by FROM flyway_schema_history")).containsExactly(role);
      assertThat(column(db, "SELECT tableowner FROM pg_tables WHERE tablename = 'posts'")).containsExactly(role);
    } finally {
      execute(db, "REASSIGN OWNED BY " + role + " TO postgres", "DROP OWNED BY " + role, "DROP ROLE " + role);
    }
  }

  @Test
  void flywaysAutoConfigurationOnTheSameDataSourceFailsStartupBeforeAnythingMigrates(TestDatabase db)
      throws SQLException {
    runner(db)
        .withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
        .withBean(DbSyncBuilderCustomizer.class, () -> Cases.migrations("profiles"))
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(rootCause(context.getStartupFailure())).isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("would both migrate the same database")
              .hasMessageContaining("spring.flyway.enabled=false");
        });
    assertThat(tables(db)).isEmpty();
  }

  @Test
  void flywayDisabledLetsDbsyncMigrate(TestDatabase db) throws SQLException {
    runner(db)
        .withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
        .withBean(DbSyncBuilderCustomizer.class, () -> Cases.migrations("profiles"))
        .withPropertyValues("spring.flyway.enabled=false")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(tables(db)).containsExactly("flyway_schema_history", "posts", "profiles");
  }

  @Test
  void flywayOnAnotherDatabaseIsNoConflict(TestDatabase db, TestDatabase other) throws SQLException {
    runner(db)
        .withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
        .withBean(DbSyncBuilderCustomizer.class, () -> Cases.migrations("profiles"))
        .withPropertyValues("spring.flyway.url=" + other.url(), "spring.flyway.locations=classpath:cases/flyway")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(tables(db)).containsExactly("flyway_schema_history", "posts", "profiles");
    assertThat(tables(other)).containsExactly("flyway_only", "flyway_schema_history");
  }

  @Test
  void actuatorBeansComeWithActuatorAndTheStarterWorksWithout(TestDatabase db) {
    ApplicationContextRunner withActuatorConfiguration = new ApplicationContextRunner()
        .withUserConfiguration(ImportedAsInAnApplication.class)
        .withPropertyValues("spring.datasource.url=" + db.url(), "management.endpoints.web.exposure.include=dbsync")
        .withBean(DbSyncBuilderCustomizer.class, () -> Cases.migrations("profiles"));
    withActuatorConfiguration.run(context -> assertThat(context).hasNotFailed()
        .hasSingleBean(DbSyncEndpoint.class).hasBean("dbsyncHealthIndicator"));
    withActuatorConfiguration.withPropertyValues("management.health.dbsync.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DbSyncHealthIndicator.class));
    // Actuator is optional: an application without it gets the apply alone
    withActuatorConfiguration
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health"))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(DbSyncInitializer.class)
            .doesNotHaveBean(DbSyncEndpoint.class).doesNotHaveBean(DbSyncHealthIndicator.class));
  }

  /** Imported the way @EnableAutoConfiguration imports: auto-configurations whose classes are missing are filtered. */
  @ImportAutoConfiguration({
      DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, DbSyncAutoConfiguration.class,
      DbSyncEndpointAutoConfiguration.class, DbSyncHealthAutoConfiguration.class})
  static class ImportedAsInAnApplication {}

  static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  static List<String> tables(TestDatabase db) throws SQLException {
    return column(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
        + "ORDER BY table_name");
  }

  static void execute(TestDatabase db, String... statements) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  static List<String> column(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }
}
