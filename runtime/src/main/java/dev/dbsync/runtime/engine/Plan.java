package dev.dbsync.runtime.engine;

import dev.dbsync.MigrationException;
import java.util.List;

/**
 * What the history and the migration files say together, validated as strictly as Flyway's {@code validate()}:
 * every applied migration still exists with the same checksum and description, no applied row failed, and
 * nothing pending is older than what was applied (see {@link MigrationStates}). Otherwise the pending migrations,
 * in version order.
 */
public record Plan(List<MigrationFile> pending, String currentVersion, int nextRank) {
  public Plan {
    pending = List.copyOf(pending);
  }

  public static Plan of(List<HistoryRow> history, List<MigrationFile> files) {
    MigrationStates states = MigrationStates.of(history, files);
    List<MigrationStates.Entry> problems = states.problems();
    if (!problems.isEmpty()) {
      throw new MigrationException(
          EngineMessages.invalidHistory(problems.stream().map(MigrationStates.Entry::problem).toList()));
    }
    return new Plan(states.pending(), states.currentVersion(), states.nextRank());
  }
}
