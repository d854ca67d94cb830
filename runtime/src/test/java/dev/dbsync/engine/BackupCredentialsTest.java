package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbsync.ApplyResult;
import dev.dbsync.MigrationException;
import dev.dbsync.testing.PasswordServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * pg_dump connects with the credentials of the DataSource dbsync was given, on a server that asks for a
 * password; its dump is readable by its owner only.
 */
class BackupCredentialsTest {
  @TempDir static Path serverDirectory;
  private static PasswordServer server;

  @TempDir Path temp;

  @BeforeAll
  static void startServer() {
    server = PasswordServer.start(serverDirectory.resolve("data"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private ApplyResult applyWithBackup(DataSource dataSource, String name) throws Exception {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
    // one server for the class: each test has a schema of its own
    Migrations migrations = Migrations.in(temp.resolve(name))
        .add("V1__t.sql", "CREATE TABLE " + name + ".t (id int);"); // the history table creates the schema
    return migrations.configure().historyTable(name + ".history").backupDirectory(temp.resolve("backups/new"))
        .apply(dataSource);
  }

  @Test
  void aHikariPoolWithSetPasswordGivesPgDumpItsPasswordAndTheDumpIsPrivate() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.url());
    config.setUsername(PasswordServer.USER);
    config.setPassword(PasswordServer.PASSWORD);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      ApplyResult result = applyWithBackup(pool, "hikari");

      assertTrue(Files.size(result.backup()) > 0);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(result.backup())));
      assertEquals("rwx------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(result.backup().getParent())));
    }
  }

  @Test
  void aSimpleDataSourceWithThePasswordSetOrInTheUrlToo() throws Exception {
    PGSimpleDataSource set = new PGSimpleDataSource();
    set.setURL(server.url());
    set.setUser(PasswordServer.USER);
    set.setPassword(PasswordServer.PASSWORD);
    assertTrue(Files.size(applyWithBackup(set, "simple").backup()) > 0);

    PGSimpleDataSource inUrl = new PGSimpleDataSource();
    inUrl.setURL(server.url() + "?user=" + PasswordServer.USER + "&password=" + PasswordServer.PASSWORD);
    HikariConfig config = new HikariConfig();
    config.setDataSource(inUrl);
    try (HikariDataSource wrapping = new HikariDataSource(config)) {
      assertTrue(Files.size(applyWithBackup(wrapping, "wrapped").backup()) > 0);
    }
  }

  @Test
  void withoutAKnownPasswordTheFailureNamesPgpassAndNothingIsApplied() throws Exception {
    PGSimpleDataSource hidden = new PGSimpleDataSource() {
      @Override
      public String getPassword() {
        return null; // a DataSource that does not tell
      }

      @Override
      public Connection getConnection() throws java.sql.SQLException {
        return super.getConnection(PasswordServer.USER, PasswordServer.PASSWORD);
      }
    };
    hidden.setURL(server.url());

    MigrationException e = assertThrows(MigrationException.class, () -> applyWithBackup(hidden, "hidden"));

    assertTrue(e.getMessage().startsWith("The backup before migrating failed, so nothing was applied: pg_dump: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("no password supplied"), e.getMessage());
    assertTrue(e.getMessage().endsWith(" Put it in ~/.pgpass of the user running the application, or in a file named"
        + " by PGPASSFILE (host:port:database:user:password, mode 0600)."), e.getMessage());
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL(server.url() + "?user=" + PasswordServer.USER + "&password=" + PasswordServer.PASSWORD);
    assertEquals(List.of("0"), Catalog.query(admin, "SELECT count(*) FROM pg_namespace WHERE nspname = 'hidden'"));
  }
}
