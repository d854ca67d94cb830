package dev.dbsync.runtime.engine;

import dev.dbsync.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Flyway's advisory lock for the commands that change the database outside {@code apply} (push, baseline,
 * repair): held until the transaction ends, waited for as long as the lock wait allows.
 */
final class MigrationLock {
  private MigrationLock() {}

  /** The migration lock (no migration or other command runs meanwhile), then this transaction's timeouts. */
  static void acquire(Connection connection, Settings settings, HistoryTable history) throws SQLException {
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
}
