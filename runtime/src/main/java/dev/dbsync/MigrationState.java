package dev.dbsync;

/**
 * What the history table and the migration files say together about one migration, as {@code flyway info} shows
 * it. Only {@link #APPLIED}, {@link #BASELINE}, {@link #BELOW_BASELINE} and {@link #PENDING} let {@code apply}
 * run; the others stop it until the file or the history is fixed.
 */
public enum MigrationState {
  /** Applied, and the file is unchanged. */
  APPLIED,
  /** The row a baseline wrote: the migrations up to its version count as applied without having run. */
  BASELINE,
  /** A file at or below the baseline version: never run, covered by the baseline. */
  BELOW_BASELINE,
  /** A file not applied yet. */
  PENDING,
  /** A history row of a migration that failed (written by Flyway on a database without DDL transactions). */
  FAILED,
  /** Applied, but the file changed since: its checksum differs from the one recorded. */
  CHECKSUM_MISMATCH,
  /** Applied, but the file was renamed: its description differs from the one recorded. */
  DESCRIPTION_MISMATCH,
  /** Applied, but no file of its version is on the class path any more. */
  MISSING,
  /** A file not applied yet whose version is older than the latest applied one. */
  OUT_OF_ORDER,
  /** A history row whose version dbsync cannot read. */
  UNREADABLE;

  /** Whether this state stops {@code apply} (and makes {@code check} exit 1). */
  public boolean isProblem() {
    return switch (this) {
      case APPLIED, BASELINE, BELOW_BASELINE, PENDING -> false;
      case FAILED, CHECKSUM_MISMATCH, DESCRIPTION_MISMATCH, MISSING, OUT_OF_ORDER, UNREADABLE -> true;
    };
  }
}
