package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.BaselineResult;
import dev.dbsync.MigrationException;
import dev.dbsync.MigrationState;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code baseline}: adopting a database that already has the compiled schema. */
@ExtendWith(FreshDatabase.class)
class BaselineTest {
  @TempDir Path temp;

  private Migrations notesAndTags() {
    return Migrations.in(temp).add("V1__create_notes.sql", CheckTest.V1).add("V2__create_tags.sql", CheckTest.V2)
        .snapshot(CheckTest.NOTES_AND_TAGS);
  }

  @Test
  void aMatchingDatabaseIsBaselinedAndThenNothingIsApplied(TestDatabase db) {
    Migrations migrations = notesAndTags();
    migrations.configure().push(db.dataSource());

    BaselineResult result = migrations.configure().baseline(db.dataSource());

    assertTrue(result.baselined(), String.valueOf(result.refusal()));
    assertEquals("2", result.version());
    assertEquals(List.of("V1__create_notes.sql", "V2__create_tags.sql"), result.covered());
    assertTrue(migrations.apply(db.dataSource()).upToDate(), "baseline then migrate applies nothing");
    assertTrue(migrations.configure().check(db.dataSource()).inSync());
    assertEquals(List.of("2 BASELINE", "1 BELOW_BASELINE", "2 BELOW_BASELINE").stream().sorted().toList(),
        migrations.configure().status(db.dataSource()).rows().stream().map(r -> r.version() + " " + r.state())
            .sorted().toList());
    // Flyway reads the baseline row as its own
    Flyway flyway = Flyway.configure().dataSource(db.dataSource()).locations(migrations.flywayLocation()).load();
    flyway.validate();
    assertEquals("2", flyway.info().current().getVersion().getVersion());
  }

  @Test
  void aDatabaseThatDiffersIsRefusedWithTheCheckReport(TestDatabase db) {
    Migrations migrations = notesAndTags();
    Catalog.execute(db.dataSource(), "CREATE TABLE notes (id bigint PRIMARY KEY, body text)");

    BaselineResult result = migrations.configure().baseline(db.dataSource());

    assertFalse(result.baselined());
    assertEquals(List.of("public.notes", "public.tags"),
        result.refusal().schema().stream().map(t -> t.owner()).toList());
    assertEquals(List.of("relation public.notes", "relation public.notes_pkey"), Catalog.objects(db.dataSource()),
        "no history table written");
  }

  @Test
  void aMigratedDatabaseIsRefused(TestDatabase db) {
    Migrations migrations = notesAndTags();
    migrations.apply(db.dataSource());

    MigrationException e =
        assertThrows(MigrationException.class, () -> migrations.configure().baseline(db.dataSource()));
    assertTrue(e.getMessage().contains("already records migrations (version 2)"), e.getMessage());
    assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED),
        migrations.configure().status(db.dataSource()).rows().stream().map(r -> r.state()).toList());
  }
}
