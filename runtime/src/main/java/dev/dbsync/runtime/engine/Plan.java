package dev.dbsync.runtime.engine;

import dev.dbsync.MigrationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the history and the migration files say together, validated as strictly as Flyway's {@code validate()}:
 * every applied migration still exists with the same checksum and description, no applied row failed, and
 * nothing pending is older than what was applied. Otherwise the pending migrations, in version order.
 */
public record Plan(List<MigrationFile> pending, String currentVersion, int nextRank) {
  public Plan {
    pending = List.copyOf(pending);
  }

  public static Plan of(List<HistoryRow> history, List<MigrationFile> files) {
    // keyed by version order, in which 1.0 and 1 are one version however they are spelled
    TreeMap<MigrationVersion, HistoryRow> applied = new TreeMap<>();
    MigrationVersion baseline = null;
    int lastRank = 0;
    List<String> problems = new ArrayList<>();
    for (HistoryRow row : history) {
      lastRank = Math.max(lastRank, row.installedRank());
      if (row.isSchemaMarker() || row.version() == null) {
        continue; // no versioned migration (Flyway's schema marker, or a repeatable migration's row)
      }
      MigrationVersion version = MigrationVersion.parseOrNull(row.version());
      if (version == null) {
        problems.add(EngineMessages.unreadableHistoryVersion(row.version()));
      } else if (row.isDeleteMarker()) {
        applied.remove(version);
      } else if (row.isBaseline()) {
        baseline = version;
      } else if (!row.success()) {
        problems.add(EngineMessages.failedRow(row.version(), row.description()));
      } else {
        applied.put(version, row);
      }
    }

    MigrationVersion latest = baseline;
    if (!applied.isEmpty() && (latest == null || applied.lastKey().compareTo(latest) > 0)) {
      latest = applied.lastKey();
    }

    Map<MigrationVersion, MigrationFile> resolved = new TreeMap<>();
    for (MigrationFile file : files) {
      resolved.put(file.version(), file);
    }
    for (Map.Entry<MigrationVersion, HistoryRow> entry : applied.entrySet()) {
      HistoryRow row = entry.getValue();
      MigrationFile file = resolved.get(entry.getKey());
      if (file == null) {
        problems.add(EngineMessages.appliedButMissing(row.version(), row.script()));
        continue;
      }
      int checksum = file.checksum();
      if (row.checksum() == null || row.checksum() != checksum) {
        problems.add(EngineMessages.checksumMismatch(file, row.checksum(), checksum));
      }
      if (!row.description().equals(file.description())) {
        problems.add(EngineMessages.descriptionMismatch(file, row.description()));
      }
    }

    List<MigrationFile> pending = new ArrayList<>();
    for (MigrationFile file : files) {
      if (applied.containsKey(file.version()) || (baseline != null && file.version().compareTo(baseline) <= 0)) {
        continue; // applied, or covered by a baseline (Flyway ignores those)
      }
      if (latest != null && file.version().compareTo(latest) < 0) {
        problems.add(EngineMessages.outOfOrder(file, latest));
      } else {
        pending.add(file);
      }
    }
    if (!problems.isEmpty()) {
      throw new MigrationException(EngineMessages.invalidHistory(problems));
    }
    return new Plan(pending, latest == null ? null : latest.text(), lastRank + 1);
  }
}
