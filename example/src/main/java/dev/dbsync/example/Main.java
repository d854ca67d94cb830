package dev.dbsync.example;

import dev.dbsync.ApplyResult;
import dev.dbsync.DbSync;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies the schema compiled from {@link Profile} and {@link Post}, writes a profile and a post through the
 * generated metamodel ({@link ProfileTable}, {@link PostTable}) and reads them back.
 *
 * <p>Database: {@code DBSYNC_URL} (+ {@code DBSYNC_USER}, {@code DBSYNC_PASSWORD}) when set, otherwise an
 * embedded PostgreSQL whose data directory is kept between runs ({@code dbsync.example.dataDir}), so a second
 * run finds the schema up to date.
 */
public final class Main {
  /** dbsync logs the apply summary at INFO; this demo prints the result itself. Held: JUL keeps loggers weakly. */
  private static final Logger DBSYNC_LOG = Logger.getLogger("dev.dbsync");

  private Main() {}

  public static void main(String[] args) throws Exception {
    DBSYNC_LOG.setLevel(Level.WARNING);
    String url = System.getenv("DBSYNC_URL");
    if (url != null && !url.isBlank()) {
      run(dataSource(url, System.getenv("DBSYNC_USER"), System.getenv("DBSYNC_PASSWORD")), System.out);
      return;
    }
    try (EmbeddedPostgres pg = startEmbedded()) {
      run(pg.getPostgresDatabase(), System.out);
    }
  }

  /**
   * The database {@code url} names, with every part of it honoured ({@code ?user=...&password=...}); a user or
   * password given separately ({@code DBSYNC_USER}, {@code DBSYNC_PASSWORD}) wins over the URL's, an absent one
   * leaves the URL's alone.
   */
  static DataSource dataSource(String url, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    if (user != null && !user.isBlank()) {
      ds.setUser(user);
    }
    if (password != null && !password.isEmpty()) {
      ds.setPassword(password);
    }
    return ds;
  }

  private static EmbeddedPostgres startEmbedded() throws IOException {
    Path dataDir = Path.of(System.getProperty("dbsync.example.dataDir",
        Path.of(System.getProperty("java.io.tmpdir"), "dbsync-example-pgdata").toString()));
    Files.createDirectories(dataDir);
    System.out.println("DBSYNC_URL is not set: using an embedded PostgreSQL in " + dataDir);
    return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
  }

  /** Migrates, writes one profile and one post, prints both back. */
  public static void run(DataSource dataSource, PrintStream out) throws SQLException {
    ApplyResult result = DbSync.apply(dataSource);
    out.println(result.summary());

    try (Connection c = dataSource.getConnection()) {
      String handle = "reader-" + UUID.randomUUID().toString().substring(0, 8);
      UUID profileId = insertProfile(c, handle);
      insertPost(c, profileId, "Hello from dbsync", "Written through the generated PostTable constants.");
      printPostsOf(c, profileId, out);
    }
  }

  private static UUID insertProfile(Connection c, String handle) throws SQLException {
    String sql = "INSERT INTO " + ProfileTable.TABLE + " (" + ProfileTable.USER_ID + ", " + ProfileTable.USERNAME
        + ") VALUES (?, ?) RETURNING " + ProfileTable.ID;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, "user-" + handle);
      ps.setString(2, handle);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1, UUID.class);
      }
    }
  }

  private static void insertPost(Connection c, UUID authorId, String title, String content) throws SQLException {
    String sql = "INSERT INTO " + PostTable.TABLE + " (" + PostTable.AUTHOR_ID + ", " + PostTable.TITLE + ", "
        + PostTable.CONTENT + ") VALUES (?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, authorId);
      ps.setString(2, title);
      ps.setString(3, content);
      ps.executeUpdate();
    }
  }

  private static void printPostsOf(Connection c, UUID authorId, PrintStream out) throws SQLException {
    String sql = "SELECT p." + ProfileTable.USERNAME + ", s." + PostTable.TITLE + ", s." + PostTable.PUBLISHED
        + ", s." + PostTable.CREATED_AT + " FROM " + PostTable.TABLE + " s JOIN " + ProfileTable.TABLE + " p ON p."
        + ProfileTable.ID + " = s." + PostTable.AUTHOR_ID + " WHERE p." + ProfileTable.ID + " = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, authorId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.printf("Read back: post \"%s\" by %s (published: %s, created at %s)%n",
              rs.getString(2), rs.getString(1), rs.getBoolean(3), rs.getObject(4, java.time.OffsetDateTime.class));
        }
      }
    }
  }
}
