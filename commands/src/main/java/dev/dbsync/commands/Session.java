package dev.dbsync.commands;

import dev.dbsync.DbSync;
import dev.dbsync.runtime.engine.Settings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One invocation of a command: the options as given (CLI arguments, or the Maven goal's configuration), the
 * compiled project's class path (where {@code db/migration} and {@code db/dbsync/schema.json} are read), and the
 * console. An option not given falls back to its environment variable ({@code DBSYNC_URL}, ...): for the engine's
 * settings the runtime reads them itself, so {@code DBSYNC_MODE} applies to every command.
 */
public final class Session {
  private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&]*");

  private final Map<Option, String> options;
  private final ClassLoader project;
  private final Console console;
  private final UnaryOperator<String> environment;
  private final Function<Option, String> spelling;

  /**
   * @param options what was given explicitly; a missing or blank value counts as not given
   * @param project the class path of the compiled project (its {@code target/classes}, or an application jar)
   * @param environment reads {@code DBSYNC_*} by variable name: {@link Settings#systemEnvironment()} (system
   *     property, then environment variable)
   * @param spelling how this interface spells an option in messages: {@code --url}, or {@code -Ddbsync.url}
   */
  public Session(Map<Option, String> options, ClassLoader project, Console console,
      UnaryOperator<String> environment, Function<Option, String> spelling) {
    this.options = Map.copyOf(options.entrySet().stream()
        .filter(e -> e.getValue() != null && !e.getValue().isBlank())
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().strip())));
    this.project = project;
    this.console = console;
    this.environment = environment;
    this.spelling = spelling;
  }

  public Console console() {
    return console;
  }

  /** The compiled project's class path. */
  public ClassLoader project() {
    return project;
  }

  /** The option's value: given explicitly, else from its environment variable; null when neither. */
  public String option(Option option) {
    String given = options.get(option);
    if (given != null || option.variable() == null) {
      return given;
    }
    String fromEnvironment = environment.apply(option.variable());
    return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
  }

  public Format format() {
    String value = options.get(Option.FORMAT);
    if (value == null) {
      return Format.TEXT;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "text" -> Format.TEXT;
      case "json" -> Format.JSON;
      default -> throw new UsageException(CommandMessages.invalidOption(name(Option.FORMAT), value, "text or json"));
    };
  }

  /** The mode in force: the option, else {@code DBSYNC_MODE} (system property or environment), else development. */
  public DbSync.Mode mode() {
    String given = options.get(Option.MODE);
    return given != null ? mode(given) : Settings.resolve(Settings.Explicit.NONE, environment).mode();
  }

  /** The database, from {@code --url}/{@code --user}/{@code --password} or {@code DBSYNC_URL}/... */
  public DataSource dataSource() {
    String url = option(Option.URL);
    if (url == null) {
      throw new UsageException(CommandMessages.noDatabase(name(Option.URL)));
    }
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new UsageException(CommandMessages.invalidOption(name(Option.URL), redact(url),
          "a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/app"));
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    try {
      dataSource.setURL(url);
    } catch (IllegalArgumentException e) {
      throw new UsageException(CommandMessages.invalidOption(name(Option.URL), redact(url), e.getMessage()));
    }
    String user = option(Option.USER);
    if (user != null) {
      dataSource.setUser(user);
    }
    String password = option(Option.PASSWORD);
    if (password != null) {
      dataSource.setPassword(password);
    }
    return dataSource;
  }

  /** The database as a report names it: the URL without any password, and the user. */
  public String target() {
    String url = option(Option.URL);
    String user = option(Option.USER);
    return (url == null ? "?" : redact(url)) + (user == null ? "" : " as " + user);
  }

  /**
   * The runtime configured for this session: the project's class path and every engine setting given as an
   * option; the settings not given are read by the runtime from {@code DBSYNC_*}.
   */
  public DbSync.Builder configure() {
    DbSync.Builder builder = DbSync.configure().classLoader(project);
    given(Option.MODE, v -> builder.mode(mode(v)));
    given(Option.LOCK_TIMEOUT, v -> builder.lockTimeout(duration(Option.LOCK_TIMEOUT, v)));
    given(Option.STATEMENT_TIMEOUT, v -> builder.statementTimeout(duration(Option.STATEMENT_TIMEOUT, v)));
    given(Option.LOCK_WAIT, v -> builder.lockWait(duration(Option.LOCK_WAIT, v)));
    given(Option.ALLOW_DESTRUCTIVE, v -> {
      if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
        builder.allowDestructive(Boolean.parseBoolean(v));
      } else {
        try {
          builder.allowDestructive(v.split("\\s*,\\s*"));
        } catch (IllegalArgumentException e) {
          throw new UsageException(CommandMessages.invalidOption(name(Option.ALLOW_DESTRUCTIVE), v,
              "true, false or migration versions such as 5,7"));
        }
      }
    });
    given(Option.BACKUP_DIR, v -> {
      try {
        builder.backupDirectory(Path.of(v));
      } catch (InvalidPathException e) {
        throw new UsageException(CommandMessages.invalidOption(name(Option.BACKUP_DIR), v, "a directory"));
      }
    });
    given(Option.BACKUP_RETENTION, v -> {
      try {
        builder.backupRetention(Integer.parseInt(v));
      } catch (IllegalArgumentException e) {
        throw new UsageException(
            CommandMessages.invalidOption(name(Option.BACKUP_RETENTION), v, "a whole number, 0 or more"));
      }
    });
    given(Option.HISTORY_TABLE, builder::historyTable);
    given(Option.FAIL_ON_DRIFT, v -> builder.failOnDrift(bool(Option.FAIL_ON_DRIFT, v)));
    return builder;
  }

  /** Every occurrence of the password (given or from the environment) replaced: nothing prints it. */
  public String redact(String text) {
    String redacted = PASSWORD_IN_URL.matcher(text).replaceAll("$1***");
    String password = option(Option.PASSWORD);
    return password == null ? redacted : redacted.replace(password, "***");
  }

  /** How the user spells the option here: {@code --url}, {@code -Ddbsync.url}. */
  public String name(Option option) {
    return spelling.apply(option);
  }

  private void given(Option option, Consumer<String> apply) {
    String value = options.get(option);
    if (value != null) {
      apply.accept(value);
    }
  }

  private DbSync.Mode mode(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "development" -> DbSync.Mode.DEVELOPMENT;
      case "production" -> DbSync.Mode.PRODUCTION;
      default -> throw new UsageException(
          CommandMessages.invalidOption(name(Option.MODE), value, "development or production"));
    };
  }

  private Duration duration(Option option, String value) {
    Duration parsed = Settings.parseDuration(value);
    if (parsed == null) {
      throw new UsageException(
          CommandMessages.invalidOption(name(option), value, "a duration such as 500ms, 5s, 2m or 1h"));
    }
    return parsed;
  }

  private boolean bool(Option option, String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new UsageException(CommandMessages.invalidOption(name(option), value, "true or false"));
  }

  /** How a report is printed. */
  public enum Format { TEXT, JSON }
}
