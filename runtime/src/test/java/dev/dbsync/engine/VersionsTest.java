package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.runtime.engine.FlywayChecksum;
import dev.dbsync.runtime.engine.MigrationVersion;
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
  }

  @Test
  void checksumIgnoresLineEndingsAndByteOrderMark() {
    int lf = FlywayChecksum.of("a\nb\n");
    assertEquals(lf, FlywayChecksum.of("a\r\nb\r\n"));
    assertEquals(lf, FlywayChecksum.of("a\nb"));
    assertEquals(lf, FlywayChecksum.of(FlywayChecksum.decode("\uFEFFa\nb".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    assertEquals(FlywayChecksum.of("ab"), lf); // lines are joined without a separator, as Flyway does
  }
}
