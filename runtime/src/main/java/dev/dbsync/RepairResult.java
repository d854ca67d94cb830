package dev.dbsync;

import java.time.Duration;
import java.util.List;

/**
 * What {@link DbSync#repair} changed in the history, as Flyway's {@code repair}: the checksums and descriptions of
 * edited or renamed applied migrations recorded anew, failed rows deleted. It changes no schema object.
 *
 * @param repaired the history rows changed
 * @param unresolved problems repair does not fix (an applied migration missing from the class path, a file older
 *     than the applied version), with their fix
 * @param duration the whole call, connection included
 */
public record RepairResult(List<Repaired> repaired, List<String> unresolved, Duration duration) {
  public RepairResult {
    repaired = List.copyOf(repaired);
    unresolved = List.copyOf(unresolved);
  }

  /**
   * One history row changed.
   *
   * @param was what was wrong: {@link MigrationState#CHECKSUM_MISMATCH}, {@link MigrationState#DESCRIPTION_MISMATCH}
   *     or {@link MigrationState#FAILED}
   * @param action what was done, e.g. {@code recorded checksum 1850245 (was -4129)}
   */
  public record Repaired(String version, String script, MigrationState was, String action) {}

  public boolean nothingToRepair() {
    return repaired.isEmpty();
  }
}
