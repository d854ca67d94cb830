package dev.dbsync.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbsync.DbSync;
import dev.dbsync.spring.DbSyncInitializer;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Status;

/** The health indicator's cache: probes within the interval get the last answer, and no query. */
@ExtendWith(FreshDatabase.class)
class DbSyncHealthIndicatorTest {

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void checksAtMostOncePerIntervalAndSeesDriftAfterIt(TestDatabase db) throws Exception {
    URL root = Path.of(getClass().getResource("/cases/profiles/").toURI()).toUri().toURL();
    DbSyncInitializer initializer = new DbSyncInitializer(
        DbSync.configure().classLoader(new URLClassLoader(new URL[] {root}, null)), db.dataSource());
    initializer.afterPropertiesSet();
    TestClock clock = new TestClock();
    DbSyncHealthIndicator indicator = new DbSyncHealthIndicator(initializer, Duration.ofMinutes(1), clock);

    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE profiles DROP CONSTRAINT profiles_username_key");
    }
    clock.now = clock.now.plusSeconds(59);
    assertThat(indicator.health().getStatus()).as("cached within the interval").isEqualTo(Status.UP);
    assertThat(indicator.health().getDetails().get("checkedAt")).isEqualTo("2026-01-01T00:00:00Z");

    clock.now = clock.now.plusSeconds(1);
    assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(indicator.health().getDetails()).containsKey("drift")
        .containsEntry("checkedAt", "2026-01-01T00:01:00Z");
  }
}
