package dev.dbsync.runtime.engine;

import dev.dbsync.MigrationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * A full {@code pg_dump --format=custom} of the database, taken before the first pending migration runs. It
 * connects on its own, with the host, port, database and user of the engine's connection and the password of
 * the {@code DataSource} dbsync was given (see {@link #password}), passed in {@code PGPASSWORD} in pg_dump's
 * environment, never on its command line (which every local user can read); without one, libpq's own sources
 * apply ({@code ~/.pgpass}, {@code PGPASSFILE}). The dump holds a full copy of the data: it is created readable
 * by its owner only ({@code 0600}), in a directory created {@code 0700}.
 */
final class Backup {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  /** libpq's words when the server asks for a password that pg_dump was not given. */
  private static final Pattern NEEDS_PASSWORD =
      Pattern.compile("no password supplied|password authentication failed");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private Backup() {}

  /** The directory {@code 0700} when it is created here, the (empty) dump file {@code 0600}, before pg_dump writes. */
  private static void createPrivately(Path directory, Path file) throws IOException {
    if (!POSIX) {
      Files.createDirectories(directory);
      return;
    }
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
    }
    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
  }

  /** Deletes this database's dumps older than the newest {@code keep}: the time stamp in the name sorts them. */
  private static void prune(Path directory, String database, int keep) throws IOException {
    Pattern ours = Pattern.compile(Pattern.quote(database) + "-\\d{8}-\\d{6}-\\d{3}-before-V.+\\.dump");
    List<Path> dumps;
    try (Stream<Path> files = Files.list(directory)) {
      dumps = files.filter(f -> ours.matcher(f.getFileName().toString()).matches())
          .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
          .toList();
    }
    for (Path old : dumps.subList(Math.min(keep, dumps.size()), dumps.size())) {
      Files.deleteIfExists(old);
    }
  }

  /**
   * The password of the DataSource, where it can be known: JDBC drivers strip it from
   * {@code getMetaData().getURL()}, so it is read from the DataSource itself, as HikariCP, pgjdbc's
   * {@code PGSimpleDataSource} and Spring's {@code DriverManagerDataSource} expose it ({@code getPassword()}, or
   * the password in {@code getJdbcUrl()} / {@code getUrl()}), also through a pool that wraps another DataSource
   * ({@code getDataSource()}, {@code getTargetDataSource()}). Null when none of them has one.
   */
  static String password(Object dataSource) {
    for (int depth = 0; dataSource != null && depth < 4; depth++) {
      String password = call(dataSource, "getPassword");
      if (password != null && !password.isEmpty()) {
        return password;
      }
      for (String getter : List.of("getJdbcUrl", "getUrl", "getURL")) {
        String url = call(dataSource, getter);
        Properties parsed = url == null ? null : Driver.parseURL(url, new Properties());
        if (parsed != null && PGProperty.PASSWORD.getOrDefault(parsed) != null) {
          return PGProperty.PASSWORD.getOrDefault(parsed);
        }
      }
      Object inner = null;
      for (String getter : List.of("getDataSource", "getTargetDataSource")) {
        inner = inner != null ? inner : callObject(dataSource, getter);
      }
      dataSource = inner;
    }
    return null;
  }

  private static String call(Object target, String getter) {
    return callObject(target, getter) instanceof String value ? value : null;
  }

  /** A public no-argument getter by name, or null: the DataSource's class is not known at compile time. */
  private static Object callObject(Object target, String getter) {
    try {
      return target.getClass().getMethod(getter).invoke(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  static Path dump(Connection connection, String password, Path directory, MigrationVersion before, int retention)
      throws SQLException {
    String jdbcUrl = connection.getMetaData().getURL();
    Properties url = Driver.parseURL(jdbcUrl, new Properties());
    if (url == null) {
      throw new MigrationException(EngineMessages.backupFailed("cannot read the JDBC URL " + jdbcUrl));
    }
    String database = PGProperty.PG_DBNAME.getOrDefault(url);
    Path file = directory.resolve(database + "-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + "-before-V"
        + before.text() + ".dump");
    try {
      createPrivately(directory, file);
      ProcessBuilder pgDump = new ProcessBuilder("pg_dump", "--format=custom", "--no-password", "--file=" + file)
          .redirectErrorStream(true);
      Map<String, String> env = pgDump.environment();
      env.put("PGHOST", PGProperty.PG_HOST.getOrDefault(url).split(",")[0]);
      env.put("PGPORT", PGProperty.PG_PORT.getOrDefault(url).split(",")[0]);
      env.put("PGDATABASE", database);
      env.put("PGUSER", connection.getMetaData().getUserName());
      if (password != null) {
        env.put("PGPASSWORD", password);
      }
      Process process = pgDump.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
        Files.deleteIfExists(file);
        throw new MigrationException(EngineMessages.backupFailed("pg_dump: " + output
            + (password == null && NEEDS_PASSWORD.matcher(output).find() ? EngineMessages.backupNeedsPassword() : "")));
      }
      if (retention > 0) {
        prune(directory, database, retention);
      }
      return file;
    } catch (IOException e) {
      throw new MigrationException(EngineMessages.backupFailed(e.toString()), null, null, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException(EngineMessages.backupFailed("interrupted"));
    }
  }
}
