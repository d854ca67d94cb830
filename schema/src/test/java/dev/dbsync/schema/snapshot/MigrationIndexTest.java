package dev.dbsync.schema.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.schema.sql.FlywayChecksum;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationIndexTest {
  private static final String V1 = "CREATE TABLE a (id int);\r\n";
  private static final String V2 = "-- lock-safe\nCREATE INDEX CONCURRENTLY a_id_idx ON a (id);\n";

  private static MigrationIndex index() {
    return new MigrationIndex(List.of(
        MigrationIndex.Entry.of("V1__create_a.sql", "1", V1.getBytes(StandardCharsets.UTF_8)),
        MigrationIndex.Entry.of("V1_1__index_a.sql", "1.1", V2.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void entriesCarrySizeCrcFlywayChecksumAndWhetherTheyCanRunInATransaction() {
    MigrationIndex.Entry v1 = index().entries().get(0);
    assertEquals(V1.length(), v1.size());
    assertEquals(MigrationIndex.crc32(V1.getBytes(StandardCharsets.UTF_8)), v1.crc32());
    assertEquals(FlywayChecksum.of(V1), v1.checksum());
    assertTrue(v1.transactional());
    assertFalse(index().entries().get(1).transactional());
  }

  @Test
  void textIsDeterministicAndReadsBack() {
    String text = index().text();
    assertEquals(text, index().text());
    assertTrue(text.endsWith("\n") && !text.contains("\r"), text);
    assertEquals(index(), MigrationIndex.parse(text).orElseThrow());
    assertEquals(index(), MigrationIndex.parse(text.replace("\n", "\r\n")).orElseThrow());
  }

  @Test
  void aLineThatIsNotAnIndexLineMakesTheWholeIndexUnreadable() {
    String text = index().text();
    assertTrue(MigrationIndex.parse(text + "V3__x.sql\t3\t12\n").isEmpty());
    assertTrue(MigrationIndex.parse(text.replace("transactional", "maybe")).isEmpty());
    assertTrue(MigrationIndex.parse(text.replaceFirst("\t1\t\\d+\t", "\t1\tmany\t")).isEmpty());
  }
}
