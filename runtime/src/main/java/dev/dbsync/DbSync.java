package dev.dbsync;

import dev.dbsync.runtime.engine.Baseliner;
import dev.dbsync.runtime.engine.Checker;
import dev.dbsync.runtime.engine.EngineMessages;
import dev.dbsync.runtime.engine.MigrationLocation;
import dev.dbsync.runtime.engine.Migrator;
import dev.dbsync.runtime.engine.Pusher;
import dev.dbsync.runtime.engine.Repairer;
import dev.dbsync.runtime.engine.Restorer;
import dev.dbsync.runtime.engine.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Applies the migrations under {@code db/migration} at application startup:
 *
 * <pre>{@code
 * ApplyResult result = DbSync.apply(dataSource);
 * log.info(result.summary());
 * }</pre>
 *
 * <p>Everything pending runs on one connection in one transaction, under Flyway's advisory lock, recorded in
 * Flyway's {@code flyway_schema_history}; a failure leaves the database as it was and throws
 * {@link MigrationException}. (A migration that cannot run in a transaction, such as {@code CREATE INDEX
 * CONCURRENTLY}, runs alone after the ones before it committed.) When nothing is pending the call costs one
 * query.
 *
 * <p>Settings the code leaves unset come from the system property, else the environment variable:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Variable</th><th>System property</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>DBSYNC_MODE</td><td>dbsync.mode</td><td>development</td><td>{@code production} refuses
 *       migrations marked {@code -- dbsync:destructive} unless allowed, and {@link #push}</td></tr>
 *   <tr><td>DBSYNC_LOCK_TIMEOUT</td><td>dbsync.lock.timeout</td><td>5s</td><td>how long a migration statement
 *       may wait for a table lock held by the application</td></tr>
 *   <tr><td>DBSYNC_STATEMENT_TIMEOUT</td><td>dbsync.statement.timeout</td><td>the server's</td><td>limit for
 *       each migration statement</td></tr>
 *   <tr><td>DBSYNC_LOCK_WAIT</td><td>dbsync.lock.wait</td><td>2m</td><td>how long to wait for another instance's
 *       migration lock</td></tr>
 *   <tr><td>DBSYNC_ALLOW_DESTRUCTIVE</td><td>dbsync.allow.destructive</td><td>false</td><td>{@code true}, or the
 *       versions ({@code 5,7}) production mode may apply although destructive</td></tr>
 *   <tr><td>DBSYNC_BACKUP_DIR</td><td>dbsync.backup.dir</td><td>none</td><td>pg_dump the database there before
 *       applying anything</td></tr>
 *   <tr><td>DBSYNC_BACKUP_RETENTION</td><td>dbsync.backup.retention</td><td>0 (keep all)</td><td>backups kept
 *       per table and dump files per database</td></tr>
 *   <tr><td>DBSYNC_HISTORY_TABLE</td><td>dbsync.history.table</td><td>flyway_schema_history</td><td>history
 *       table, {@code table} (in public) or {@code schema.table}</td></tr>
 *   <tr><td>DBSYNC_FAIL_ON_DRIFT</td><td>dbsync.fail.on.drift</td><td>true</td><td>whether a database that differs
 *       from the compiled snapshot after the migrations fails the apply (production always fails)</td></tr>
 * </table>
 *
 * <p>Durations are written {@code 500ms}, {@code 5s}, {@code 2m} or {@code 1h}; an invalid value fails
 * {@code apply} with an {@link IllegalArgumentException} naming the variable.
 */
public final class DbSync {
  private DbSync() {}

  public enum Mode {
    /** The default. */
    DEVELOPMENT,
    /** Refuses migrations marked {@code -- dbsync:destructive} unless they are allowed, and push. */
    PRODUCTION
  }

  /**
   * Puts back what the allowed destructive migration {@code version} dropped, from the copies production mode
   * took into {@code dbsync_backup} before it ran: dropped tables with their rows, defaults, NOT NULL, keys,
   * checks, foreign keys and indexes; dropped columns with their values matched by primary key. One transaction
   * under the migration lock; the history is left as it is. See {@link Builder#restore}.
   */
  public static RestoreResult restore(DataSource dataSource, String version) {
    return configure().restore(dataSource, version);
  }

  /** Applies every pending migration with the settings from system properties and the environment. */
  public static ApplyResult apply(DataSource dataSource) {
    return configure().apply(dataSource);
  }

  /**
   * Development only: makes the database match the compiled schema ({@code db/dbsync/schema.json}) directly,
   * without a migration or a history row, for fast iteration on a throwaway database. See
   * {@link Builder#push}.
   */
  public static PushResult push(DataSource dataSource) {
    return configure().push(dataSource);
  }

  /**
   * Compares the database with the compiled snapshot and the migrations, in a read-only transaction: pending
   * migrations, history problems, schema differences (each with a recommendation) and unmanaged objects. See
   * {@link Builder#check}.
   */
  public static CheckReport check(DataSource dataSource) {
    return configure().check(dataSource);
  }

  /** The applied, pending and failed migrations, like {@code flyway info}. See {@link Builder#status}. */
  public static StatusReport status(DataSource dataSource) {
    return configure().status(dataSource);
  }

  /** Adopts a database that matches the compiled snapshot without running its migrations. See {@link Builder#baseline}. */
  public static BaselineResult baseline(DataSource dataSource) {
    return configure().baseline(dataSource);
  }

  /** Records the checksums of edited applied migrations and deletes failed rows. See {@link Builder#repair}. */
  public static RepairResult repair(DataSource dataSource) {
    return configure().repair(dataSource);
  }

  public static Builder configure() {
    return new Builder();
  }

  /**
   * Settings for one {@link #apply}. Each one left unset here is read from the system property or, failing
   * that, the environment variable named with it; an invalid value there fails {@code apply} with a message
   * naming the variable.
   */
  public static final class Builder {
    private Mode mode;
    private Duration lockTimeout;
    private Duration statementTimeout;
    private Duration lockWait;
    private Settings.DestructivePolicy destructive;
    private String historyTable;
    private Path backupDirectory;
    private ClassLoader classLoader;
    private Boolean failOnDrift;
    private Integer backupRetention;

    private Builder() {}

    /** {@code DBSYNC_MODE} / {@code dbsync.mode}: {@code development} (default) or {@code production}. */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * {@code DBSYNC_LOCK_TIMEOUT}: how long a migration statement may wait for a table lock held by application
     * traffic before everything is rolled back (default 5 s; zero waits forever).
     */
    public Builder lockTimeout(Duration timeout) {
      this.lockTimeout = nonNegative("lockTimeout", timeout);
      return this;
    }

    /** {@code DBSYNC_STATEMENT_TIMEOUT}: limit for each migration statement (default: the server's setting). */
    public Builder statementTimeout(Duration timeout) {
      this.statementTimeout = nonNegative("statementTimeout", timeout);
      return this;
    }

    /** {@code DBSYNC_LOCK_WAIT}: how long to wait for another instance's migration lock (default 2 min). */
    public Builder lockWait(Duration wait) {
      this.lockWait = nonNegative("lockWait", wait);
      return this;
    }

    /** {@code DBSYNC_ALLOW_DESTRUCTIVE=true}: production mode may apply every destructive migration. */
    public Builder allowDestructive(boolean allow) {
      this.destructive = allow ? Settings.DestructivePolicy.ALL : Settings.DestructivePolicy.NONE;
      return this;
    }

    /** {@code DBSYNC_ALLOW_DESTRUCTIVE=5,7}: production mode may apply these destructive migrations only. */
    public Builder allowDestructive(String... versions) {
      this.destructive = Settings.DestructivePolicy.versions(List.of(versions));
      return this;
    }

    /** {@code DBSYNC_HISTORY_TABLE}: {@code table} (in {@code public}) or {@code schema.table}. */
    public Builder historyTable(String table) {
      this.historyTable = Objects.requireNonNull(table, "table");
      return this;
    }

    /**
     * {@code DBSYNC_BACKUP_DIR}: before applying anything, {@code pg_dump --format=custom} the database into this
     * directory (created if missing); a failed dump stops the apply before anything changes. Restore with
     * {@code pg_restore --clean --if-exists -d <database> <file>}. Needs {@code pg_dump} on the PATH, not older
     * than the server, and credentials it can use (the JDBC URL's user and password, or ~/.pgpass).
     */
    public Builder backupDirectory(Path directory) {
      this.backupDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * {@code DBSYNC_BACKUP_RETENTION}: how many backups to keep: production mode's copies per table in
     * {@code dbsync_backup}, and pg_dump files per database in the backup directory; older ones are removed after
     * a new one is taken (default 0: keep all).
     */
    public Builder backupRetention(int keep) {
      if (keep < 0) {
        throw new IllegalArgumentException("backupRetention must be 0 (keep all) or more, not " + keep);
      }
      this.backupRetention = keep;
      return this;
    }

    /**
     * {@code DBSYNC_FAIL_ON_DRIFT}: whether a database that, after the migrations ran, differs from the compiled
     * snapshot ({@code db/dbsync/schema.json}) fails the apply — everything rolled back — or is only logged
     * (default true; production mode always fails).
     */
    public Builder failOnDrift(boolean fail) {
      this.failOnDrift = fail;
      return this;
    }

    /** Where {@code db/migration} is looked up (default: the thread's context class loader). */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /** {@link DbSync#restore} with these settings (history table, lock timeout). */
    public RestoreResult restore(DataSource dataSource, String version) {
      return new Restorer(settings()).restore(dataSource, version);
    }

    public ApplyResult apply(DataSource dataSource) {
      return new Migrator(settings(), location()).apply(dataSource);
    }

    /**
     * Development only: makes the tables and enum types the compiled schema declares match it directly, in one
     * transaction under the migration lock, verified before commit. Writes no migration and no history row, so
     * a database that was pushed to is for prototyping: to keep it, reset it and apply the generated migrations.
     * Leaves alone (and reports) whatever the schema does not declare; refuses renames (the schema does not say
     * what was renamed: generate a migration), destructive changes unless {@link #allowDestructive(boolean)
     * allowDestructive(true)}, and everything in production mode.
     */
    public PushResult push(DataSource dataSource) {
      return new Pusher(settings(), loader()).push(dataSource);
    }

    /**
     * Reads, in one read-only transaction, how the database differs from the compiled snapshot
     * ({@code db/dbsync/schema.json}) and the migrations ({@code db/migration}): pending migrations; applied ones
     * edited, renamed or missing, and failed rows; schema differences grouped by table, each with a
     * recommendation (a pending migration changes it, or it was changed by hand); objects the snapshot does not
     * declare. Changes nothing and takes no lock. A database that cannot be reached throws
     * {@link MigrationException}.
     */
    public CheckReport check(DataSource dataSource) {
      return new Checker(settings(), location()).check(dataSource);
    }

    /**
     * Every migration with its state (applied, pending, failed, edited, missing, ...), when it was applied and how
     * long it took, in version order; read in a read-only transaction.
     */
    public StatusReport status(DataSource dataSource) {
      return new Checker(settings(), location()).status(dataSource);
    }

    /**
     * Adopts an existing database whose schema already matches the compiled snapshot (one that was pushed to, or
     * built by hand or another tool): records Flyway's baseline row at the latest migration's version, under the
     * migration lock, so that the migrations up to it count as applied without running. When the database differs
     * from the snapshot nothing is written and the result carries the {@link CheckReport} that shows how; a
     * database that already has a history is refused with a {@link MigrationException}.
     */
    public BaselineResult baseline(DataSource dataSource) {
      return new Baseliner(settings(), location()).baseline(dataSource);
    }

    /**
     * After a review, as Flyway's repair: records the checksum and description of applied migrations whose file
     * was edited or renamed, and deletes failed history rows, under the migration lock in one transaction. Changes
     * the history only; an applied migration missing from the class path is reported, not touched.
     */
    public RepairResult repair(DataSource dataSource) {
      return new Repairer(settings(), location()).repair(dataSource);
    }

    private MigrationLocation location() {
      return new MigrationLocation(loader(), MigrationLocation.DEFAULT);
    }

    private Settings settings() {
      return Settings.resolve(
          new Settings.Explicit(
              mode, lockTimeout, statementTimeout, lockWait, destructive, historyTable, backupDirectory,
              backupRetention, failOnDrift),
          Settings.systemEnvironment());
    }

    private ClassLoader loader() {
      if (classLoader != null) {
        return classLoader;
      }
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      return context != null ? context : DbSync.class.getClassLoader();
    }

    private static Duration nonNegative(String setting, Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException(EngineMessages.negative(setting, value));
      }
      if (value.compareTo(Settings.MAX_DURATION) > 0) {
        throw new IllegalArgumentException(EngineMessages.durationOutOfRange(setting + "(...)", value));
      }
      return value;
    }
  }
}
