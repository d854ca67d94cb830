package dev.dbsync.runtime.engine;

import dev.dbsync.DbSync;
import dev.dbsync.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One borrowed connection per call, handed back as it came, and clean-up that never hides a failure. */
final class Connections {
  private static final System.Logger LOG = System.getLogger(DbSync.class.getName());

  /** SQLSTATE of a lock wait that ran out ({@code lock_timeout}). */
  static final String LOCK_NOT_AVAILABLE = "55P03";

  private Connections() {}

  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  interface SqlAction {
    void run() throws SQLException;
  }

  /**
   * Runs {@code work} on a connection of {@code dataSource}: on failure what it left open is rolled back, and the
   * connection goes back to its pool with the autocommit it came with. A JDBC failure outside the work's own
   * handling becomes a {@link MigrationException}.
   */
  static <T> T withConnection(DataSource dataSource, Work<T> work) {
    return withConnection(dataSource, null, work);
  }

  /** As {@link #withConnection(DataSource, Work)}, for a task other than applying migrations ("check", ...). */
  static <T> T withConnection(DataSource dataSource, String task, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      try {
        return work.run(connection);
      } catch (RuntimeException | SQLException e) {
        rollbackQuietly(connection);
        throw e;
      } finally {
        quietly(() -> connection.setAutoCommit(autoCommit));
      }
    } catch (SQLException e) {
      throw new MigrationException(
          task == null ? EngineMessages.failed(e) : EngineMessages.failed(task, e), null, null, e.getSQLState(), e);
    }
  }

  /** Clean-up after a failure must not hide the failure; a broken connection is discarded by its pool. */
  static void quietly(SqlAction action) {
    try {
      action.run();
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.DEBUG, "clean-up failed", e);
    }
  }

  static void rollbackQuietly(Connection connection) {
    quietly(() -> {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    });
  }
}
