package dev.dbsync;

import dev.dbsync.runtime.engine.EngineMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@link DbSync#apply} did.
 *
 * @param schema the schema of the history table (where the migrations were recorded)
 * @param applied the migrations applied by this call, in order; empty when the database was up to date
 * @param version the database's version afterwards, null when no migration exists at all
 * @param duration the whole call, connection included
 * @param backup the pg_dump file written before applying, or null (no backup directory, or nothing applied)
 * @param unmanaged objects found in the managed schemas that the compiled snapshot does not declare (another
 *     library's table, a hand-written migration's enum type): reported by the verification, never touched
 * @param lockGroups empty when the pending migrations fit in one transaction; otherwise the transactions they
 *     were committed in, in order, each with its history rows: PostgreSQL's lock table (sized by
 *     {@code max_locks_per_transaction}) could not hold the locks of all of them at once
 */
public record ApplyResult(
    String schema, List<Migration> applied, String version, Duration duration, Path backup, List<String> unmanaged,
    List<Group> lockGroups) {
  public ApplyResult {
    applied = List.copyOf(applied);
    unmanaged = List.copyOf(unmanaged);
    lockGroups = List.copyOf(lockGroups);
  }

  /** A result of one transaction (or of the documented exceptions to it), without lock groups. */
  public ApplyResult(
      String schema, List<Migration> applied, String version, Duration duration, Path backup, List<String> unmanaged) {
    this(schema, applied, version, duration, backup, unmanaged, List.of());
  }

  /** Migrations {@code first} to {@code last} ({@code migrations} of them), committed in one transaction. */
  public record Group(String first, String last, int migrations) {}

  /**
   * One applied migration: {@code V1__create_profiles_posts.sql} is version 1, "create profiles posts".
   *
   * @param backups production mode's copies of the tables it changed destructively
   *     ({@code public.t -> dbsync_backup.t_v2}), empty otherwise
   */
  public record Migration(String version, String description, String script, Duration duration, List<String> backups) {
    public Migration {
      backups = List.copyOf(backups);
    }
  }

  public boolean upToDate() {
    return applied.isEmpty();
  }

  /** "Applied 1 migration to public in 45 ms: V1 create profiles posts (12 ms)" or "Database is up to date ...". */
  public String summary() {
    if (applied.isEmpty()) {
      return EngineMessages.upToDate(version);
    }
    return EngineMessages.applied(schema, backup,
        applied.stream()
            .map(m -> EngineMessages.appliedMigration(
                m.version(), m.description(), m.duration().toMillis(), m.backups()))
            .toList(),
        duration.toMillis())
        + (lockGroups.isEmpty() ? "" : EngineMessages.lockGroups(
            lockGroups.stream().map(g -> EngineMessages.lockGroup(g.first(), g.last(), g.migrations())).toList()));
  }

  @Override
  public String toString() {
    return summary();
  }
}
