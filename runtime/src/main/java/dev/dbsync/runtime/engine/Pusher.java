package dev.dbsync.runtime.engine;

import dev.dbsync.DbSync;
import dev.dbsync.MigrationException;
import dev.dbsync.PushResult;
import dev.dbsync.schema.diff.DdlRenderer;
import dev.dbsync.schema.diff.DiffProblem;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.diff.SchemaDiff;
import dev.dbsync.schema.diff.SchemaDiffer;
import dev.dbsync.schema.model.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Development's shortcut: makes the database match the compiled snapshot directly, without a migration file or a
 * history row. Only what the snapshot declares is changed; a table or enum type it does not declare is left
 * alone and reported (it may be another library's, or one whose record was deleted: either way dropping it would
 * be a guess). Renames cannot be pushed (the snapshot does not say what was renamed), destructive changes only
 * when allowed, and production mode refuses the whole thing before it connects.
 */
public final class Pusher {
  private final Settings settings;
  private final ClassLoader classLoader;
  private final HistoryTable history;

  public Pusher(Settings settings, ClassLoader classLoader) {
    this.settings = settings;
    this.classLoader = classLoader;
    this.history = new HistoryTable(settings.historyTable());
  }

  public PushResult push(DataSource dataSource) {
    if (settings.mode() == DbSync.Mode.PRODUCTION) {
      throw new MigrationException(EngineMessages.pushInProduction());
    }
    long start = System.nanoTime();
    Schema snapshot = Verification.snapshot(classLoader)
        .orElseThrow(() -> new MigrationException(EngineMessages.pushWithoutSnapshot()))
        .withoutClassNames();
    return Connections.withConnection(dataSource, connection -> {
      connection.setAutoCommit(false);
      return push(connection, snapshot, start);
    });
  }

  private PushResult push(Connection connection, Schema snapshot, long start) throws SQLException {
    lock(connection);
    Schema declared =
        Verification.inDeclaredSpelling(connection, Verification.read(connection, snapshot, history.name()), snapshot);
    SchemaDiff diff = SchemaDiffer.diff(declared, snapshot, Intent.NONE);
    List<String> errors = diff.problems().stream()
        .filter(p -> p.severity() == DiffProblem.Severity.ERROR).map(DiffProblem::message).toList();
    if (!errors.isEmpty()) {
      throw new MigrationException(EngineMessages.pushAmbiguous(errors));
    }
    if (!diff.destructive().isEmpty() && !settings.destructive().all()) {
      throw new MigrationException(EngineMessages.pushDestructive(diff.destructive()));
    }
    List<String> statements = DdlRenderer.statements(diff.changes());
    List<String> additions = statements.stream().filter(PreparedMigration::isEnumValueAddition).toList();
    try (Statement statement = connection.createStatement()) {
      if (!additions.isEmpty()) {
        // a value added in a transaction cannot be used before that transaction commits
        for (String sql : additions) {
          execute(statement, sql, List.of());
        }
        connection.commit();
        lock(connection);
      }
      for (String sql : statements) {
        if (!additions.contains(sql)) {
          execute(statement, sql, additions);
        }
      }
    }
    Drift drift = Verification.compare(connection, snapshot, history.name());
    if (!drift.isEmpty()) {
      throw new MigrationException(EngineMessages.pushVerificationFailed(drift.differences()));
    }
    connection.commit();
    return new PushResult(statements, drift.unmanaged(), Duration.ofNanos(System.nanoTime() - start));
  }

  /** The migration lock (no migration or other push runs meanwhile), then this transaction's timeouts. */
  private void lock(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // lock_timeout 0 would wait forever, while lockWait 0 means not waiting at all, as in apply
      long waitMillis = Math.max(1, settings.lockWait().toMillis());
      statement.execute("SELECT set_config('lock_timeout', '" + waitMillis + "ms', true)");
      statement.execute("SELECT pg_advisory_xact_lock(" + history.lockKey() + ")");
      statement.execute("SELECT " + settings.timeouts(true));
    } catch (SQLException e) {
      if (!Connections.LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
        throw e;
      }
      throw new MigrationException(EngineMessages.lockWaitTimeout(settings.lockWait(), history.name()), null, null,
          e.getSQLState(), e);
    }
  }

  private static void execute(Statement statement, String sql, List<String> committedFirst) {
    try {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new MigrationException(
          EngineMessages.pushStatementFailed(sql, e, committedFirst), null, sql, e.getSQLState(), e);
    }
  }
}
