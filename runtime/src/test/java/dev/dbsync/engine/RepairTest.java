package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.MigrationException;
import dev.dbsync.MigrationState;
import dev.dbsync.RepairResult;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code repair}: the history made to agree with reviewed files again, as Flyway's repair does. */
@ExtendWith(FreshDatabase.class)
class RepairTest {
  @TempDir Path temp;

  @Test
  void anEditedMigrationsChecksumIsRecorded(TestDatabase db) {
    Migrations migrations = Migrations.in(temp).add("V1__create_notes.sql", CheckTest.V1).snapshot(CheckTest.NOTES);
    migrations.apply(db.dataSource());
    migrations.add("V1__create_notes.sql", "-- reviewed: the index is for the search page\n" + CheckTest.V1);
    MigrationException refused = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));
    assertTrue(refused.getMessage().contains("record the new checksum with dbsync repair (CLI), mvn dbsync:repair"),
        refused.getMessage());

    RepairResult result = migrations.configure().repair(db.dataSource());

    assertEquals(List.of("1 V1__create_notes.sql CHECKSUM_MISMATCH"),
        result.repaired().stream().map(r -> r.version() + " " + r.script() + " " + r.was()).toList());
    assertTrue(result.repaired().get(0).action().startsWith("recorded checksum "), result.repaired().toString());
    assertTrue(migrations.apply(db.dataSource()).upToDate());
    assertTrue(migrations.configure().check(db.dataSource()).inSync());
    assertTrue(migrations.configure().repair(db.dataSource()).nothingToRepair(), "a second repair has nothing to do");
    Flyway.configure().dataSource(db.dataSource()).locations(migrations.flywayLocation()).load().validate();
  }

  @Test
  void aFailedRowIsDeletedAndTheMigrationAppliesAgain(TestDatabase db) {
    Migrations migrations = Migrations.in(temp).add("V1__create_notes.sql", CheckTest.V1).snapshot(CheckTest.NOTES);
    migrations.apply(db.dataSource());
    Catalog.execute(db.dataSource(), StatusTest.FAILED_V2);
    migrations.add("V2__create_tags.sql", CheckTest.V2).snapshot(CheckTest.NOTES_AND_TAGS);
    assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));

    RepairResult result = migrations.configure().repair(db.dataSource());

    assertEquals(List.of(MigrationState.FAILED), result.repaired().stream().map(r -> r.was()).toList());
    assertEquals(List.of("2"), migrations.apply(db.dataSource()).applied().stream().map(m -> m.version()).toList());
  }

  @Test
  void aMissingMigrationIsReportedNotForgotten(TestDatabase db) {
    Migrations migrations = Migrations.in(temp).add("V1__create_notes.sql", CheckTest.V1);
    migrations.apply(db.dataSource());
    assertTrue(migrations.directory().resolve("V1__create_notes.sql").toFile().delete());

    RepairResult result = migrations.configure().repair(db.dataSource());

    assertTrue(result.nothingToRepair());
    assertEquals(1, result.unresolved().size());
    assertTrue(result.unresolved().get(0).contains("V1__create_notes.sql"), result.unresolved().toString());
    assertEquals(List.of(MigrationState.MISSING),
        migrations.configure().status(db.dataSource()).rows().stream().map(r -> r.state()).toList());
  }
}
