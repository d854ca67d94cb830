package dev.dbsync.runtime.engine;

import static dev.dbsync.runtime.engine.Connections.LOCK_NOT_AVAILABLE;
import static dev.dbsync.runtime.engine.Connections.quietly;
import static dev.dbsync.runtime.engine.Connections.rollbackQuietly;
import static dev.dbsync.runtime.engine.Connections.withConnection;

import dev.dbsync.ApplyResult;
import dev.dbsync.DbSync;
import dev.dbsync.MigrationException;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.diff.TypeNarrowing;
import dev.dbsync.schema.lint.RiskyStatements;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.sql.Identifiers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Applies the pending migrations on one connection in one transaction: Flyway's advisory lock, Flyway's history
 * table, every pending migration and its history row, one COMMIT. Any failure rolls everything back. Two
 * exceptions, each committing the migrations before it first: a migration that cannot run in a transaction
 * ({@code CREATE INDEX CONCURRENTLY}, ...) and one that adds a value to an enum type created by an earlier pending
 * migration (see {@link #firstGroupSize}).
 *
 * <p>The common case, nothing pending, costs one query: the history is read in autocommit without the lock
 * (if nothing is pending in what has been committed, nothing is pending). Only when something is pending does
 * the engine take the lock, and then it reads the history again: that read's snapshot is taken after the lock,
 * so it sees whatever the previous holder committed.
 */
public final class Migrator {
  private static final System.Logger LOG = System.getLogger(DbSync.class.getName());
  private static final String UNDEFINED_TABLE = "42P01";
  private static final String UNDEFINED_OBJECT = "42704";
  /** SQLSTATE of a type in a schema that does not exist yet (a pending migration creates it, or moves it there). */
  private static final String INVALID_SCHEMA_NAME = "3F000";
  /** SQLSTATE of a full lock table: {@code out of shared memory}, hint {@code max_locks_per_transaction}. */
  private static final String OUT_OF_SHARED_MEMORY = "53200";
  private static final long MAX_LOCK_POLL_MILLIS = 1000;

  private final Settings settings;
  private final MigrationLocation location;
  private final HistoryTable history;

  public Migrator(Settings settings, MigrationLocation location) {
    this.settings = settings;
    this.location = location;
    this.history = new HistoryTable(settings.historyTable());
  }

  public ApplyResult apply(DataSource dataSource) {
    long start = System.nanoTime();
    List<MigrationFile> files = location.migrations();
    return withConnection(dataSource, connection -> new Run(dataSource, connection, files, start).apply());
  }

  /** One call of {@link #apply}: its connection and what it has committed so far. */
  private final class Run {
    private final DataSource dataSource;
    private final Connection connection;
    private final List<MigrationFile> files;
    private final long start;
    private final List<ApplyResult.Migration> applied = new ArrayList<>();
    /** How many of {@link #applied} are committed: a group run is added before its verification and COMMIT. */
    private int committed;
    private Path backup;
    private List<String> unmanaged = List.of();
    /** Enum values added ahead of the transaction by this apply: committed, whatever happens next. */
    private final List<String> keptEnumValues = new ArrayList<>();
    private LockWatch watch;
    /** Once the lock table ran out: the most migrations one transaction takes; 0 while it has not. */
    private int lockGroupLimit;
    private final List<ApplyResult.Group> lockGroups = new ArrayList<>();

    Run(DataSource dataSource, Connection connection, List<MigrationFile> files, long start) {
      this.dataSource = dataSource;
      this.connection = connection;
      this.files = files;
      this.start = start;
    }

    ApplyResult apply() throws SQLException {
      Plan committed = readWithoutLock();
      if (committed != null && committed.pending().isEmpty()) {
        if (!connection.getAutoCommit()) {
          connection.commit(); // a connection handed out without autocommit: end the read's transaction
        }
        ApplyResult result = result(committed.currentVersion());
        LOG.log(System.Logger.Level.DEBUG, result::summary);
        return result;
      }
      if (committed != null) {
        requireAllowed(prepare(committed.pending())); // refuse before waiting for anyone's lock
      }
      boolean autoCommit = connection.getAutoCommit();
      SessionState session = SessionState.capture(connection);
      watch = new LockWatch(dataSource, session.backendPid(), settings.lockTimeout());
      try {
        SessionState.detectLostClient(connection);
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        return applyPending();
      } finally {
        watch.close();
        rollbackQuietly(connection); // a failure's aborted transaction, before the session is put back
        quietly(() -> connection.setAutoCommit(autoCommit)); // so that the restore needs no commit of its own
        quietly(() -> session.restore(connection));
      }
    }

    private ApplyResult applyPending() throws SQLException {
      connection.setAutoCommit(false);
      long deadline = System.nanoTime() + settings.lockWait().toNanos();
      long pollMillis = 50;
      boolean enumValuesAdded = false;
      Set<String> additionsToNewTypes = Set.of();
      while (true) {
        if (tryLock()) {
          history.createIfMissing(connection);
          Plan plan = Plan.of(history.read(connection), files);
          if (plan.pending().isEmpty()) {
            connection.commit(); // another instance applied them while this one waited
            return result(plan.currentVersion());
          }
          List<PreparedMigration> pending = prepare(plan.pending());
          requireAllowed(pending);
          if (!enumValuesAdded && pending.stream().anyMatch(p -> !p.enumValueAdditions().isEmpty())) {
            connection.rollback();
            additionsToNewTypes = addEnumValues(pending);
            enumValuesAdded = true;
            continue;
          }
          if (settings.backupDirectory() != null && backup == null) {
            // under the migration lock, so instances starting together take one backup, not one each
            backup = Backup.dump(connection, Backup.password(dataSource), settings.backupDirectory(),
                pending.get(0).file().version(), settings.backupRetention());
          }
          int group = firstGroupSize(pending, additionsToNewTypes);
          if (group == 0) {
            runOutsideTransaction(plan, pending.get(0));
            committed = applied.size();
            group = 1;
            if (group == pending.size()) {
              verify(pending.get(0), true); // committed already: reported, cannot be undone
              connection.commit();
            }
          } else {
            if (lockGroupLimit > 0) {
              group = Math.min(group, lockGroupLimit);
            }
            try {
              run(plan, pending.subList(0, group));
            } catch (MigrationException e) {
              lockGroupLimit = smallerGroupAfter(e, pending.subList(0, group));
              continue; // rolled back, lock released: take it again and apply in smaller groups
            }
            if (group == pending.size()) {
              verify(pending.get(group - 1), false);
            }
            connection.commit();
            committed = applied.size();
            if (lockGroupLimit > 0) {
              lockGroups.add(new ApplyResult.Group(pending.get(0).file().version().text(),
                  pending.get(group - 1).file().version().text(), group));
            }
          }
          if (group == pending.size()) {
            ApplyResult result = result(pending.get(group - 1).file().version().text());
            LOG.log(System.Logger.Level.INFO, result::summary);
            return result;
          }
          enumValuesAdded = false; // the rest may add values to types that exist now
          continue;
        }
        connection.rollback();
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
          throw new MigrationException(EngineMessages.lockWaitTimeout(settings.lockWait(), history.name()));
        }
        sleep(Math.min(pollMillis, remainingMillis));
        pollMillis = Math.min(pollMillis * 2, MAX_LOCK_POLL_MILLIS);
      }
    }

    /**
     * After a group failed: when the lock table ran out, the size of the groups to apply from now on (nine
     * tenths of the migrations that fitted, since other sessions share the lock table), logged; otherwise, or
     * when not even one migration fitted, the failure stands.
     */
    private int smallerGroupAfter(MigrationException e, List<PreparedMigration> group) {
      int fitted = 0;
      while (fitted < group.size() && !group.get(fitted).file().script().equals(e.script())) {
        fitted++;
      }
      if (!OUT_OF_SHARED_MEMORY.equals(e.sqlState()) || fitted == 0 || fitted == group.size()) {
        throw e;
      }
      int limit = Math.max(1, fitted * 9 / 10);
      LOG.log(System.Logger.Level.WARNING, EngineMessages.lockTableSplit(e.script(), fitted, limit));
      return limit;
    }

    /**
     * The plan from the committed history, or null when the history table does not exist yet. A prepared
     * statement: the driver keeps it prepared on the server for this (pooled) connection's next startups.
     */
    /**
     * The plan as the committed history says; null without a history table. One query: the history's fingerprint
     * when a history was validated against these files before (see {@link ValidatedHistories}), and when that
     * misses, every row with the fingerprint.
     */
    private Plan readWithoutLock() throws SQLException {
      try {
        if (ValidatedHistories.known(history, files)) {
          Plan known = ValidatedHistories.upToDate(history, files, history.readFingerprint(connection));
          if (known != null) {
            return known;
          }
        }
        HistoryTable.Fingerprinted read = history.readWithFingerprint(connection);
        Plan plan = Plan.of(read.rows(), files);
        if (read.fingerprint() != null) {
          ValidatedHistories.remember(history, files, read.fingerprint(), plan);
        }
        return plan;
      } catch (SQLException e) {
        if (UNDEFINED_TABLE.equals(e.getSQLState())) {
          if (!connection.getAutoCommit()) {
            connection.rollback(); // the failed read aborted the transaction the connection was in
          }
          return null;
        }
        throw e;
      }
    }

    /** Takes the migration lock if free, and sets the timeouts of this transaction, in one round trip. */
    private boolean tryLock() throws SQLException {
      String sql = "SELECT pg_try_advisory_xact_lock(" + history.lockKey() + "), " + settings.timeouts(true);
      try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
        rs.next();
        return rs.getBoolean(1);
      }
    }

    /**
     * A value added to an enum in a transaction cannot be used before that transaction commits, yet all pending
     * migrations share one transaction. So each {@code ADD VALUE IF NOT EXISTS} runs first in a transaction of
     * its own; one whose type does not exist yet (a pending migration creates it, or renames or moves it to that
     * name) is skipped: in the main transaction it then follows the type's creation (see {@link #firstGroupSize}).
     * Returns those skipped.
     */
    private Set<String> addEnumValues(List<PreparedMigration> pending) throws SQLException {
      Set<String> toNewTypes = new HashSet<>();
      for (PreparedMigration p : pending) {
        for (String addition : p.enumValueAdditions()) {
          try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT " + settings.timeouts(true));
            statement.execute(addition);
            boolean added = statement.getWarnings() == null; // else: "enum label ... already exists, skipping"
            connection.commit();
            if (added) {
              keptEnumValues.add(addition);
            }
          } catch (SQLException e) {
            connection.rollback();
            if (!UNDEFINED_OBJECT.equals(e.getSQLState()) && !INVALID_SCHEMA_NAME.equals(e.getSQLState())) {
              throw statementFailed(p, addition, e);
            }
            toNewTypes.add(addition);
          }
        }
      }
      return toNewTypes;
    }

    private void run(Plan plan, List<PreparedMigration> group) throws SQLException {
      List<HistoryTable.Applied> rows = new ArrayList<>();
      List<ApplyResult.Migration> migrations = new ArrayList<>();
      try (Statement statement = connection.createStatement()) {
        for (PreparedMigration p : group) {
          long began = System.nanoTime();
          List<String> backups = backUpTables(p, requireAllowedTypeChanges(p));
          for (String sql : p.statements()) {
            try {
              watch.during(() -> statement.execute(sql));
            } catch (SQLException e) {
              throw statementFailed(p, sql, e);
            }
          }
          Duration took = Duration.ofNanos(System.nanoTime() - began);
          rows.add(new HistoryTable.Applied(p.file(), p.checksum(), took.toMillis()));
          migrations.add(migration(p, took, backups));
        }
      }
      history.insert(connection, plan.nextRank(), rows);
      applied.addAll(migrations); // committed by the caller right after
    }

    /**
     * A migration that cannot run in a transaction runs statement by statement in autocommit, under a session
     * lock taken while the transaction's lock is still held (so no other instance slips in), with the timeouts
     * set for the session and restored after; its history row is written only after its last statement.
     */
    private void runOutsideTransaction(Plan plan, PreparedMigration p) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_lock(" + history.lockKey() + ")");
        connection.commit();
        String[] saved = new String[2];
        try (ResultSet rs = statement.executeQuery(
            "SELECT current_setting('lock_timeout'), current_setting('statement_timeout')")) {
          rs.next();
          saved[0] = rs.getString(1);
          saved[1] = rs.getString(2);
        }
        connection.setAutoCommit(true);
        try {
          statement.execute("SELECT " + settings.timeouts(false));
          long began = System.nanoTime();
          List<String> backups = backUpTables(p, requireAllowedTypeChanges(p));
          for (String sql : p.statements()) {
            try {
              watch.during(() -> statement.execute(sql));
            } catch (SQLException e) {
              throw new MigrationException(EngineMessages.nonTransactionalFailed(p.file().script(), sql, e,
                  lockHolders(sql, e), committedLabels()), p.file().script(), sql, e.getSQLState(), e);
            }
          }
          Duration took = Duration.ofNanos(System.nanoTime() - began);
          history.insert(connection, plan.nextRank(),
              List.of(new HistoryTable.Applied(p.file(), p.checksum(), took.toMillis())));
          applied.add(migration(p, took, backups));
        } finally {
          quietly(() -> statement.execute("SELECT set_config('lock_timeout', " + Identifiers.literal(saved[0])
              + ", false), set_config('statement_timeout', " + Identifiers.literal(saved[1]) + ", false),"
              + " pg_advisory_unlock(" + history.lockKey() + ")"));
          quietly(() -> connection.setAutoCommit(false));
        }
      }
    }

    /** Production mode copies the tables a destructive migration changes before it runs. */
    private List<String> backUpTables(PreparedMigration p, List<RiskyStatements.DataLoss> narrowing)
        throws SQLException {
      return settings.mode() == DbSync.Mode.PRODUCTION && (p.destructiveByText() || !narrowing.isEmpty())
          ? TableBackup.copy(connection, p, narrowing, settings.backupRetention()) : List.of();
    }

    /**
     * Production mode: the migration's type changes that narrow a column, told from the column's type as it is
     * now (after the migrations before it); refused unless the migration is allowed to be destructive.
     */
    private List<RiskyStatements.DataLoss> requireAllowedTypeChanges(PreparedMigration p) throws SQLException {
      if (settings.mode() != DbSync.Mode.PRODUCTION || p.typeChanges().isEmpty()) {
        return List.of();
      }
      List<RiskyStatements.DataLoss> narrowing = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod)"
          + " FROM pg_attribute a WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND a.attnum > 0"
          + " AND NOT a.attisdropped")) {
        for (RiskyStatements.DataLoss change : p.typeChanges()) {
          query.setString(1, change.objects().get(0));
          query.setString(2, change.column());
          try (ResultSet rs = query.executeQuery()) {
            if (rs.next() && TypeNarrowing.narrows(rs.getString(1), change.newType())) {
              narrowing.add(change);
            }
          }
        }
      }
      if (!narrowing.isEmpty() && !settings.destructive().allows(p.file().version())) {
        rollbackQuietly(connection);
        throw new MigrationException(
            EngineMessages.destructiveRefused(p.file(), List.of(), narrowing, committedLabels()));
      }
      return narrowing;
    }

    private MigrationException statementFailed(PreparedMigration p, String sql, SQLException e) {
      rollbackQuietly(connection); // ends the aborted transaction, so that the lock holders can be looked up
      return new MigrationException(
          EngineMessages.statementFailed(p.file().script(), sql, e, lockHolders(sql, e), committedLabels()),
          p.file().script(), sql, e.getSQLState(), e);
    }

    /** After a lock timeout: the sessions that blocked the statement while it waited, described for the message. */
    private List<String> lockHolders(String sql, SQLException e) {
      return LOCK_NOT_AVAILABLE.equals(e.getSQLState()) ? watch.blockers() : List.of();
    }

    /**
     * Compares the database, before COMMIT, with the compiled snapshot: a difference in what the snapshot
     * declares rolls everything back (or, with failOnDrift off in development, is logged); objects it does not
     * declare are listed in the result and left alone.
     */
    private void verify(PreparedMigration last, boolean committed) throws SQLException {
      Optional<Schema> snapshot = Verification.snapshot(location.classLoader());
      if (snapshot.isEmpty()) {
        return;
      }
      Drift drift = Verification.compare(connection, snapshot.get(), history.name());
      DeclaredTableState.Findings state = DeclaredTableState.read(connection, snapshot.get());
      unmanaged = new ArrayList<>(drift.unmanaged());
      unmanaged.addAll(state.unmanaged());
      List<String> differences = new ArrayList<>(drift.differences());
      differences.addAll(state.differences());
      if (differences.isEmpty()) {
        return;
      }
      EngineMessages.DriftOutcome outcome = committed ? EngineMessages.DriftOutcome.ALREADY_COMMITTED
          : settings.failOnDrift() ? EngineMessages.DriftOutcome.ROLLED_BACK : EngineMessages.DriftOutcome.LOGGED;
      String message =
          EngineMessages.verificationFailed(last.file().script(), differences, outcome, committedLabels());
      if (settings.failOnDrift()) {
        rollbackQuietly(connection);
        throw new MigrationException(message, last.file().script(), null, null, null);
      }
      LOG.log(System.Logger.Level.WARNING, message);
    }

    /** What this apply committed before a failure: migrations, and enum values added ahead of the transaction. */
    private List<String> committedLabels() {
      List<String> labels =
          new ArrayList<>(applied.subList(0, committed).stream().map(m -> "V" + m.version()).toList());
      keptEnumValues.forEach(addition -> labels.add(EngineMessages.keptEnumValue(addition)));
      return labels;
    }

    private ApplyResult result(String version) {
      return new ApplyResult(
          history.name().schema(), applied, version, Duration.ofNanos(System.nanoTime() - start), backup,
          unmanaged, lockGroups);
    }
  }

  /**
   * How many pending migrations go into this transaction. Zero: the first one cannot run in a transaction and
   * runs alone. Otherwise all up to the next one that cannot run in a transaction, or that adds a value to an
   * enum type an earlier pending migration creates: PostgreSQL before 17 refuses to use such a value before it
   * is committed, even when the type was created in the same transaction, so the migrations before that one
   * commit first (with their history rows) and the rest follow in a second transaction. A lock-safe follow-up
   * (see {@link PreparedMigration#followUp()}) runs in a transaction of its own: its VALIDATE statements then
   * wait only for SHARE UPDATE EXCLUSIVE, after the migration before it released its ACCESS EXCLUSIVE locks.
   */
  private static int firstGroupSize(List<PreparedMigration> pending, Set<String> additionsToNewTypes) {
    if (pending.get(0).nonTransactional() != null) {
      return 0;
    }
    if (pending.get(0).followUp()) {
      return 1;
    }
    for (int i = 1; i < pending.size(); i++) {
      PreparedMigration p = pending.get(i);
      if (p.nonTransactional() != null || p.followUp()
          || p.enumValueAdditions().stream().anyMatch(additionsToNewTypes::contains)) {
        return i;
      }
    }
    return pending.size();
  }

  /** Reads the pending migrations; refuses, before anything runs, those that control the transaction. */
  private static List<PreparedMigration> prepare(List<MigrationFile> pending) {
    List<PreparedMigration> prepared = pending.stream().map(PreparedMigration::of).toList();
    List<RiskyStatements.TransactionControl> control =
        prepared.stream().flatMap(p -> p.transactionControl().stream()).toList();
    if (!control.isEmpty()) {
      throw new MigrationException(EngineMessages.transactionControlRefused(control));
    }
    return prepared;
  }

  private void requireAllowed(List<PreparedMigration> pending) {
    if (settings.mode() != DbSync.Mode.PRODUCTION) {
      return;
    }
    for (PreparedMigration p : pending) {
      if (p.destructiveByText() && !settings.destructive().allows(p.file().version())) {
        List<RiskyStatements.DataLoss> statements = p.dataLoss().stream()
            .filter(loss -> loss.kind() != RiskyStatements.Kind.TYPE_CHANGE).toList();
        throw new MigrationException(
            EngineMessages.destructiveRefused(p.file(), p.destructive(), statements, List.of()));
      }
    }
  }

  private static ApplyResult.Migration migration(PreparedMigration p, Duration took, List<String> backups) {
    return new ApplyResult.Migration(
        p.file().version().text(), p.file().description(), p.file().script(), took, backups);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException(EngineMessages.interrupted());
    }
  }
}
