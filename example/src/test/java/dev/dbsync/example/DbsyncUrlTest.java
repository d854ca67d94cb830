package dev.dbsync.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The example connects exactly as DBSYNC_URL says: its user= is the user, not the operating system's. */
@ExtendWith(FreshDatabase.class)
class DbsyncUrlTest {
  /** Roles are server-wide and the server may be shared: a name of this run only. */
  private static final String ROLE = "dbsync_url_" + Long.toHexString(System.nanoTime());

  @Test
  void theUserInTheUrlIsTheUserConnected(TestDatabase db) throws SQLException {
    try (Connection admin = db.connect(); Statement st = admin.createStatement()) {
      st.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD 'secret'");
      try {
        DataSource fromUrl = Main.dataSource(withUser(db.url(), ROLE + "&password=secret"), null, null);
        assertEquals(ROLE, currentUser(fromUrl));

        DataSource overridden = Main.dataSource(withUser(db.url(), ROLE + "&password=secret"), "postgres", null);
        assertEquals("postgres", currentUser(overridden));
      } finally {
        st.execute("DROP ROLE " + ROLE);
      }
    }
  }

  @Test
  void aUserThatDoesNotExistIsRefusedNotReplaced(TestDatabase db) {
    SQLException e = assertThrows(SQLException.class,
        () -> currentUser(Main.dataSource(withUser(db.url(), "nosuchuser"), null, null)));
    assertTrue(e.getMessage().contains("nosuchuser"), e.getMessage());
  }

  /** {@code url} with its user (and whatever else it had) replaced by {@code user}. */
  private static String withUser(String url, String user) {
    int query = url.indexOf('?');
    return (query < 0 ? url : url.substring(0, query)) + "?user=" + user;
  }

  private static String currentUser(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT current_user")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
