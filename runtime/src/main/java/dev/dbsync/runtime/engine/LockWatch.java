package dev.dbsync.runtime.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Who blocks a migration statement, read while the statement still waits: after a lock timeout the statement's
 * transaction is gone, and sessions that were only queued behind the migration then hold the locks it waited
 * for. So while a statement runs longer than a quarter of the lock timeout, a second connection of the same
 * DataSource asks PostgreSQL every such period for {@code pg_blocking_pids} of the migration's backend, and the
 * last answer is what a lock timeout reports. Statements that finish quickly never open that connection.
 */
final class LockWatch implements AutoCloseable {
  private static final String BLOCKERS = """
      SELECT coalesce(w.relation::regclass::text, w.locktype), h.mode, h.granted, a.pid, coalesce(a.state, '?'),
             coalesce(a.application_name, ''), coalesce(left(a.query, 80), '')
        FROM pg_locks w
        JOIN pg_locks h ON h.locktype = w.locktype AND h.pid = ANY (pg_blocking_pids(w.pid))
                       AND h.database IS NOT DISTINCT FROM w.database AND h.relation IS NOT DISTINCT FROM w.relation
                       AND h.transactionid IS NOT DISTINCT FROM w.transactionid
                       AND h.objid IS NOT DISTINCT FROM w.objid
        JOIN pg_stat_activity a ON a.pid = h.pid
       WHERE w.pid = ? AND NOT w.granted
       ORDER BY 4, 1""";

  private final DataSource dataSource;
  private final int backendPid;
  private final long periodMillis;
  private ScheduledExecutorService executor;
  private Connection watcher;
  private boolean unusable;
  private volatile List<String> blockers = List.of();

  /**
   * @param lockTimeout zero (wait for ever) turns the watch off: no statement then fails for a lock
   */
  LockWatch(DataSource dataSource, int backendPid, Duration lockTimeout) {
    this.dataSource = dataSource;
    this.backendPid = backendPid;
    this.periodMillis = lockTimeout.isZero() ? 0 : Math.max(50, Math.min(1000, lockTimeout.toMillis() / 4));
  }

  interface Execution {
    void run() throws SQLException;
  }

  /** Runs one statement, sampling its blockers while it runs longer than the period. */
  void during(Execution execution) throws SQLException {
    blockers = List.of();
    if (periodMillis == 0) {
      execution.run();
      return;
    }
    ScheduledFuture<?> sampling = executor().scheduleWithFixedDelay(this::sample, periodMillis, periodMillis,
        TimeUnit.MILLISECONDS);
    try {
      execution.run();
    } finally {
      sampling.cancel(false);
    }
  }

  /** The sessions that blocked the last statement when it was last sampled, for the lock timeout's message. */
  List<String> blockers() {
    return blockers;
  }

  private synchronized ScheduledExecutorService executor() {
    if (executor == null) {
      executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dbsync-lock-watch");
        thread.setDaemon(true);
        return thread;
      });
    }
    return executor;
  }

  private void sample() {
    if (unusable) {
      return;
    }
    try {
      if (watcher == null) {
        Connection candidate = dataSource.getConnection();
        if (candidate.unwrap(PGConnection.class).getBackendPID() == backendPid) {
          unusable = true; // a DataSource that hands out the migration's own connection: it must not be touched
          return;
        }
        watcher = candidate;
      }
      List<String> found = new ArrayList<>();
      try (PreparedStatement query = watcher.prepareStatement(BLOCKERS)) {
        query.setInt(1, backendPid);
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            found.add(EngineMessages.lockHolder(rs.getString(1),
                rs.getString(2) + (rs.getBoolean(3) ? "" : " (queued ahead of the migration)"), rs.getInt(4),
                rs.getString(5), rs.getString(6), rs.getString(7)));
          }
        }
      }
      if (!watcher.getAutoCommit()) {
        watcher.rollback(); // a pool that hands out connections without autocommit: hold no snapshot
      }
      if (!found.isEmpty()) {
        blockers = List.copyOf(found);
      }
    } catch (SQLException e) {
      // no second connection (a pool of one) or a failed query: the message then points to pg_locks
    }
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS); // a sample in progress still uses the watcher
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (watcher != null) {
      Connections.quietly(watcher::close);
    }
  }
}
