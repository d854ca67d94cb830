package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.MigrationException;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A warm no-op reads the history's fingerprint instead of its rows: the engine remembers the histories it has
 * validated against the same listing of files. Whatever is done to the history behind its back is still seen, as a
 * cold start would see it.
 */
@ExtendWith(FreshDatabase.class)
class WarmNoOpTest {
  private static final String V1 = "CREATE TABLE a (id int PRIMARY KEY);\n";
  private static final String V2 = "CREATE TABLE b (id int PRIMARY KEY);\n";

  @TempDir Path temp;

  @Test
  void aWarmNoOpReadsOneValueAndAnotherListingReadsTheRowsAgain(TestDatabase db) {
    Migrations build = built(temp.resolve("build"));
    build.apply(db.dataSource()); // applies both
    List<String> statements = new ArrayList<>();
    DataSource recorded = recording(db.dataSource(), statements);

    assertTrue(build.apply(recorded).upToDate()); // reads every row and validates them: remembered
    assertTrue(build.apply(recorded).upToDate()); // one value: the history's fingerprint
    // another listing of the same files (another root) is not known: the rows once more, then the fingerprint
    Migrations other = built(temp.resolve("other"));
    assertTrue(other.apply(recorded).upToDate());
    assertTrue(other.apply(recorded).upToDate());

    assertEquals(List.of("rows", "fingerprint", "rows", "fingerprint"),
        statements.stream().map(sql -> sql.contains("installed_rank, h.version") ? "rows"
            : sql.startsWith("SELECT count(*)") ? "fingerprint" : sql).toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "checksum changed   | UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'"
          + " | Migration checksum mismatch for migration version 2",
      "checksum removed   | UPDATE flyway_schema_history SET checksum = NULL WHERE version = '2'"
          + " | -> Applied to database : null",
      "description edited | UPDATE flyway_schema_history SET description = 'create c' WHERE version = '2'"
          + " | Migration description mismatch for migration version 2",
      "failed             | UPDATE flyway_schema_history SET success = false WHERE version = '2'"
          + " | Detected failed migration to version 2",
      "row of another run | INSERT INTO flyway_schema_history SELECT 3, '3', 'create c', 'SQL', 'V3__create_c.sql',"
          + " 1, installed_by, installed_on, 0, true FROM flyway_schema_history WHERE version = '1'"
          + " | Detected applied migration not resolved locally: 3",
      "row deleted        | DELETE FROM flyway_schema_history WHERE version = '2'"
          + " | relation \"b\" already exists",
      "versions swapped   | UPDATE flyway_schema_history SET version = CASE version WHEN '1' THEN '2' ELSE '1' END"
          + " | Migration description mismatch for migration version 1",
  })
  void historyEditedBehindAWarmEngineIsSeenAsAColdStartSeesIt(String edit, String sql, String expected,
      TestDatabase db) {
    Migrations build = built(temp);
    build.apply(db.dataSource());
    assertTrue(build.apply(db.dataSource()).upToDate());
    assertTrue(build.apply(db.dataSource()).upToDate()); // warm: from the fingerprint

    Catalog.execute(db.dataSource(), sql);

    MigrationException e = assertThrows(MigrationException.class, () -> build.apply(db.dataSource()), edit);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void aHistoryPutBackIsKnownAgain(TestDatabase db) {
    Migrations build = built(temp);
    build.apply(db.dataSource());
    assertTrue(build.apply(db.dataSource()).upToDate());
    Catalog.execute(db.dataSource(), "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
    assertThrows(MigrationException.class, () -> build.apply(db.dataSource()));

    Catalog.execute(db.dataSource(), "UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '1'");
    assertTrue(build.apply(db.dataSource()).upToDate());
  }

  private static Migrations built(Path root) {
    return Migrations.in(root).add("V1__create_a.sql", V1).add("V2__create_b.sql", V2).index();
  }

  /** The data source, recording the SQL of every statement its connections prepare. */
  private static DataSource recording(DataSource dataSource, List<String> statements) {
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        Connection connection = dataSource.getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, method, args) -> {
              if (method.getName().startsWith("prepare")) {
                statements.add((String) args[0]);
              } else if (method.getName().equals("createStatement")) {
                statements.add("a statement created, its SQL not known");
              }
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
      }

      @Override
      public Connection getConnection(String user, String password) {
        throw new UnsupportedOperationException();
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
      }

      @Override
      public boolean isWrapperFor(Class<?> type) {
        return false;
      }
    };
  }
}
