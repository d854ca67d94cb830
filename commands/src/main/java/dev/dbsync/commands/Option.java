package dev.dbsync.commands;

import dev.dbsync.runtime.engine.Settings;
import java.util.List;

/**
 * An option every command takes, in all its spellings: {@code --lock-timeout} in the CLI,
 * {@code -Ddbsync.lock.timeout} (or {@code <lockTimeout>} in the pom) in Maven, {@code DBSYNC_LOCK_TIMEOUT} in the
 * environment. The CLI and the Maven plugin both take their options from {@link #ALL}, so they cannot drift apart.
 *
 * @param name the CLI's long option without dashes, {@code lock-timeout}
 * @param variable the environment variable read when the option is not given, or null
 * @param label what the value looks like in help, {@code <duration>}
 * @param description one line for {@code --help}
 */
public record Option(String name, String variable, String label, String description) {
  public static final Option URL = new Option("url", "DBSYNC_URL", "<jdbc-url>",
      "database to use, e.g. jdbc:postgresql://localhost:5432/app");
  public static final Option USER = new Option("user", "DBSYNC_USER", "<name>", "database user");
  public static final Option PASSWORD = new Option("password", "DBSYNC_PASSWORD", "<password>",
      "database password (prefer the DBSYNC_PASSWORD variable: a command line is visible to other users)");
  public static final Option FORMAT = new Option("format", null, "text|json",
      "text (default): tables for people; json: one JSON document on stdout, nothing else there");
  public static final Option MODE = new Option("mode", Settings.MODE, "development|production",
      "production refuses push and unallowed destructive migrations, and backs up what those touch");
  public static final Option LOCK_TIMEOUT = new Option("lock-timeout", Settings.LOCK_TIMEOUT, "<duration>",
      "how long a migration statement may wait for a table lock (default 5s)");
  public static final Option STATEMENT_TIMEOUT = new Option("statement-timeout", Settings.STATEMENT_TIMEOUT,
      "<duration>", "limit per migration statement (default: none)");
  public static final Option LOCK_WAIT = new Option("lock-wait", Settings.LOCK_WAIT, "<duration>",
      "how long to wait for another migration's lock (default 2m)");
  public static final Option ALLOW_DESTRUCTIVE = new Option("allow-destructive", Settings.ALLOW_DESTRUCTIVE,
      "true|<versions>", "destructive migrations production mode may apply: true, or versions such as 5,7");
  public static final Option BACKUP_DIR = new Option("backup-dir", Settings.BACKUP_DIR, "<directory>",
      "pg_dump the database there before applying anything");
  public static final Option BACKUP_RETENTION = new Option("backup-retention", Settings.BACKUP_RETENTION, "<n>",
      "backups kept per table and dump files per database (default 0: all)");
  public static final Option HISTORY_TABLE = new Option("history-table", Settings.HISTORY_TABLE,
      "<[schema.]table>", "history table (default flyway_schema_history)");
  public static final Option FAIL_ON_DRIFT = new Option("fail-on-drift", Settings.FAIL_ON_DRIFT, "true|false",
      "whether a verification mismatch fails migrate in development (default true)");

  public static final Option PACKAGE = new Option("package", null, "<java.package>",
      "pull: the package of the records, e.g. com.example.db (required)");
  public static final Option SCHEMAS = new Option("schemas", null, "<schema,...>",
      "pull: the schemas to read (default public)");
  public static final Option SOURCE_DIR = new Option("source-dir", null, "<directory>",
      "pull: the source root the package goes under (default src/main/java)");
  public static final Option RESOURCES_DIR = new Option("resources-dir", null, "<directory>",
      "pull: where db/dbsync/schema.json and db/migration/V1__baseline.sql go (default src/main/resources)");
  public static final Option OVERWRITE = new Option("overwrite", null, "[true|false]",
      "pull: replace files that exist instead of refusing");

  /** Every option of the commands that work on a compiled project, in the order help lists them. */
  public static final List<Option> ALL = List.of(URL, USER, PASSWORD, FORMAT, MODE, LOCK_TIMEOUT,
      STATEMENT_TIMEOUT, LOCK_WAIT, ALLOW_DESTRUCTIVE, BACKUP_DIR, BACKUP_RETENTION, HISTORY_TABLE, FAIL_ON_DRIFT);

  /** The options of {@code pull}, which writes a project instead of reading one. */
  public static final List<Option> PULL =
      List.of(URL, USER, PASSWORD, FORMAT, PACKAGE, SCHEMAS, SOURCE_DIR, RESOURCES_DIR, OVERWRITE, HISTORY_TABLE);

  /** Options that are switches: {@code --overwrite} alone means true. */
  public boolean isFlag() {
    return this == OVERWRITE;
  }

  /** {@code --lock-timeout}. */
  public String cliName() {
    return "--" + name;
  }

  /** Maven's property, {@code dbsync.lock.timeout}: the runtime's system property where there is one. */
  public String property() {
    return variable != null ? Settings.propertyName(variable) : "dbsync." + name.replace('-', '.');
  }

  /** How a message names the option: {@code --lock-timeout (DBSYNC_LOCK_TIMEOUT)}. */
  public String describe() {
    return cliName() + (variable == null ? "" : " (" + variable + ")");
  }
}
