package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.MigrationException;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A warm no-op reads the history's fingerprint instead of its rows (see RoundTripTest#nothingPendingIsOneQuery): the
 * engine remembers the histories it has validated against the same listing of files. Whatever is done to the
 * history behind its back is still seen, as a cold start would see it.
 */
@ExtendWith(FreshDatabase.class)
class WarmNoOpTest {
  private static final String V1 = "CREATE TABLE a (id int PRIMARY KEY);\n";
  private static final String V2 = "CREATE TABLE b (id int PRIMARY KEY);\n";

  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "checksum changed   | UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'"
          + " | Migration checksum mismatch for migration version 2",
      "checksum removed   | UPDATE flyway_schema_history SET checksum = NULL WHERE version = '2'"
          + " | -> Applied to database : null",
      "description edited | UPDATE flyway_schema_history SET description = 'create c' WHERE version = '2'"
          + " | Migration description mismatch for migration version 2",
      "failed             | UPDATE flyway_schema_history SET success = false WHERE version = '2'"
          + " | Detected failed migration to version 2",
      "row of another run | INSERT INTO flyway_schema_history SELECT 3, '3', 'create c', 'SQL', 'V3__create_c.sql',"
          + " 1, installed_by, installed_on, 0, true FROM flyway_schema_history WHERE version = '1'"
          + " | Detected applied migration not resolved locally: 3",
      "row deleted        | DELETE FROM flyway_schema_history WHERE version = '2'"
          + " | relation \"b\" already exists",
      "versions swapped   | UPDATE flyway_schema_history SET version = CASE version WHEN '1' THEN '2' ELSE '1' END"
          + " | Migration description mismatch for migration version 1",
  })
  void historyEditedBehindAWarmEngineIsSeenAsAColdStartSeesIt(String edit, String sql, String expected,
      TestDatabase db) {
    Migrations build = built(temp);
    build.apply(db.dataSource());
    assertTrue(build.apply(db.dataSource()).upToDate());
    assertTrue(build.apply(db.dataSource()).upToDate()); // warm: from the fingerprint

    Catalog.execute(db.dataSource(), sql);

    MigrationException e = assertThrows(MigrationException.class, () -> build.apply(db.dataSource()), edit);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void aHistoryPutBackIsKnownAgain(TestDatabase db) {
    Migrations build = built(temp);
    build.apply(db.dataSource());
    assertTrue(build.apply(db.dataSource()).upToDate());
    Catalog.execute(db.dataSource(), "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
    assertThrows(MigrationException.class, () -> build.apply(db.dataSource()));

    Catalog.execute(db.dataSource(), "UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '1'");
    assertTrue(build.apply(db.dataSource()).upToDate());
  }

  private static Migrations built(Path root) {
    return Migrations.in(root).add("V1__create_a.sql", V1).add("V2__create_b.sql", V2).index();
  }
}
