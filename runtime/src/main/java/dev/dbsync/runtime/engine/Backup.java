package dev.dbsync.runtime.engine;

import dev.dbsync.MigrationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * A full {@code pg_dump --format=custom} of the database, taken before the first pending migration runs. It
 * connects on its own, with the host, port, database, user and (when the URL holds one) password of the
 * engine's connection; otherwise the usual libpq sources apply (~/.pgpass, PG* variables).
 */
final class Backup {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  private Backup() {}

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

  static Path dump(Connection connection, Path directory, MigrationVersion before, int retention)
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
      Files.createDirectories(directory);
      ProcessBuilder pgDump = new ProcessBuilder("pg_dump", "--format=custom", "--no-password", "--file=" + file)
          .redirectErrorStream(true);
      Map<String, String> env = pgDump.environment();
      env.put("PGHOST", PGProperty.PG_HOST.getOrDefault(url).split(",")[0]);
      env.put("PGPORT", PGProperty.PG_PORT.getOrDefault(url).split(",")[0]);
      env.put("PGDATABASE", database);
      env.put("PGUSER", connection.getMetaData().getUserName());
      String password = PGProperty.PASSWORD.getOrDefault(url);
      if (password != null) {
        env.put("PGPASSWORD", password);
      }
      Process process = pgDump.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
        Files.deleteIfExists(file);
        throw new MigrationException(EngineMessages.backupFailed("pg_dump: " + output));
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
