package dev.dbsync.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The number of catalog queries does not grow with the number of tables. */
@ExtendWith(FreshDatabase.class)
class IntrospectorQueryCountTest {
  @Test
  void sameNumberOfQueriesForOneAndFiftyTables(TestDatabase one, TestDatabase fifty) throws SQLException {
    int forOne = queriesToRead(one, 1);
    int forFifty = queriesToRead(fifty, 50);
    assertEquals(5, forOne); // SET LOCAL jit = off, then enums, tables+columns, constraints, indexes
    assertEquals(forOne, forFifty);
  }

  private static int queriesToRead(TestDatabase db, int tables) throws SQLException {
    try (Connection connection = db.connect()) {
      StringBuilder ddl = new StringBuilder("CREATE TYPE mood AS ENUM ('ok');");
      for (int i = 0; i < tables; i++) {
        ddl.append("CREATE TABLE t").append(i)
            .append(" (id int PRIMARY KEY, name text UNIQUE, m mood DEFAULT 'ok', parent int REFERENCES t")
            .append(i).append(" CHECK (parent <> id));")
            .append("CREATE INDEX t").append(i).append("_m ON t").append(i).append(" (m) WHERE m IS NOT NULL;");
      }
      IntrospectorTest.execute(connection, ddl.toString());
      AtomicInteger statements = new AtomicInteger();
      assertEquals(tables, Introspector.read(counting(connection, statements), List.of("public")).tables().size());
      return statements.get();
    }
  }

  /** The connection, counting every statement it prepares or creates (each is executed once). */
  private static Connection counting(Connection connection, AtomicInteger statements) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                statements.incrementAndGet();
              }
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
