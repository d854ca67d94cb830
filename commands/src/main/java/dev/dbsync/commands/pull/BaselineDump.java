package dev.dbsync.commands.pull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * The DDL of everything in the pulled schemas, as PostgreSQL's own {@code pg_dump --schema-only} writes it: tables,
 * partitions, views, functions, triggers, domains, sequences, policies. It is asked, not imitated: no other tool
 * knows every kind of object the server does. The dump runs while the records are generated.
 *
 * <p>It connects on its own with the host, port, database and user of the given connection; the password goes
 * through {@code PGPASSWORD} in the child's environment, never its command line. Owners and privileges are left
 * out (roles belong to the cluster, not to the schema), and so is the migration history table.
 */
final class BaselineDump {
  /**
   * Session settings pg_dump writes first. In a migration they would outlive it: an empty search_path breaks the
   * history insert and every later unqualified name, {@code lock_timeout = 0} overrides the engine's. Only
   * check_function_bodies is needed (functions come before the tables their bodies use), and it is kept local to
   * the migration's transaction.
   */
  private static final Pattern SESSION_SETTING =
      Pattern.compile("SET [a-z_]+ = .*;|SELECT pg_catalog\\.set_config\\('search_path', '', false\\);");

  private static final String FUNCTION_BODIES = "SET check_function_bodies = false;";

  /**
   * pg_dump creates each schema it is asked for, public included; an empty database already has public, so the
   * baseline creates a schema only where it is missing.
   */
  private static final Pattern CREATE_SCHEMA = Pattern.compile("CREATE SCHEMA (\\S+);");

  /** Lines that differ from one pg_dump or server to the next, or are psql commands rather than SQL. */
  private static final Pattern UNSTABLE = Pattern.compile("-- Dumped (from database|by pg_dump) version .*|\\\\.*");

  private final Process process;
  private final CompletableFuture<String> output;
  private final CompletableFuture<String> errors;

  private BaselineDump(Process process) {
    this.process = process;
    this.output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    this.errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
  }

  /** Starts pg_dump for {@code schemas} of the database {@code connection} is connected to. */
  static BaselineDump start(Connection connection, String password, Collection<String> schemas, String historyTable)
      throws SQLException {
    String jdbcUrl = connection.getMetaData().getURL();
    Properties url = Driver.parseURL(jdbcUrl, new Properties());
    if (url == null) {
      throw new PullException(PullMessages.pgDumpFailed("cannot read the JDBC URL " + jdbcUrl));
    }
    List<String> command =
        new ArrayList<>(
            List.of("pg_dump", "--schema-only", "--no-owner", "--no-privileges", "--no-tablespaces",
                "--no-password"));
    for (String schema : schemas) {
      command.add("--schema=" + pattern(schema));
      command.add("--exclude-table=" + pattern(schema) + "." + pattern(historyTable));
    }
    ProcessBuilder pgDump = new ProcessBuilder(command);
    Map<String, String> env = pgDump.environment();
    env.put("PGHOST", PGProperty.PG_HOST.getOrDefault(url).split(",")[0]);
    env.put("PGPORT", PGProperty.PG_PORT.getOrDefault(url).split(",")[0]);
    env.put("PGDATABASE", PGProperty.PG_DBNAME.getOrDefault(url));
    env.put("PGUSER", connection.getMetaData().getUserName());
    String urlPassword = PGProperty.PASSWORD.getOrDefault(url);
    if (password != null || urlPassword != null) {
      env.put("PGPASSWORD", password != null ? password : urlPassword);
    }
    try {
      Process process = pgDump.start();
      process.getOutputStream().close();
      return new BaselineDump(process);
    } catch (IOException e) {
      throw new PullException(PullMessages.pgDumpFailed(e.getMessage()), e);
    }
  }

  /** The migration body: pg_dump's DDL without the settings that would break replay in one transaction. */
  String ddl() {
    String dump;
    try {
      int exit = process.waitFor();
      dump = output.get();
      if (exit != 0) {
        throw new PullException(PullMessages.pgDumpFailed(errors.get().strip()));
      }
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new PullException(PullMessages.pgDumpFailed("interrupted"), e);
    } catch (ExecutionException e) {
      throw new PullException(PullMessages.pgDumpFailed(e.getCause().toString()), e.getCause());
    }
    return clean(dump);
  }

  static String clean(String dump) {
    StringBuilder out = new StringBuilder();
    boolean blank = true;
    for (String line : dump.split("\n", -1)) {
      String text = line.stripTrailing();
      // the patterns only match lines starting with S, C, - or \: the other tens of thousands skip them
      char first = text.isEmpty() ? ' ' : text.charAt(0);
      if (first == 'S' || first == 'C' || first == '-' || first == '\\') {
        if (text.equals(FUNCTION_BODIES)) {
          text = "SET LOCAL check_function_bodies = false;";
        } else if (CREATE_SCHEMA.matcher(text).matches()) {
          text = text.replace("CREATE SCHEMA ", "CREATE SCHEMA IF NOT EXISTS ");
        } else if (SESSION_SETTING.matcher(text).matches() || UNSTABLE.matcher(text).matches()) {
          continue;
        }
      }
      // runs of blank lines (left where settings were) collapse to one
      if (text.isEmpty() && blank) {
        continue;
      }
      blank = text.isEmpty();
      out.append(text).append('\n');
    }
    return out.toString().strip() + "\n";
  }

  /** An exact-match pg_dump pattern: double quotes make it literal, as in psql's \d patterns. */
  private static String pattern(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
