package dev.dbsync.runtime.engine;

import dev.dbsync.ApplyResult;
import dev.dbsync.DbSync;
import dev.dbsync.MigrationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Applies the pending migrations on one connection in one transaction: Flyway's advisory lock, Flyway's history
 * table, every pending migration and its history row, one COMMIT. Any failure rolls everything back. (One
 * exception, forced by PostgreSQL before 17: see {@link #firstGroupSize}.)
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
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      try {
        return apply(connection, files, start);
      } catch (RuntimeException | SQLException e) {
        rollbackQuietly(connection);
        throw e;
      } finally {
        restoreAutoCommit(connection, autoCommit);
      }
    } catch (SQLException e) {
      throw new MigrationException(EngineMessages.failed(e), null, null, e.getSQLState(), e);
    }
  }

  private ApplyResult apply(Connection connection, List<MigrationFile> files, long start) throws SQLException {
    Plan committed = readWithoutLock(connection, files);
    if (committed != null && committed.pending().isEmpty()) {
      if (!connection.getAutoCommit()) {
        connection.commit(); // a connection handed out without autocommit: end the read's transaction
      }
      ApplyResult result = result(List.of(), committed.currentVersion(), start);
      LOG.log(System.Logger.Level.DEBUG, result::summary);
      return result;
    }
    if (committed != null && settings.mode() == DbSync.Mode.PRODUCTION) {
      requireAllowed(prepare(committed.pending())); // refuse before waiting for anyone's lock
    }
    connection.setAutoCommit(false);
    long deadline = System.nanoTime() + settings.lockWait().toNanos();
    long pollMillis = 50;
    List<ApplyResult.Migration> applied = new ArrayList<>();
    boolean enumValuesAdded = false;
    Set<String> additionsToNewTypes = Set.of();
    while (true) {
      if (tryLock(connection)) {
        history.createIfMissing(connection);
        Plan plan = Plan.of(history.read(connection), files);
        if (plan.pending().isEmpty()) {
          connection.commit(); // another instance applied them while this one waited
          return result(applied, plan.currentVersion(), start);
        }
        List<PreparedMigration> pending = prepare(plan.pending());
        requireAllowed(pending);
        if (!enumValuesAdded && pending.stream().anyMatch(p -> !p.enumValueAdditions().isEmpty())) {
          connection.rollback();
          additionsToNewTypes = addEnumValues(connection, pending);
          enumValuesAdded = true;
          continue;
        }
        int group = firstGroupSize(pending, additionsToNewTypes);
        applied.addAll(run(connection, plan, pending.subList(0, group)));
        connection.commit();
        if (group == pending.size()) {
          ApplyResult result = result(applied, pending.get(group - 1).file().version().text(), start);
          LOG.log(System.Logger.Level.INFO, result::summary);
          return result;
        }
        enumValuesAdded = false; // the rest starts with values to add to a type that exists now
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
   * How many pending migrations go into this transaction: all of them, unless one (not the first) adds a value
   * to an enum type that an earlier pending migration creates. PostgreSQL before 17 refuses to use such a value
   * before it is committed, even when the type was created in the same transaction, so the migrations before
   * that one commit first (with their history rows) and the rest follow in a second transaction.
   */
  private static int firstGroupSize(List<PreparedMigration> pending, Set<String> additionsToNewTypes) {
    for (int i = 1; i < pending.size(); i++) {
      if (pending.get(i).enumValueAdditions().stream().anyMatch(additionsToNewTypes::contains)) {
        return i;
      }
    }
    return pending.size();
  }

  /** The plan from the committed history, or null when the history table does not exist yet. */
  private Plan readWithoutLock(Connection connection, List<MigrationFile> files) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(history.selectAll())) {
      return Plan.of(HistoryTable.rows(rows), files);
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
  private boolean tryLock(Connection connection) throws SQLException {
    String sql = "SELECT pg_try_advisory_xact_lock(" + history.lockKey() + ")"
        + ", set_config('lock_timeout', '" + settings.lockTimeout().toMillis() + "ms', true)"
        + (settings.statementTimeout() == null ? ""
            : ", set_config('statement_timeout', '" + settings.statementTimeout().toMillis() + "ms', true)");
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private static List<PreparedMigration> prepare(List<MigrationFile> pending) {
    return pending.stream().map(PreparedMigration::of).toList();
  }

  private void requireAllowed(List<PreparedMigration> pending) {
    if (settings.mode() != DbSync.Mode.PRODUCTION) {
      return;
    }
    for (PreparedMigration p : pending) {
      if (!p.destructive().isEmpty() && !settings.destructive().allows(p.file().version())) {
        throw new MigrationException(EngineMessages.destructiveRefused(p.file(), p.destructive()));
      }
    }
  }

  /**
   * A value added to an enum in a transaction cannot be used before that transaction commits, yet all pending
   * migrations share one transaction. So each {@code ADD VALUE IF NOT EXISTS} runs first in a transaction of its
   * own; one whose type does not exist yet (a pending migration creates it) is skipped: in the main transaction
   * it then follows the type's creation (see {@link #firstGroupSize}). Returns those skipped additions.
   */
  private Set<String> addEnumValues(Connection connection, List<PreparedMigration> pending) throws SQLException {
    Set<String> toNewTypes = new HashSet<>();
    for (PreparedMigration p : pending) {
      for (String addition : p.enumValueAdditions()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(timeouts());
          statement.execute(addition);
          connection.commit();
        } catch (SQLException e) {
          connection.rollback();
          if (!UNDEFINED_OBJECT.equals(e.getSQLState())) {
            throw statementFailed(p, addition, e);
          }
          toNewTypes.add(addition);
        }
      }
    }
    return toNewTypes;
  }

  private String timeouts() {
    return "SELECT set_config('lock_timeout', '" + settings.lockTimeout().toMillis() + "ms', true)"
        + (settings.statementTimeout() == null ? ""
            : ", set_config('statement_timeout', '" + settings.statementTimeout().toMillis() + "ms', true)");
  }

  private List<ApplyResult.Migration> run(Connection connection, Plan plan, List<PreparedMigration> pending)
      throws SQLException {
    List<HistoryTable.Applied> applied = new ArrayList<>();
    List<ApplyResult.Migration> migrations = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      for (PreparedMigration p : pending) {
        long began = System.nanoTime();
        for (String sql : p.statements()) {
          try {
            statement.execute(sql);
          } catch (SQLException e) {
            throw statementFailed(p, sql, e);
          }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        applied.add(new HistoryTable.Applied(p.file(), p.checksum(), took.toMillis()));
        migrations.add(new ApplyResult.Migration(
            p.file().version().text(), p.file().description(), p.file().script(), took));
      }
    }
    history.insert(connection, plan.nextRank(), applied);
    return migrations;
  }

  private static MigrationException statementFailed(PreparedMigration p, String sql, SQLException e) {
    return new MigrationException(EngineMessages.statementFailed(p.file().script(), sql, e),
        p.file().script(), sql, e.getSQLState(), e);
  }

  private ApplyResult result(List<ApplyResult.Migration> applied, String version, long start) {
    return new ApplyResult(history.name().schema(), applied, version, Duration.ofNanos(System.nanoTime() - start));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException(EngineMessages.interrupted());
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // the connection is gone (killed backend): PostgreSQL rolled the transaction back itself
    }
  }

  private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
    try {
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      // the connection is gone; the pool discards it
    }
  }
}
