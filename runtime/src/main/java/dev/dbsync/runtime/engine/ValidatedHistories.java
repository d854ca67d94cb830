package dev.dbsync.runtime.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Histories this JVM has validated against a listing of migration files and found up to date, by the history's
 * {@linkplain HistoryTable#readFingerprint fingerprint}. A warm no-op then reads one value instead of every
 * history row and validating each again: at 1,000 applied migrations, reading, parsing and validating the rows
 * was most of the no-op's time. The listing is known by identity ({@link MigrationLocation#migrations} returns the
 * same list while no file changed), so any change to the files, and any change to the history, misses and takes
 * the full read.
 */
final class ValidatedHistories {
  /** Fingerprints kept per history table: several databases (tenants) may share one listing. */
  private static final int LIMIT = 64;

  private record Validated(List<MigrationFile> files, Map<String, Plan> plans) {}

  private static final Map<String, Validated> BY_TABLE = new ConcurrentHashMap<>();

  private ValidatedHistories() {}

  /** Whether a fingerprint read could help: some history was validated against this very listing. */
  static boolean known(HistoryTable history, List<MigrationFile> files) {
    Validated validated = BY_TABLE.get(history.quotedName());
    return validated != null && validated.files() == files;
  }

  /** The up-to-date plan validated for this fingerprint and listing, or null. */
  static Plan upToDate(HistoryTable history, List<MigrationFile> files, String fingerprint) {
    Validated validated = BY_TABLE.get(history.quotedName());
    if (validated == null || validated.files() != files) {
      return null;
    }
    synchronized (validated) {
      return validated.plans().get(fingerprint);
    }
  }

  /** Remembers a plan with nothing pending, validated from the history with this fingerprint. */
  static void remember(HistoryTable history, List<MigrationFile> files, String fingerprint, Plan plan) {
    if (!plan.pending().isEmpty()) {
      return;
    }
    Validated validated;
    synchronized (BY_TABLE) { // a plain get and put: no lambda to generate on the first start
      validated = BY_TABLE.get(history.quotedName());
      if (validated == null || validated.files() != files) {
        validated = new Validated(files, new LinkedHashMap<>());
        BY_TABLE.put(history.quotedName(), validated);
      }
    }
    synchronized (validated) {
      if (validated.plans().size() >= LIMIT) {
        validated.plans().clear();
      }
      validated.plans().put(fingerprint, plan);
    }
  }
}
