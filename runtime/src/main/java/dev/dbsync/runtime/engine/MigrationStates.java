package dev.dbsync.runtime.engine;

import dev.dbsync.MigrationState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The history and the migration files read together, as strictly as Flyway's {@code validate()}: each migration's
 * {@link MigrationState}, with the message for each one that stops an apply. {@link Plan} refuses on any problem;
 * {@code check} and {@code status} report them.
 *
 * @param entries one per versioned history row (failed rows included) and per file not applied, in version order
 * @param pending the files to apply, in version order
 * @param currentVersion the latest applied (or baselined) version, null when none
 * @param nextRank the installed_rank the next history row gets
 */
public record MigrationStates(List<Entry> entries, List<MigrationFile> pending, String currentVersion, int nextRank) {
  public MigrationStates {
    entries = List.copyOf(entries);
    pending = List.copyOf(pending);
  }

  /**
   * One migration.
   *
   * @param row its history row, null when it has none (pending, out of order, below the baseline)
   * @param file its file, null when there is none (missing, a baseline row)
   * @param problem why it stops an apply (with the fix), null when it does not
   */
  public record Entry(
      String version, String description, String script, MigrationState state, HistoryRow row, MigrationFile file,
      String problem) {}

  public List<Entry> problems() {
    List<Entry> problems = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.problem() != null) {
        problems.add(entry);
      }
    }
    return List.copyOf(problems);
  }

  /**
   * Unreadable versions last; a history row before the file of the same version. A class rather than
   * {@code Comparator.comparing(..)} chains: every start sorts the entries, and each lambda is a class generated at
   * first use (~0.5 ms in a fresh JVM). An entry with a file compares by the file's parsed version.
   */
  private static final class Order implements Comparator<Entry> {
    @Override
    public int compare(Entry a, Entry b) {
      MigrationVersion first = version(a);
      MigrationVersion second = version(b);
      if (first == null || second == null) {
        return first == second ? Boolean.compare(a.row() == null, b.row() == null) : first == null ? 1 : -1;
      }
      int byVersion = first.compareTo(second);
      return byVersion != 0 ? byVersion : Boolean.compare(a.row() == null, b.row() == null);
    }

    private static MigrationVersion version(Entry entry) {
      return entry.file() != null ? entry.file().version() : MigrationVersion.parseOrNull(entry.version());
    }
  }

  public static MigrationStates of(List<HistoryRow> history, List<MigrationFile> files) {
    // keyed by version order, in which 1.0 and 1 are one version however they are spelled
    TreeMap<MigrationVersion, HistoryRow> applied = new TreeMap<>();
    List<Entry> entries = new ArrayList<>();
    HistoryRow baselineRow = null;
    MigrationVersion baseline = null;
    int lastRank = 0;
    for (HistoryRow row : history) {
      lastRank = Math.max(lastRank, row.installedRank());
      if (row.isSchemaMarker() || row.version() == null) {
        continue; // no versioned migration (Flyway's schema marker, or a repeatable migration's row)
      }
      MigrationVersion version = MigrationVersion.parseOrNull(row.version());
      if (version == null) {
        entries.add(new Entry(row.version(), row.description(), row.script(), MigrationState.UNREADABLE, row, null,
            EngineMessages.unreadableHistoryVersion(row.version())));
      } else if (row.isDeleteMarker()) {
        applied.remove(version);
      } else if (row.isBaseline()) {
        baseline = version;
        baselineRow = row;
      } else if (!row.success()) {
        entries.add(new Entry(row.version(), row.description(), row.script(), MigrationState.FAILED, row, null,
            EngineMessages.failedRow(row.version(), row.description())));
      } else {
        applied.put(version, row);
      }
    }
    if (baselineRow != null) {
      entries.add(new Entry(baselineRow.version(), baselineRow.description(), baselineRow.script(),
          MigrationState.BASELINE, baselineRow, null, null));
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
        entries.add(new Entry(row.version(), row.description(), row.script(), MigrationState.MISSING, row, null,
            EngineMessages.appliedButMissing(row.version(), row.script())));
        continue;
      }
      int checksum = file.checksum();
      MigrationState state = MigrationState.APPLIED;
      List<String> problems = new ArrayList<>();
      if (row.checksum() == null || row.checksum() != checksum) {
        state = MigrationState.CHECKSUM_MISMATCH;
        problems.add(EngineMessages.checksumMismatch(file, row.checksum(), checksum));
      }
      if (!row.description().equals(file.description())) {
        state = state == MigrationState.APPLIED ? MigrationState.DESCRIPTION_MISMATCH : state;
        problems.add(EngineMessages.descriptionMismatch(file, row.description()));
      }
      entries.add(new Entry(row.version(), row.description(), row.script(), state, row, file,
          problems.isEmpty() ? null : String.join("\n", problems)));
    }

    List<MigrationFile> pending = new ArrayList<>();
    for (MigrationFile file : files) {
      if (applied.containsKey(file.version())) {
        continue;
      }
      if (baseline != null && file.version().compareTo(baseline) <= 0) {
        // covered by a baseline (Flyway ignores those)
        entries.add(fileEntry(file, MigrationState.BELOW_BASELINE, null));
      } else if (latest != null && file.version().compareTo(latest) < 0) {
        entries.add(fileEntry(file, MigrationState.OUT_OF_ORDER, EngineMessages.outOfOrder(file, latest)));
      } else {
        entries.add(fileEntry(file, MigrationState.PENDING, null));
        pending.add(file);
      }
    }
    // unreadable versions last; a history row before the file of the same version
    entries.sort(new Order());
    return new MigrationStates(entries, pending, latest == null ? null : latest.text(), lastRank + 1);
  }

  private static Entry fileEntry(MigrationFile file, MigrationState state, String problem) {
    return new Entry(file.version().text(), file.description(), file.script(), state, null, file, problem);
  }
}
