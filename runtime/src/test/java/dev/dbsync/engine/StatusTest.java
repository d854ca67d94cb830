package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.StatusReport;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code status}: every migration with its state, like {@code flyway info}. */
@ExtendWith(FreshDatabase.class)
class StatusTest {
  /** The row Flyway writes when V2 fails on a database without transactional DDL. */
  static final String FAILED_V2 = "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
      + " script, checksum, installed_by, execution_time, success)"
      + " VALUES (2, '2', 'create tags', 'SQL', 'V2__create_tags.sql', 7, 'flyway', 3, false)";

  @TempDir Path temp;

  @Test
  void appliedFailedAndPendingMigrations(TestDatabase db) {
    Migrations migrations = Migrations.in(temp).add("V1__create_notes.sql", CheckTest.V1).snapshot(CheckTest.NOTES);
    migrations.apply(db.dataSource());
    Catalog.execute(db.dataSource(), FAILED_V2);
    migrations.add("V2__create_tags.sql", CheckTest.V2).add("V3__more.sql", "SELECT 1;\n");

    StatusReport status = migrations.configure().status(db.dataSource());

    assertEquals(List.of("1 APPLIED SQL", "2 FAILED SQL", "2 PENDING SQL", "3 PENDING SQL"),
        status.rows().stream().map(r -> r.version() + " " + r.state() + " " + r.type()).toList());
    StatusReport.Row v1 = status.rows().get(0);
    assertEquals("create notes", v1.description());
    assertNotNull(v1.installedOn());
    assertNotNull(v1.executionTime());
    assertFalse(v1.installedBy().isEmpty());
    StatusReport.Row failed = status.rows().get(1);
    assertEquals("flyway", failed.installedBy());
    assertTrue(failed.problem().contains("dbsync repair"), failed.problem());
    StatusReport.Row pending = status.rows().get(3);
    assertNull(pending.installedOn());
    assertEquals("1", status.currentVersion());
    assertEquals(1, status.problems().size());
  }

  @Test
  void aDatabaseWithoutHistoryHasEverythingPending(TestDatabase db) {
    Migrations migrations = Migrations.in(temp).add("V1__create_notes.sql", CheckTest.V1);

    StatusReport status = migrations.configure().status(db.dataSource());

    assertFalse(status.historyPresent());
    assertEquals(List.of("1 PENDING"), status.rows().stream().map(r -> r.version() + " " + r.state()).toList());
  }
}
