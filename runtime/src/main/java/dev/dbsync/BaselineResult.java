package dev.dbsync;

import java.time.Duration;
import java.util.List;

/**
 * What {@link DbSync#baseline} did: either it recorded a baseline (Flyway's {@code BASELINE} history row) at the
 * latest migration's version, so that the migrations up to it count as applied without having run, or it refused
 * because the database does not match the compiled snapshot.
 *
 * @param version the baseline version, null when refused
 * @param covered the migrations the baseline counts as applied, empty when refused
 * @param refusal the {@code check} report showing how the database differs, null when baselined
 * @param duration the whole call, connection included
 */
public record BaselineResult(String version, List<String> covered, CheckReport refusal, Duration duration) {
  public BaselineResult {
    covered = List.copyOf(covered);
  }

  public boolean baselined() {
    return refusal == null;
  }
}
