package dev.dbsync.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
class FreshDatabaseTest {
  @Test
  void eachParameterIsItsOwnEmptyDatabase(TestDatabase first, TestDatabase second) throws SQLException {
    assertNotEquals(first.name(), second.name());
    try (Connection a = first.connect(); Connection b = second.connect()) {
      a.createStatement().execute("CREATE TABLE only_in_first (id int)");
      assertEquals(1, userTables(a));
      assertEquals(0, userTables(b));
      assertEquals(first.name(), currentDatabase(a));
    }
  }

  @Test
  void aConfiguredServerThatDoesNotAnswerFailsWithTheFix() {
    String url = "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&connectTimeout=2";
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestDatabases.choose(url));
    assertTrue(e.getMessage().startsWith(TestDatabases.URL_VARIABLE + "=" + url + " does not answer"), e.getMessage());
    assertTrue(e.getMessage().contains("unset " + TestDatabases.URL_VARIABLE), e.getMessage());
    assertTrue(e.getMessage().contains(TestDatabases.URL_VARIABLE + "=embedded"), e.getMessage());
  }

  private static int userTables(Connection c) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String currentDatabase(Connection c) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
