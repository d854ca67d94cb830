package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.DbSync;
import dev.dbsync.runtime.engine.EngineMessages;
import dev.dbsync.runtime.engine.MigrationVersion;
import dev.dbsync.runtime.engine.Settings;
import dev.dbsync.schema.model.QualifiedName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static Settings resolve(Settings.Explicit explicit, Map<String, String> environment) {
    return Settings.resolve(explicit, environment::get);
  }

  @Test
  void defaultsNeverBreakAHealthyDeployment() {
    Settings s = resolve(Settings.Explicit.NONE, Map.of());

    assertEquals(DbSync.Mode.DEVELOPMENT, s.mode());
    assertEquals(Duration.ofSeconds(5), s.lockTimeout());
    assertNull(s.statementTimeout());
    assertEquals(Duration.ofMinutes(2), s.lockWait());
    assertEquals(Settings.DestructivePolicy.NONE, s.destructive());
    assertEquals(QualifiedName.of("public", "flyway_schema_history"), s.historyTable());
    assertNull(s.backupDirectory());
  }

  @Test
  void theEnvironmentFillsWhatTheCodeLeftUnset() {
    Settings s = resolve(Settings.Explicit.NONE, Map.of(
        "DBSYNC_MODE", "Production", "DBSYNC_LOCK_TIMEOUT", "500ms", "DBSYNC_STATEMENT_TIMEOUT", "2m",
        "DBSYNC_LOCK_WAIT", "1h", "DBSYNC_ALLOW_DESTRUCTIVE", "5, V7", "DBSYNC_HISTORY_TABLE", "ops.history",
        "DBSYNC_BACKUP_DIR", "/var/backups/app"));

    assertEquals(DbSync.Mode.PRODUCTION, s.mode());
    assertEquals(Duration.ofMillis(500), s.lockTimeout());
    assertEquals(Duration.ofMinutes(2), s.statementTimeout());
    assertEquals(Duration.ofHours(1), s.lockWait());
    assertTrue(s.destructive().allows(MigrationVersion.parseOrNull("7")));
    assertTrue(s.destructive().allows(MigrationVersion.parseOrNull("5.0")));
    assertFalse(s.destructive().allows(MigrationVersion.parseOrNull("6")));
    assertEquals(QualifiedName.of("ops", "history"), s.historyTable());
    assertEquals(java.nio.file.Path.of("/var/backups/app"), s.backupDirectory());
  }

  @Test
  void theCodeWins() {
    Settings s = resolve(
        new Settings.Explicit(DbSync.Mode.DEVELOPMENT, Duration.ofSeconds(1), null, null,
            Settings.DestructivePolicy.ALL, "h", null, null, false),
        Map.of("DBSYNC_MODE", "production", "DBSYNC_LOCK_TIMEOUT", "9s", "DBSYNC_ALLOW_DESTRUCTIVE", "false"));

    assertEquals(DbSync.Mode.DEVELOPMENT, s.mode());
    assertEquals(Duration.ofSeconds(1), s.lockTimeout());
    assertTrue(s.destructive().allows(MigrationVersion.parseOrNull("1")));
    assertEquals(QualifiedName.of("public", "h"), s.historyTable());
  }

  @Test
  void anInvalidValueNamesTheVariable() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> resolve(Settings.Explicit.NONE, Map.of("DBSYNC_LOCK_TIMEOUT", "5 seconds")));
    assertEquals(EngineMessages.invalidSetting("DBSYNC_LOCK_TIMEOUT (system property dbsync.lock.timeout)",
        "5 seconds", "a duration such as 500ms, 5s, 2m or 1h"), e.getMessage());

    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> resolve(Settings.Explicit.NONE, Map.of("DBSYNC_MODE", "prod"))).getMessage()
        .startsWith("Invalid value 'prod' for DBSYNC_MODE (system property dbsync.mode)"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> resolve(Settings.Explicit.NONE, Map.of("DBSYNC_ALLOW_DESTRUCTIVE", "yes"))).getMessage()
        .contains("DBSYNC_ALLOW_DESTRUCTIVE"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> resolve(Settings.Explicit.NONE, Map.of("DBSYNC_HISTORY_TABLE", "x".repeat(64)))).getMessage()
        .contains("DBSYNC_HISTORY_TABLE"));
  }

  @Test
  void systemPropertiesAreTheVariableNamesInLowerCaseWithDots() {
    assertEquals("dbsync.lock.wait", Settings.propertyName("DBSYNC_LOCK_WAIT"));
    String previous = System.getProperty("dbsync.lock.wait");
    System.setProperty("dbsync.lock.wait", "3s");
    try {
      assertEquals(Duration.ofSeconds(3),
          Settings.resolve(Settings.Explicit.NONE, Settings.systemEnvironment()).lockWait());
    } finally {
      if (previous == null) {
        System.clearProperty("dbsync.lock.wait");
      } else {
        System.setProperty("dbsync.lock.wait", previous);
      }
    }
  }

  @Test
  void theBuilderRefusesNegativeDurations() {
    assertThrows(IllegalArgumentException.class, () -> DbSync.configure().lockWait(Duration.ofSeconds(-1)));
  }

  @Test
  void durationsBeyondPostgresLimitFailAtOnceNamingTheVariableAndTheRange() {
    for (String value : List.of("1000h", "99999999999999h", "99999999999999999999999ms")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> resolve(Settings.Explicit.NONE, Map.of("DBSYNC_LOCK_TIMEOUT", value)));
      assertEquals("Out of range: DBSYNC_LOCK_TIMEOUT (system property dbsync.lock.timeout) = " + value
          + "; allowed are durations from 0ms to 2147483647ms (24 days 20 h, PostgreSQL's limit for lock_timeout"
          + " and statement_timeout), e.g. 5s, 10m or 24h.", e.getMessage());
    }
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> resolve(Settings.Explicit.NONE, Map.of("DBSYNC_STATEMENT_TIMEOUT", "597h"))).getMessage()
        .startsWith("Out of range: DBSYNC_STATEMENT_TIMEOUT"));
    assertEquals(Duration.ofHours(596),
        resolve(Settings.Explicit.NONE, Map.of("DBSYNC_LOCK_WAIT", "596h")).lockWait());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> DbSync.configure().lockTimeout(Duration.ofHours(1000))).getMessage()
        .startsWith("Out of range: lockTimeout(...) = PT1000H; allowed are durations from 0ms to 2147483647ms"));
  }
}
