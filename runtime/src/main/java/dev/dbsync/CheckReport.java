package dev.dbsync;

import java.util.List;

/**
 * What {@link DbSync#check} found, read in one read-only transaction: how the live database differs from the
 * compiled snapshot ({@code db/dbsync/schema.json}) and the migrations ({@code db/migration}).
 *
 * @param historyPresent whether the database has the history table
 * @param snapshotPresent whether the class path has the compiled snapshot (without it, no schema comparison)
 * @param emptyDatabase whether the database holds no table, view or enum type of its own (the history table left
 *     out)
 * @param currentVersion the latest applied (or baselined) version, null when none
 * @param pending migrations not applied yet, in version order
 * @param history applied migrations edited, renamed or missing, failed rows, files older than the applied version
 * @param schema the differences between the database and the snapshot, grouped by table (or enum type)
 * @param unmanaged objects in the managed schemas the snapshot does not declare: listed, never a difference
 */
public record CheckReport(
    boolean historyPresent, boolean snapshotPresent, boolean emptyDatabase, String currentVersion,
    List<Migration> pending, List<HistoryProblem> history, List<TableDrift> schema, List<String> unmanaged) {
  public CheckReport {
    pending = List.copyOf(pending);
    history = List.copyOf(history);
    schema = List.copyOf(schema);
    unmanaged = List.copyOf(unmanaged);
  }

  /** A migration file: {@code V2__add_brand.sql} is version 2, "add brand". */
  public record Migration(String version, String description, String script) {}

  /** An applied migration (or history row) that stops {@code apply}, and the fix. */
  public record HistoryProblem(MigrationState state, String version, String script, String message) {}

  /** The differences of one table or enum type ({@code public.posts}, {@code enum type public.mood}). */
  public record TableDrift(String owner, List<Difference> differences) {
    public TableDrift {
      differences = List.copyOf(differences);
    }
  }

  /**
   * One difference and what to do about it.
   *
   * @param object what differs ({@code public.posts.published}, {@code table public.posts})
   * @param expected what the snapshot declares; null when only the change can be named (then {@code found} says it)
   * @param found what the database has; null when it has nothing of that name
   * @param advice the recommendation in words, e.g. {@code run migrate: pending V3__add_brand.sql changes it}
   */
  public record Difference(
      String object, String expected, String found, Recommendation recommendation, String advice) {}

  public enum Recommendation {
    /** A pending migration changes this table: applying it is expected to remove the difference. */
    RUN_MIGRATE,
    /** No pending migration explains it: someone changed the database by hand. */
    CHANGED_BY_HAND,
    /** The database has tables but no migration history (it was pushed to, or built by hand). */
    NOT_MIGRATED
  }

  /** Nothing pending, no history problem, no schema difference. */
  public boolean inSync() {
    return pending.isEmpty() && history.isEmpty() && schema.isEmpty();
  }

  /** The database has what the snapshot declares (pending migrations and history aside). */
  public boolean schemaMatches() {
    return schema.isEmpty();
  }

  /**
   * Something no pending migration explains: a schema difference changed by hand, or an applied migration edited,
   * renamed, missing or failed. {@code sync} stops on it before applying anything.
   */
  public boolean changedByHand() {
    return !history.isEmpty() || schema.stream()
        .flatMap(t -> t.differences().stream())
        .anyMatch(d -> d.recommendation() != Recommendation.RUN_MIGRATE);
  }
}
