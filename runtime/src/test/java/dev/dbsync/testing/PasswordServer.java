package dev.dbsync.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A throwaway PostgreSQL 15 (embedded, its own port and data directory) that asks every TCP client for a
 * password (scram-sha-256), as production servers do; the shared test server trusts everyone, so only here
 * does a missing password show. Closing it stops it.
 */
public final class PasswordServer implements AutoCloseable {
  public static final String USER = "postgres";
  public static final String PASSWORD = "s3cret-p4ss";

  private final EmbeddedPostgres postgres;

  private PasswordServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static PasswordServer start(Path dataDirectory) {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).start();
      try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("ALTER ROLE " + USER + " PASSWORD '" + PASSWORD + "'");
        Files.writeString(dataDirectory.resolve("pg_hba.conf"),
            "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n");
        s.execute("SELECT pg_reload_conf()");
      }
      return new PasswordServer(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** The URL of database {@code postgres} on 127.0.0.1, without any password. */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
