package dev.dbsync.runtime.engine;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The session settings of the migration connection, read before an apply and put back after it. A migration's
 * {@code SET search_path}, {@code SET ROLE}, {@code SET TIME ZONE} ... commits with the migration and would
 * stay on the pooled connection, changing what the application's next borrower sees; restoring (rather than
 * refusing such statements) keeps a migration that sets its own search_path working as written. Read from
 * PostgreSQL: every setting a session may change ({@code pg_settings} of context user or superuser), plus the
 * role and session authorization, which {@code pg_settings} does not show. (Custom settings such as
 * {@code myapp.tenant} are not listed there either and are not restored.)
 *
 * <p>The engine also sets, for the migration connection only, what makes PostgreSQL notice a client that is
 * gone ({@link #DETECT_LOST_CLIENT}); the restore puts the pool's values back.
 */
final class SessionState {
  /**
   * PostgreSQL 14+ checks every second whether the client of a running statement is still connected, so a
   * migration whose JVM was killed ({@code kill -9}) ends within about a second and releases its locks, instead
   * of holding ACCESS EXCLUSIVE and the migration lock until the statement finishes. Keepalives do the same for
   * a client whose host or network is gone (about 8 s).
   */
  static final List<String> DETECT_LOST_CLIENT = List.of(
      "client_connection_check_interval", "1s", "tcp_keepalives_idle", "5", "tcp_keepalives_interval", "1",
      "tcp_keepalives_count", "3");

  private final String[] names;
  private final String[] values;
  private final String role;
  private final String authorization;
  private final int backendPid;

  private SessionState(String[] names, String[] values, String role, String authorization, int backendPid) {
    this.names = names;
    this.values = values;
    this.role = role;
    this.authorization = authorization;
    this.backendPid = backendPid;
  }

  /** The process id of the migration connection's backend, read with the settings. */
  int backendPid() {
    return backendPid;
  }

  static SessionState capture(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    String role;
    String authorization;
    int backendPid;
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery(
          "SELECT name, setting FROM pg_settings WHERE context IN ('user', 'superuser')")) {
        while (rs.next()) {
          names.add(rs.getString(1));
          values.add(rs.getString(2));
        }
      }
      try (ResultSet rs = statement.executeQuery(
          "SELECT current_setting('role'), current_setting('session_authorization'), pg_backend_pid()")) {
        rs.next();
        role = rs.getString(1);
        authorization = rs.getString(2);
        backendPid = rs.getInt(3);
      }
    }
    return new SessionState(
        names.toArray(String[]::new), values.toArray(String[]::new), role, authorization, backendPid);
  }

  /** Sets {@link #DETECT_LOST_CLIENT} for this session, where the server knows the settings. */
  static void detectLostClient(Connection connection) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT count(set_config(s.name, s.value, false)) FROM (VALUES ");
    for (int i = 0; i < DETECT_LOST_CLIENT.size(); i += 2) {
      sql.append(i == 0 ? "" : ", ").append("('").append(DETECT_LOST_CLIENT.get(i)).append("', '")
          .append(DETECT_LOST_CLIENT.get(i + 1)).append("')");
    }
    sql.append(") s(name, value) JOIN pg_settings p ON p.name = s.name"); // client_connection_check_interval: 14+
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql.toString());
    }
  }

  /**
   * Puts the settings back, authorization and role first (a session authorization resets the role). Ends with
   * a commit when the connection is not in autocommit: a set_config in a transaction that rolls back is undone.
   */
  void restore(Connection connection) throws SQLException {
    Array nameArray = connection.createArrayOf("text", names);
    Array valueArray = connection.createArrayOf("text", values);
    try (PreparedStatement identity = connection.prepareStatement(
            "SELECT CASE WHEN current_setting('session_authorization') <> ? THEN"
                + " set_config('session_authorization', ?, false) END,"
                + " CASE WHEN current_setting('role') <> ? THEN set_config('role', ?, false) END");
        PreparedStatement settings = connection.prepareStatement(
            "SELECT count(set_config(s.name, s.setting, false)) FROM unnest(?::text[], ?::text[]) AS s(name, setting)"
                + " JOIN pg_settings p ON p.name = s.name WHERE p.setting IS DISTINCT FROM s.setting")) {
      identity.setString(1, authorization);
      identity.setString(2, authorization);
      identity.setString(3, role);
      identity.setString(4, role);
      identity.executeQuery().close();
      settings.setArray(1, nameArray);
      settings.setArray(2, valueArray);
      settings.executeQuery().close();
    }
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }
}
