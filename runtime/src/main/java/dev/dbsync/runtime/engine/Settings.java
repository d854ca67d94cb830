package dev.dbsync.runtime.engine;

import dev.dbsync.DbSync;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.sql.Identifiers;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's configuration, fully resolved: what the code set wins, then the system property
 * ({@code dbsync.lock.timeout}), then the environment variable ({@code DBSYNC_LOCK_TIMEOUT}), then the
 * default. Defaults never break a healthy deployment: no statement timeout, 5 s lock timeout for the
 * migration's own statements, 2 min wait for another instance's migration lock.
 *
 * @param statementTimeout null: the server's own setting is left alone
 * @param backupDirectory null: no pg_dump before migrating
 * @param backupRetention how many backups to keep per table copy (and pg_dump files per database); 0 keeps all
 * @param failOnDrift whether a database that differs from the compiled snapshot after the migrations fails the
 *     apply (rolled back) rather than being logged; always true in production mode
 */
public record Settings(
    DbSync.Mode mode, Duration lockTimeout, Duration statementTimeout, Duration lockWait,
    DestructivePolicy destructive, QualifiedName historyTable, Path backupDirectory, int backupRetention,
    boolean failOnDrift) {

  public static final String MODE = "DBSYNC_MODE";
  public static final String LOCK_TIMEOUT = "DBSYNC_LOCK_TIMEOUT";
  public static final String STATEMENT_TIMEOUT = "DBSYNC_STATEMENT_TIMEOUT";
  public static final String LOCK_WAIT = "DBSYNC_LOCK_WAIT";
  public static final String ALLOW_DESTRUCTIVE = "DBSYNC_ALLOW_DESTRUCTIVE";
  public static final String HISTORY_TABLE = "DBSYNC_HISTORY_TABLE";
  public static final String BACKUP_DIR = "DBSYNC_BACKUP_DIR";
  public static final String FAIL_ON_DRIFT = "DBSYNC_FAIL_ON_DRIFT";
  public static final String BACKUP_RETENTION = "DBSYNC_BACKUP_RETENTION";

  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(2);

  /**
   * The longest duration any setting takes: PostgreSQL keeps {@code lock_timeout} and
   * {@code statement_timeout} as a 32-bit number of milliseconds (about 24 days 20 h), and a longer wait for the
   * migration lock would outlast any deployment.
   */
  public static final Duration MAX_DURATION = Duration.ofMillis(Integer.MAX_VALUE);

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  /** Which migrations marked {@code -- dbsync:destructive} production mode may apply. */
  public record DestructivePolicy(boolean all, List<String> versions) {
    public static final DestructivePolicy NONE = new DestructivePolicy(false, List.of());
    public static final DestructivePolicy ALL = new DestructivePolicy(true, List.of());

    public DestructivePolicy {
      versions = List.copyOf(versions);
    }

    public static DestructivePolicy versions(List<String> versions) {
      List<String> normalized = new ArrayList<>();
      for (String v : versions) {
        String text = v.strip();
        text = text.startsWith("V") || text.startsWith("v") ? text.substring(1) : text;
        if (MigrationVersion.parseOrNull(text) == null) {
          throw new IllegalArgumentException(EngineMessages.invalidDestructiveVersion(v));
        }
        normalized.add(text);
      }
      return new DestructivePolicy(false, normalized);
    }

    public boolean allows(MigrationVersion version) {
      return all || versions.stream().anyMatch(v -> MigrationVersion.parseOrNull(v).sameAs(version));
    }
  }

  /** What the code set; null where it set nothing. */
  public record Explicit(
      DbSync.Mode mode, Duration lockTimeout, Duration statementTimeout, Duration lockWait,
      DestructivePolicy destructive, String historyTable, Path backupDirectory, Integer backupRetention,
      Boolean failOnDrift) {
    public static final Explicit NONE = new Explicit(null, null, null, null, null, null, null, null, null);
  }

  /** Reads a setting by its environment variable name: system property first, then the environment. */
  public static UnaryOperator<String> systemEnvironment() {
    return variable -> {
      String property = System.getProperty(propertyName(variable));
      return property != null ? property : System.getenv(variable);
    };
  }

  /** {@code DBSYNC_LOCK_TIMEOUT} → {@code dbsync.lock.timeout}. */
  public static String propertyName(String variable) {
    return variable.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  public static Settings resolve(Explicit explicit, UnaryOperator<String> environment) {
    DbSync.Mode mode = explicit.mode() != null ? explicit.mode() : mode(environment);
    Duration lockTimeout = explicit.lockTimeout() != null
        ? explicit.lockTimeout() : duration(environment, LOCK_TIMEOUT, DEFAULT_LOCK_TIMEOUT);
    Duration statementTimeout = explicit.statementTimeout() != null
        ? explicit.statementTimeout() : duration(environment, STATEMENT_TIMEOUT, null);
    Duration lockWait = explicit.lockWait() != null
        ? explicit.lockWait() : duration(environment, LOCK_WAIT, DEFAULT_LOCK_WAIT);
    DestructivePolicy destructive = explicit.destructive() != null
        ? explicit.destructive() : destructive(environment);
    String table = explicit.historyTable() != null ? explicit.historyTable() : environment.apply(HISTORY_TABLE);
    QualifiedName historyTable = table == null || table.isBlank()
        ? QualifiedName.of(QualifiedName.DEFAULT_SCHEMA, HistoryTable.DEFAULT_NAME)
        : historyTable(table, explicit.historyTable() != null ? "historyTable(...)" : describe(HISTORY_TABLE));
    Path backupDirectory = explicit.backupDirectory() != null
        ? explicit.backupDirectory() : backupDirectory(environment);
    boolean failOnDrift = mode == DbSync.Mode.PRODUCTION
        || (explicit.failOnDrift() != null ? explicit.failOnDrift() : flag(environment, FAIL_ON_DRIFT, true));
    int backupRetention = explicit.backupRetention() != null
        ? explicit.backupRetention() : count(environment, BACKUP_RETENTION);
    return new Settings(mode, lockTimeout, statementTimeout, lockWait, destructive, historyTable, backupDirectory,
        backupRetention, failOnDrift);
  }

  /** A whole number of at least 0; unset is 0 (keep everything). */
  private static int count(UnaryOperator<String> environment, String variable) {
    String value = environment.apply(variable);
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        EngineMessages.invalidSetting(describe(variable), value, "a whole number (0 keeps every backup)"));
  }

  private static boolean flag(UnaryOperator<String> environment, String variable, boolean fallback) {
    String value = environment.apply(variable);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(
          EngineMessages.invalidSetting(describe(variable), value, "true or false"));
    };
  }

  private static DbSync.Mode mode(UnaryOperator<String> environment) {
    String value = environment.apply(MODE);
    if (value == null || value.isBlank()) {
      return DbSync.Mode.DEVELOPMENT;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "development" -> DbSync.Mode.DEVELOPMENT;
      case "production" -> DbSync.Mode.PRODUCTION;
      default -> throw new IllegalArgumentException(
          EngineMessages.invalidSetting(describe(MODE), value, "development or production"));
    };
  }

  private static Duration duration(UnaryOperator<String> environment, String variable, Duration fallback) {
    String value = environment.apply(variable);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    if (!DURATION.matcher(value.strip().toLowerCase(Locale.ROOT)).matches()) {
      throw new IllegalArgumentException(
          EngineMessages.invalidSetting(describe(variable), value, "a duration such as 500ms, 5s, 2m or 1h"));
    }
    Duration parsed = parseDuration(value);
    if (parsed == null || parsed.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(EngineMessages.durationOutOfRange(describe(variable), value));
    }
    return parsed;
  }

  /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}; null when it is none of these or too long to hold. */
  public static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    try {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    } catch (NumberFormatException | ArithmeticException e) {
      return null; // more digits than a long, or more hours than a Duration holds
    }
  }

  private static DestructivePolicy destructive(UnaryOperator<String> environment) {
    String value = environment.apply(ALLOW_DESTRUCTIVE);
    if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
      return DestructivePolicy.NONE;
    }
    if (value.strip().equalsIgnoreCase("true")) {
      return DestructivePolicy.ALL;
    }
    try {
      return DestructivePolicy.versions(List.of(value.split(",")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(EngineMessages.invalidSetting(describe(ALLOW_DESTRUCTIVE), value,
          "true, false or a comma-separated list of migration versions such as 5,7"));
    }
  }

  private static Path backupDirectory(UnaryOperator<String> environment) {
    String value = environment.apply(BACKUP_DIR);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Path.of(value.strip());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(EngineMessages.invalidSetting(describe(BACKUP_DIR), value, "a directory"));
    }
  }

  private static QualifiedName historyTable(String text, String source) {
    QualifiedName name = QualifiedName.parse(text.strip());
    for (String part : List.of(name.schema(), name.name())) {
      String problem = Identifiers.problem(part);
      if (problem != null) {
        throw new IllegalArgumentException(
            EngineMessages.invalidSetting(source, text, "a table name or schema.table (" + problem + ")"));
      }
    }
    return name;
  }

  /** {@code lock_timeout} and, when set, {@code statement_timeout} as {@code set_config} calls. */
  String timeouts(boolean local) {
    return "set_config('lock_timeout', '" + lockTimeout().toMillis() + "ms', " + local + ")"
        + (statementTimeout() == null ? ""
            : ", set_config('statement_timeout', '" + statementTimeout().toMillis() + "ms', " + local + ")");
  }

  /** How an operator sets a variable: both spellings, for messages. */
  public static String describe(String variable) {
    return variable + " (system property " + propertyName(variable) + ")";
  }
}
