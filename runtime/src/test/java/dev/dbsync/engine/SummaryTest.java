package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbsync.ApplyResult;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SummaryTest {
  private static ApplyResult.Migration migration(int version, long millis) {
    return new ApplyResult.Migration(String.valueOf(version), "create t" + version, "V" + version + "__create_t"
        + version + ".sql", Duration.ofMillis(millis), List.of());
  }

  @Test
  void oneMigration() {
    ApplyResult result = new ApplyResult("public",
        List.of(new ApplyResult.Migration("1", "create profiles posts", "V1__create_profiles_posts.sql",
            Duration.ofMillis(12), List.of())), "1", Duration.ofMillis(45), null, List.of());

    assertEquals("Applied 1 migration to public in 45 ms: V1 create profiles posts (12 ms)", result.summary());
  }

  @Test
  void manyMigrationsListTheFirstTen() {
    ApplyResult result = new ApplyResult("public",
        IntStream.rangeClosed(1, 12).mapToObj(v -> migration(v, 1)).toList(), "12", Duration.ofMillis(90), null, List.of());

    assertEquals("Applied 12 migrations to public in 90 ms: V1 create t1 (1 ms), V2 create t2 (1 ms), V3 create t3"
        + " (1 ms), V4 create t4 (1 ms), V5 create t5 (1 ms), V6 create t6 (1 ms), V7 create t7 (1 ms), V8 create"
        + " t8 (1 ms), V9 create t9 (1 ms), V10 create t10 (1 ms) and 2 more", result.summary());
  }

  @Test
  void backupsAreNamed() {
    ApplyResult result = new ApplyResult("public",
        List.of(new ApplyResult.Migration("2", "drop t", "V2__drop_t.sql", Duration.ofMillis(3),
            List.of("public.t -> dbsync_backup.t_v2"))), "2", Duration.ofMillis(9), java.nio.file.Path.of("/b/x.dump"), List.of());

    assertEquals("Applied 1 migration to public in 9 ms: V2 drop t (3 ms; backed up public.t -> dbsync_backup.t_v2)"
        + "; backup before: /b/x.dump", result.summary());
  }

  @Test
  void upToDate() {
    assertEquals("Database is up to date (version 1.2); nothing to apply.",
        new ApplyResult("public", List.of(), "1.2", Duration.ofMillis(1), null, List.of()).summary());
  }
}
