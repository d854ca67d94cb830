package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The no-op apply must cost one query after the connection: it is what every application start pays. */
@ExtendWith(FreshDatabase.class)
class RoundTripTest {
  private static final Set<String> ROUND_TRIPS =
      Set.of("execute", "executeQuery", "executeUpdate", "executeBatch", "commit", "rollback");

  @TempDir Path temp;

  @Test
  void nothingPendingIsOneQuery(TestDatabase db) {
    Migrations migrations = Migrations.copyOf("basic", temp).index();
    migrations.apply(db.dataSource());
    List<String> calls = new ArrayList<>();

    // the first no-op reads the rows with the history's fingerprint and validates them; the next reads only the
    // fingerprint, since this listing (unchanged files) was validated with that history (see WarmNoOpTest)
    assertTrue(migrations.apply(recording(db.dataSource(), calls)).upToDate());
    assertTrue(migrations.apply(recording(db.dataSource(), calls)).upToDate());
    // another listing of the same files (another root) is not known: the rows once more, then the fingerprint
    Migrations copy = Migrations.copyOf("basic", temp.resolve("copy")).index();
    assertTrue(copy.apply(recording(db.dataSource(), calls)).upToDate());
    assertTrue(copy.apply(recording(db.dataSource(), calls)).upToDate());

    String table = "\"public\".\"flyway_schema_history\"";
    String fingerprint = "SELECT count(*) || ':' || coalesce(sum((coalesce(hashtextextended(version, installed_rank::bigint"
        + " * 4), 0) # hashtextextended(description, installed_rank::bigint * 4 + 1) # hashtextextended(type,"
        + " installed_rank::bigint * 4 + 2) # hashtextextended(script, installed_rank::bigint * 4 + 3) #"
        + " (coalesce(checksum, 0)::bigint << 1 | success::int))::numeric), 0)";
    String rows = "executeQuery SELECT h.installed_rank, h.version, h.description, h.type, h.script, h.checksum,"
        + " h.success, f.fingerprint FROM " + table + " h CROSS JOIN (" + fingerprint + " AS fingerprint FROM " + table
        + ") f ORDER BY h.installed_rank";
    String warm = "executeQuery " + fingerprint + " FROM " + table;
    assertEquals(List.of(rows, warm, rows, warm), calls);
  }

  @Test
  void applyingIsOneTransaction(TestDatabase db) {
    Migrations migrations = Migrations.copyOf("basic", temp);
    List<String> calls = new ArrayList<>();

    migrations.apply(recording(db.dataSource(), calls));

    // after the apply, the connection's own settings are put back (SessionState.restore) and committed apart
    int restore = calls.size() - 1;
    while (restore >= 0 && !calls.get(restore).contains("set_config(s.name, s.setting, false)")) {
      restore--;
    }
    List<String> applying = restore < 0 ? calls : calls.subList(0, restore);
    List<String> endings = applying.stream().filter(c -> c.startsWith("commit") || c.startsWith("rollback")).toList();
    assertEquals(1, endings.stream().filter(c -> c.startsWith("commit")).count(), calls.toString());
    assertTrue(endings.get(0).startsWith("commit"), "the migrations' transaction commits: " + calls);
    assertTrue(applying.subList(applying.indexOf(endings.get(0)), applying.size()).stream()
        .allMatch(c -> c.startsWith("commit") || c.startsWith("rollback") || c.contains("current_setting")),
        "nothing runs after the commit but the session's restore: " + calls);
  }

  @Test
  void aConnectionWithoutAutocommitIsHandedBackAsItCameWithNoTransactionOpen(TestDatabase db) throws Exception {
    Migrations migrations = Migrations.copyOf("basic", temp);
    try (Connection connection = db.connect()) {
      connection.setAutoCommit(false);
      DataSource single = sharing(connection);

      assertEquals(2, migrations.apply(single).applied().size());
      assertEquals(List.of("idle"), backendState(db, connection));
      assertTrue(migrations.apply(single).upToDate());
      assertEquals(List.of("idle"), backendState(db, connection));
      assertEquals(false, connection.getAutoCommit());
    }
    assertEquals(2, Catalog.history(db.dataSource()).size());
  }

  private static List<String> backendState(TestDatabase db, Connection connection) throws Exception {
    int pid = connection.unwrap(org.postgresql.PGConnection.class).getBackendPID();
    return Catalog.query(db.dataSource(), "SELECT state FROM pg_stat_activity WHERE pid = " + pid);
  }

  /** A DataSource handing out one connection whose close() does nothing, as a pool would. */
  static DataSource sharing(Connection connection) {
    Connection unclosable = (Connection) Proxy.newProxyInstance(RoundTripTest.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (self, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    return (DataSource) Proxy.newProxyInstance(RoundTripTest.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (self, method, args) -> {
          if (method.getName().equals("getConnection")) {
            return unclosable;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  /** A DataSource whose connections record each call that reaches the server. */
  static DataSource recording(DataSource target, List<String> calls) {
    return proxy(DataSource.class, target, calls, null);
  }

  private static <T> T proxy(Class<T> type, Object target, List<String> calls, String sql) {
    InvocationHandler handler = (self, method, args) -> {
      String name = method.getName();
      if (ROUND_TRIPS.contains(name)) {
        calls.add((name + " " + (args != null && args.length > 0 && args[0] instanceof String s ? s
            : sql == null ? "" : sql)).strip());
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (result instanceof Connection c) {
        return proxy(Connection.class, c, calls, null);
      }
      if (result instanceof PreparedStatement p) {
        return proxy(PreparedStatement.class, p, calls, (String) args[0]);
      }
      if (result instanceof Statement s) {
        return proxy(Statement.class, s, calls, null);
      }
      return result;
    };
    return type.cast(Proxy.newProxyInstance(RoundTripTest.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
