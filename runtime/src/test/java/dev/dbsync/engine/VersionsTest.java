package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.MigrationException;
import dev.dbsync.schema.sql.FlywayChecksum;
import dev.dbsync.runtime.engine.HistoryRow;
import dev.dbsync.runtime.engine.MigrationFile;
import dev.dbsync.runtime.engine.MigrationStates;
import dev.dbsync.runtime.engine.MigrationVersion;
import dev.dbsync.runtime.engine.Plan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VersionsTest {
  private static MigrationVersion v(String text) {
    return MigrationVersion.parseOrNull(text);
  }

  @Test
  void versionsCompareAsNumbersPartByPart() {
    assertEquals(List.of("1", "1.1", "1.2", "1.10", "2", "10"),
        Stream.of("10", "1.10", "2", "1_1", "1", "1.2").map(VersionsTest::v).sorted()
            .map(MigrationVersion::text).toList());
    assertTrue(v("1.0").sameAs(v("1")));
    assertEquals("1.1", v("1_1").text());
  }

  @Test
  void notAVersion() {
    assertNull(v("1a"));
    assertNull(v(""));
    assertNull(v("1..2"));
    assertNull(v("1."));
    assertNull(v(".1"));
    assertNull(v("-1"));
    assertNull(v("1.2b"));
  }

  @Test
  void historyMatchesFilesByVersionHoweverSpelled() {
    MigrationFile v1 = file("1", "SELECT 1;");
    MigrationFile v2 = file("1_1", "SELECT 2;");
    MigrationFile v3 = file("2", "SELECT 3;");
    List<HistoryRow> history = List.of(
        new HistoryRow(1, "1.0", "m", "SQL", "V1__m.sql", v1.checksum(), true),
        new HistoryRow(2, "1.1.0", "m", "SQL", "V1_1__m.sql", v2.checksum(), true));
    Plan plan = Plan.of(history, List.of(v1, v2, v3));
    assertEquals(List.of(v3), plan.pending());
    assertEquals("1.1.0", plan.currentVersion());
    assertEquals(3, plan.nextRank());
  }

  @Test
  void aMigrationMarkedDeletedByRepairIsNoLongerMissing() {
    List<HistoryRow> history = List.of(
        new HistoryRow(1, "1", "m", "SQL", "V1__m.sql", 42, true),
        new HistoryRow(2, "1.0", "m", "DELETE", "V1__m.sql", 42, true));
    assertEquals(List.of(), Plan.of(history, List.of()).pending());
    assertThrows(MigrationException.class, () -> Plan.of(history.subList(0, 1), List.of()));
  }

  /** The order status lists entries in: by version, a history row before the file of its version, unreadable last. */
  @Test
  void entriesAreOrderedByVersionRowBeforeFileUnreadableLast() {
    MigrationFile v1 = file("1", "SELECT 1;");
    MigrationFile v2 = file("2", "SELECT 2;");
    MigrationFile v10 = file("10", "SELECT 10;");
    List<HistoryRow> history = List.of(
        new HistoryRow(1, "x1", "odd", "SQL", "Vx1__odd.sql", 7, true),
        new HistoryRow(2, "10", "m", "SQL", "V10__m.sql", v10.checksum(), true),
        new HistoryRow(3, "1.0", "m", "SQL", "V1__m.sql", v1.checksum(), false),
        new HistoryRow(4, "a.b", "odd", "SQL", "Va.b__odd.sql", 8, true),
        new HistoryRow(5, "3", "gone", "SQL", "V3__gone.sql", 9, true));

    List<String> order = MigrationStates.of(history, List.of(v10, v2, v1)).entries().stream()
        .map(e -> e.version() + " " + e.state() + (e.row() != null ? " row" : " file")).toList();

    assertEquals(List.of("1.0 FAILED row", "1 OUT_OF_ORDER file", "2 OUT_OF_ORDER file", "3 MISSING row",
        "10 APPLIED row", "x1 UNREADABLE row", "a.b UNREADABLE row"), order);
  }

  private static MigrationFile file(String version, String sql) {
    return new MigrationFile(v(version), "m", "V" + version + "__m.sql", "test:V" + version, version,
        () -> sql.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void checksumIgnoresLineEndingsAndByteOrderMark() {
    int lf = FlywayChecksum.of("a\nb\n");
    assertEquals(lf, FlywayChecksum.of("a\r\nb\r\n"));
    assertEquals(lf, FlywayChecksum.of("a\nb"));
    assertEquals(lf, FlywayChecksum.of(FlywayChecksum.decode("\uFEFFa\nb".getBytes(StandardCharsets.UTF_8))));
    assertEquals(FlywayChecksum.of("ab"), lf); // lines are joined without a separator, as Flyway does
  }
}
