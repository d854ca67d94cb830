package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbsync.MigrationException;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What a migration SETs for its session does not stay on the pooled connection the application gets next. */
@ExtendWith(FreshDatabase.class)
class SessionStateTest {
  private static final String SESSION =
      "SELECT current_user, current_setting('search_path'), current_setting('TimeZone'),"
          + " current_setting('statement_timeout'), current_setting('client_connection_check_interval')";

  @TempDir Path temp;

  private static HikariDataSource onePooledConnection(TestDatabase db) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.url());
    config.setMaximumPoolSize(1);
    return new HikariDataSource(config);
  }

  private static String session(HikariDataSource pool) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(SESSION)) {
      rs.next();
      return rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4) + " | "
          + rs.getString(5);
    }
  }

  @Test
  void settingsARoleAndASearchPathSetByMigrationsAreResetAfterTheApply(TestDatabase db) throws Exception {
    String role = "dbsync_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Catalog.execute(db.dataSource(), "CREATE ROLE " + role);
    try (HikariDataSource pool = onePooledConnection(db)) {
      String before = session(pool);
      Migrations migrations = Migrations.in(temp.resolve("m"))
          .add("V1__app.sql", "CREATE SCHEMA app;\nGRANT ALL ON SCHEMA app, public TO " + role + ";")
          .add("V2__settings.sql", "SET search_path = app, public;\nSET TIME ZONE 'Asia/Tokyo';\n"
              + "SET statement_timeout = '1234s';\nCREATE TABLE notes (at timestamptz DEFAULT now());")
          .add("V3__as_role.sql", "GRANT ALL ON ALL TABLES IN SCHEMA public TO " + role + ";\nSET ROLE " + role
              + ";\nCREATE TABLE app.owned_by_role (id int);");

      migrations.apply(pool);

      assertEquals(before, session(pool));
      assertEquals(List.of(role), Catalog.query(db.dataSource(),
          "SELECT tableowner FROM pg_tables WHERE tablename = 'owned_by_role'"));
      assertEquals(List.of("app"), Catalog.query(db.dataSource(),
          "SELECT schemaname FROM pg_tables WHERE tablename = 'notes'"));

      migrations.add("V4__fails.sql", "SET search_path = app;\nSET SESSION TIME ZONE 'Asia/Tokyo';\nSELECT 1/0;");
      assertThrows(MigrationException.class, () -> migrations.apply(pool));
      assertEquals(before, session(pool));
    } finally {
      Catalog.execute(db.dataSource(), "DROP OWNED BY " + role + "; DROP ROLE " + role);
    }
  }
}
