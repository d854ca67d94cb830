package dev.dbsync.spring.actuate;

import dev.dbsync.ApplyResult;
import dev.dbsync.StatusReport;
import dev.dbsync.spring.DbSyncInitializer;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/dbsync}: every migration with its state (applied, pending, edited, ...), read from the database
 * on each call through {@code DbSync.status} (a read-only transaction, like {@code /actuator/flyway}), and what
 * the startup apply did. Fields are plain strings and numbers, so the JSON does not depend on how the application
 * configures Jackson.
 */
@Endpoint(id = "dbsync")
public class DbSyncEndpoint {
  private final DbSyncInitializer initializer;

  public DbSyncEndpoint(DbSyncInitializer initializer) {
    this.initializer = initializer;
  }

  @ReadOperation
  public Descriptor dbsync() {
    StatusReport status = initializer.builder().status(initializer.dataSource());
    DbSyncInitializer.LastApply last = initializer.lastApply();
    return new Descriptor(
        status.currentVersion(),
        status.rows().stream().map(DbSyncEndpoint::migration).toList(),
        status.pending().size(),
        last == null ? null : lastApply(last));
  }

  private static Migration migration(StatusReport.Row row) {
    return new Migration(
        row.version(), row.description(), row.type(), row.script(), row.state().name(),
        row.installedOn() == null ? null : row.installedOn().toString(),
        row.executionTime() == null ? null : row.executionTime().toMillis(),
        row.installedBy(), row.problem());
  }

  private static LastApply lastApply(DbSyncInitializer.LastApply last) {
    ApplyResult result = last.result();
    return new LastApply(
        last.finishedAt().toString(), result.summary(), result.version(), result.schema(),
        result.duration().toMillis(),
        result.applied().stream()
            .map(m -> new Applied(m.version(), m.description(), m.script(), m.duration().toMillis(), m.backups()))
            .toList(),
        result.backup() == null ? null : result.backup().toString(), result.unmanaged());
  }

  /** The endpoint's answer. */
  public record Descriptor(String currentVersion, List<Migration> migrations, int pending, LastApply lastApply) {}

  /** One migration as {@code DbSync.status} reports it; {@code state} is a {@code MigrationState} name. */
  public record Migration(
      String version, String description, String type, String script, String state, String installedOn,
      Long executionTimeMs, String installedBy, String problem) {}

  /** The startup apply; null in {@link Descriptor} when it has not run. */
  public record LastApply(
      String finishedAt, String summary, String version, String schema, long durationMs, List<Applied> applied,
      String backup, List<String> unmanaged) {}

  /** A migration the startup apply ran. */
  public record Applied(String version, String description, String script, long durationMs, List<String> backups) {}
}
