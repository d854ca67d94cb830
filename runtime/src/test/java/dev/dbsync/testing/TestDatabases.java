package dev.dbsync.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.opentest4j.TestAbortedException;

/**
 * Chooses the PostgreSQL server the tests use, once per JVM, in this order: {@code DBSYNC_TEST_JDBC_URL}
 * (environment variable or system property), a reachable local server on 127.0.0.1:5432, a Docker engine
 * (Testcontainers), an embedded PostgreSQL from Maven Central ({@code DBSYNC_TEST_JDBC_URL=embedded} forces
 * it). Each test then gets a database of its own.
 */
public final class TestDatabases {
  public static final String URL_VARIABLE = "DBSYNC_TEST_JDBC_URL";
  private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  private static Server server;
  /** Why no server could be chosen: told in full once, by the first test that asked. */
  private static String unavailable;

  private TestDatabases() {}

  /** A server: the JDBC URL of its maintenance database and where it came from. */
  public record Server(String adminUrl, String origin) {
    /** The URL of another database on the same server. */
    public String urlOf(String database) {
      int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
      int query = adminUrl.indexOf('?', slash);
      return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
    }
  }

  public static synchronized Server server() {
    if (unavailable != null) {
      // every later test is aborted, not failed: the build fails once, with the fix, not once per test
      throw new TestAbortedException("no PostgreSQL for the tests, see the first failure: " + unavailable);
    }
    if (server == null) {
      try {
        server = choose(setting(URL_VARIABLE));
      } catch (RuntimeException e) {
        unavailable = e.getMessage();
        throw e;
      }
      System.err.println("[dbsync tests] PostgreSQL: " + server.origin());
    }
    return server;
  }

  /** Creates a fresh, empty database and returns it; {@link TestDatabase#close()} drops it. */
  public static TestDatabase create() {
    Server s = server();
    String name = "dbsync_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    admin(s, "CREATE DATABASE " + name);
    return new TestDatabase(name, s.urlOf(name), () -> admin(s, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
  }

  private static void admin(Server s, String sql) {
    try (Connection c = DriverManager.getConnection(s.adminUrl()); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database setup failed on " + s.origin() + ": " + sql, e);
    }
  }

  /** The server {@code configured} ({@code DBSYNC_TEST_JDBC_URL}, may be null) names, or the first that answers. */
  static Server choose(String configured) {
    if ("embedded".equals(configured)) {
      return embedded();
    }
    if (configured != null && !configured.isBlank()) {
      try (Connection ignored = DriverManager.getConnection(configured)) {
        return new Server(configured, URL_VARIABLE + "=" + configured);
      } catch (SQLException e) {
        throw new IllegalStateException(URL_VARIABLE + "=" + configured + " does not answer (" + e.getMessage()
            + "). Start that server, or unset " + URL_VARIABLE + " (the tests then use a server on"
            + " 127.0.0.1:5432, Docker or an embedded PostgreSQL), or set " + URL_VARIABLE + "=embedded.", e);
      }
    }
    if (answers("127.0.0.1", 5432) && connects(LOCAL_URL)) {
      return new Server(LOCAL_URL, "local server on 127.0.0.1:5432");
    }
    Server docker = Containers.startIfDockerAnswers();
    if (docker != null) {
      return docker;
    }
    return embedded();
  }

  private static String setting(String variable) {
    String property = System.getProperty(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
    return property != null ? property : System.getenv(variable);
  }

  private static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean connects(String url) {
    try (Connection ignored = DriverManager.getConnection(url)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static Server embedded() {
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg)));
      return new Server(pg.getJdbcUrl("postgres", "postgres"), "embedded PostgreSQL on port " + pg.getPort());
    } catch (IOException e) {
      throw new UncheckedIOException("no PostgreSQL for the tests: set " + URL_VARIABLE
          + ", start a local server on 127.0.0.1:5432, or make the embedded one start", e);
    }
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException ignored) {
      // the JVM is exiting; the temporary data directory goes with it
    }
  }

  /** Testcontainers is touched only here, so that a machine without Docker never loads it. */
  private static final class Containers {
    static Server startIfDockerAnswers() {
      try {
        if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
          return null;
        }
        var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:15");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        String url = container.getJdbcUrl() + "&user=" + container.getUsername()
            + "&password=" + container.getPassword();
        return new Server(url.contains("?") ? url : url.replaceFirst("&", "?"), "Docker container postgres:15");
      } catch (RuntimeException | LinkageError e) {
        return null;
      }
    }
  }
}
