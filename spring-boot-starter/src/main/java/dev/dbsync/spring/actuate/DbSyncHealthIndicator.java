package dev.dbsync.spring.actuate;

import dev.dbsync.CheckReport;
import dev.dbsync.spring.DbSyncInitializer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN when the database has drifted from the compiled snapshot ({@code db/dbsync/schema.json}): a table, column,
 * index, constraint or enum type that differs from what the application was compiled against. The check is
 * {@code DbSync.check}: read-only (one read-only transaction, no lock). It runs at most once per
 * {@code dbsync.health.check-interval} (default 1 minute); probes in between get the cached answer, so a
 * Kubernetes probe every few seconds never turns into catalog queries every few seconds.
 */
public class DbSyncHealthIndicator implements HealthIndicator {
  private final DbSyncInitializer initializer;
  private final Duration interval;
  private final Clock clock;
  private Checked last;

  private record Checked(Instant at, Health health) {}

  public DbSyncHealthIndicator(DbSyncInitializer initializer, Duration interval) {
    this(initializer, interval, Clock.systemUTC());
  }

  DbSyncHealthIndicator(DbSyncInitializer initializer, Duration interval, Clock clock) {
    this.initializer = initializer;
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public synchronized Health health() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(last.at().plus(interval))) {
      last = new Checked(now, check(now));
    }
    return last.health();
  }

  private Health check(Instant now) {
    Health.Builder health;
    try {
      CheckReport report = initializer.builder().check(initializer.dataSource());
      health = report.schemaMatches() ? Health.up() : Health.down();
      health.withDetail("currentVersion", String.valueOf(report.currentVersion()))
          .withDetail("pending", report.pending().size())
          .withDetail("snapshotPresent", report.snapshotPresent());
      if (!report.schemaMatches()) {
        health.withDetail("drift", drift(report));
      }
      if (!report.history().isEmpty()) {
        health.withDetail("history", report.history().stream().map(CheckReport.HistoryProblem::message).toList());
      }
    } catch (RuntimeException e) {
      health = Health.down(e);
    }
    return health.withDetail("checkedAt", now.toString()).build();
  }

  /** {@code public.posts} → its differences as {@code object: expected ..., found ... (advice)}. */
  private static Map<String, List<String>> drift(CheckReport report) {
    Map<String, List<String>> drift = new LinkedHashMap<>();
    for (CheckReport.TableDrift table : report.schema()) {
      drift.put(table.owner(), table.differences().stream()
          .map(d -> d.object() + ": expected " + d.expected() + ", found " + d.found() + " (" + d.advice() + ")")
          .toList());
    }
    return drift;
  }
}
