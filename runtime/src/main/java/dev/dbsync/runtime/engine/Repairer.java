package dev.dbsync.runtime.engine;

import static dev.dbsync.runtime.engine.Connections.withConnection;

import dev.dbsync.RepairResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Flyway's {@code repair}, for after a review: records the current checksum and description of applied migrations
 * whose file was edited or renamed, and deletes failed rows. Under the migration lock, in one transaction; it
 * changes the history only, never a schema object. An applied migration missing from the class path is left as
 * it is and reported: its file belongs back under {@code db/migration}.
 */
public final class Repairer {
  private final Settings settings;
  private final MigrationLocation location;
  private final HistoryTable history;

  public Repairer(Settings settings, MigrationLocation location) {
    this.settings = settings;
    this.location = location;
    this.history = new HistoryTable(settings.historyTable());
  }

  public RepairResult repair(DataSource dataSource) {
    long start = System.nanoTime();
    List<MigrationFile> files = location.migrations();
    return withConnection(dataSource, "repair", connection -> {
      connection.setAutoCommit(false);
      MigrationLock.acquire(connection, settings, history);
      List<RepairResult.Repaired> repaired = new ArrayList<>();
      List<String> unresolved = new ArrayList<>();
      if (history.exists(connection)) {
        for (MigrationStates.Entry entry : MigrationStates.of(history.read(connection), files).entries()) {
          switch (entry.state()) {
            case FAILED -> {
              history.delete(connection, entry.row().installedRank());
              repaired.add(new RepairResult.Repaired(entry.version(), entry.script(), entry.state(),
                  EngineMessages.failedRowDeleted()));
            }
            case CHECKSUM_MISMATCH, DESCRIPTION_MISMATCH -> {
              MigrationFile file = entry.file();
              int checksum = file.checksum();
              history.realign(connection, entry.row().installedRank(), checksum, file.description());
              repaired.add(new RepairResult.Repaired(entry.version(), file.script(), entry.state(),
                  EngineMessages.realigned(entry.row(), checksum, file.description())));
            }
            case MISSING, OUT_OF_ORDER, UNREADABLE -> unresolved.add(entry.problem());
            case APPLIED, BASELINE, BELOW_BASELINE, PENDING -> { }
          }
        }
      }
      connection.commit();
      return new RepairResult(repaired, unresolved, Duration.ofNanos(System.nanoTime() - start));
    });
  }
}
