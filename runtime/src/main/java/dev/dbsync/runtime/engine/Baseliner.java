package dev.dbsync.runtime.engine;

import static dev.dbsync.runtime.engine.Connections.withConnection;

import dev.dbsync.BaselineResult;
import dev.dbsync.CheckReport;
import dev.dbsync.MigrationException;
import dev.dbsync.schema.model.Schema;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Adopts a database whose schema already matches the compiled snapshot (built by push, by hand, or by another
 * tool): writes Flyway's {@code BASELINE} row at the latest migration's version, so that those migrations count
 * as applied without running. Under the migration lock; refuses with the {@code check} report when the database
 * differs from the snapshot, and refuses a database that already has a history.
 */
public final class Baseliner {
  private final Settings settings;
  private final MigrationLocation location;
  private final HistoryTable history;

  public Baseliner(Settings settings, MigrationLocation location) {
    this.settings = settings;
    this.location = location;
    this.history = new HistoryTable(settings.historyTable());
  }

  public BaselineResult baseline(DataSource dataSource) {
    long start = System.nanoTime();
    List<MigrationFile> files = location.migrations();
    if (files.isEmpty()) {
      throw new MigrationException(EngineMessages.baselineWithoutMigrations());
    }
    Schema snapshot = Verification.snapshot(location.classLoader())
        .orElseThrow(() -> new MigrationException(EngineMessages.baselineWithoutSnapshot()));
    return withConnection(dataSource, "baseline", connection -> {
      connection.setAutoCommit(false);
      MigrationLock.acquire(connection, settings, history);
      if (history.exists(connection)) {
        MigrationStates states = MigrationStates.of(history.read(connection), files);
        if (states.nextRank() > 1) {
          throw new MigrationException(EngineMessages.baselineWithHistory(history.name(), states.currentVersion()));
        }
      }
      CheckReport check = new Checker(settings, location).inspect(connection, files, Optional.of(snapshot));
      if (!check.schemaMatches()) {
        connection.rollback();
        return new BaselineResult(null, List.of(), check, Duration.ofNanos(System.nanoTime() - start));
      }
      history.createIfMissing(connection);
      String version = files.get(files.size() - 1).version().text();
      history.insertBaseline(connection, 1, version);
      connection.commit();
      return new BaselineResult(version, files.stream().map(MigrationFile::script).toList(), null,
          Duration.ofNanos(System.nanoTime() - start));
    });
  }
}
