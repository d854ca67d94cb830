package dev.dbsync;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The migrations as {@link DbSync#status} found them, like {@code flyway info}: applied, baselined, pending and
 * failed ones, and the ones that stop {@code apply}, in version order.
 *
 * @param historyPresent whether the database has the history table
 * @param currentVersion the latest applied (or baselined) version, null when none
 */
public record StatusReport(boolean historyPresent, String currentVersion, List<Row> rows) {
  public StatusReport {
    rows = List.copyOf(rows);
  }

  /**
   * One migration.
   *
   * @param type {@code SQL} (or {@code BASELINE}, or what Flyway wrote); {@code SQL} for a file not applied yet
   * @param installedOn when it was applied (the database's local time, as Flyway records it); null if it was not
   * @param executionTime how long it took; null if it was not applied
   * @param installedBy the database user that applied it; null if it was not applied
   * @param problem why it stops {@code apply}, with the fix; null when it does not
   */
  public record Row(
      String version, String description, String type, String script, LocalDateTime installedOn,
      Duration executionTime, String installedBy, MigrationState state, String problem) {}

  public List<Row> pending() {
    return rows.stream().filter(r -> r.state() == MigrationState.PENDING).toList();
  }

  public List<Row> problems() {
    return rows.stream().filter(r -> r.state().isProblem()).toList();
  }
}
