package dev.dbsync.engine;

import static dev.dbsync.schema.diff.Models.column;
import static dev.dbsync.schema.diff.Models.schema;
import static dev.dbsync.schema.diff.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.CheckReport;
import dev.dbsync.CheckReport.Difference;
import dev.dbsync.CheckReport.Recommendation;
import dev.dbsync.MigrationException;
import dev.dbsync.MigrationState;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code check}: the database against the compiled snapshot and the migrations; nothing is written. */
@ExtendWith(FreshDatabase.class)
class CheckTest {
  /** notes(id bigint PK, body text NOT NULL DEFAULT 'x', index notes_body_idx). */
  static final Schema NOTES = schema(table("public.notes").pk("notes_pkey", "id").col("id", "bigint")
      .with(column("body", "text").withDefault("'x'")).index("notes_body_idx", "body"));

  static final String V1 = """
      CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL DEFAULT 'x');
      CREATE INDEX notes_body_idx ON notes (body);
      """;

  /** notes as in V1, and tags(id bigint PK, label text NOT NULL). */
  static final Schema NOTES_AND_TAGS = schema(table("public.notes").pk("notes_pkey", "id").col("id", "bigint")
      .with(column("body", "text").withDefault("'x'")).index("notes_body_idx", "body"),
      table("public.tags").pk("tags_pkey", "id").col("id", "bigint").col("label", "text"));

  static final String V2 = "CREATE TABLE tags (id bigint PRIMARY KEY, label text NOT NULL);\n";

  @TempDir Path temp;

  private Migrations notes() {
    return Migrations.in(temp).add("V1__create_notes.sql", V1).snapshot(NOTES);
  }

  @Test
  void aMigratedDatabaseIsInSync(TestDatabase db) {
    Migrations migrations = notes();
    migrations.apply(db.dataSource());

    CheckReport report = migrations.configure().check(db.dataSource());

    assertTrue(report.inSync(), report.toString());
    assertTrue(report.historyPresent() && report.snapshotPresent() && !report.emptyDatabase(), report.toString());
    assertEquals("1", report.currentVersion());
  }

  @Test
  void anEmptyDatabaseHasEverythingPendingAndIsLeftAsItWas(TestDatabase db) {
    CheckReport report = notes().configure().check(db.dataSource());

    assertEquals(List.of(new CheckReport.Migration("1", "create notes", "V1__create_notes.sql")), report.pending());
    assertTrue(report.emptyDatabase() && !report.historyPresent(), report.toString());
    assertEquals(List.of("public.notes"), report.schema().stream().map(t -> t.owner()).toList());
    assertEquals(new Difference("table public.notes", "", null, Recommendation.RUN_MIGRATE,
        "run migrate: the pending V1__create_notes.sql changes it"), report.schema().get(0).differences().get(0));
    assertTrue(report.schema().get(0).differences().stream()
        .allMatch(d -> d.recommendation() == Recommendation.RUN_MIGRATE), report.schema().toString());
    assertFalse(report.changedByHand());
    assertEquals(List.of(), Catalog.objects(db.dataSource()), "check wrote nothing, not even the history table");
  }

  @Test
  void changesByHandAreFoundWhileNothingIsPending(TestDatabase db) {
    Migrations migrations = notes();
    migrations.apply(db.dataSource());
    Catalog.execute(db.dataSource(), "ALTER TABLE notes ADD COLUMN extra integer");
    Catalog.execute(db.dataSource(), "DROP INDEX notes_body_idx");
    Catalog.execute(db.dataSource(), "ALTER TABLE notes ALTER COLUMN body SET DEFAULT 'y'");
    Catalog.execute(db.dataSource(), "CREATE TABLE audit (id int)");

    CheckReport report = migrations.configure().check(db.dataSource());

    assertEquals(List.of(), report.pending());
    assertEquals(1, report.schema().size(), "grouped by table: " + report.schema());
    CheckReport.TableDrift notes = report.schema().get(0);
    assertEquals("public.notes", notes.owner());
    assertEquals(List.of(
        "public.notes.body|text NOT NULL DEFAULT 'x'|text NOT NULL DEFAULT 'y'::text",
        "public.notes.extra|no such column|integer NULL",
        "public.notes: notes_body_idx|INDEX USING btree (body)|none"),
        notes.differences().stream().map(d -> d.object() + "|" + d.expected() + "|" + d.found()).sorted().toList());
    assertTrue(notes.differences().stream().allMatch(d -> d.recommendation() == Recommendation.CHANGED_BY_HAND
        && d.advice().equals("changed by hand: write a migration that keeps it, or revert it")), notes.toString());
    assertEquals(List.of("table public.audit"), report.unmanaged(), "listed, never a difference");
    assertTrue(report.changedByHand() && !report.inSync());
  }

  @Test
  void aPendingMigrationExplainsOnlyTheTablesItChanges(TestDatabase db) {
    Migrations migrations = notes();
    migrations.apply(db.dataSource());
    Catalog.execute(db.dataSource(), "ALTER TABLE notes ADD COLUMN extra integer");
    migrations.add("V2__create_tags.sql", V2).snapshot(NOTES_AND_TAGS);

    CheckReport report = migrations.configure().check(db.dataSource());

    assertEquals(List.of("2"), report.pending().stream().map(CheckReport.Migration::version).toList());
    assertEquals(List.of("public.notes.extra CHANGED_BY_HAND", "table public.tags RUN_MIGRATE"),
        report.schema().stream().flatMap(t -> t.differences().stream())
            .map(d -> d.object() + " " + d.recommendation()).sorted().toList());
    assertTrue(report.changedByHand());
  }

  @Test
  void editedAndMissingAppliedMigrationsAreHistoryProblems(TestDatabase db) {
    Migrations migrations = notes().add("V2__create_tags.sql", V2).snapshot(NOTES_AND_TAGS);
    migrations.apply(db.dataSource());
    migrations.add("V1__create_notes.sql", V1 + "-- reviewed\n");
    assertTrue(migrations.directory().resolve("V2__create_tags.sql").toFile().delete());

    CheckReport report = migrations.configure().check(db.dataSource());

    assertEquals(List.of("1 CHECKSUM_MISMATCH", "2 MISSING"),
        report.history().stream().map(p -> p.version() + " " + p.state()).toList());
    assertTrue(report.history().get(0).message().contains("dbsync repair"), report.history().get(0).message());
    assertTrue(report.schemaMatches() && report.changedByHand() && !report.inSync());
  }

  @Test
  void aPushedDatabaseHasTablesButNoHistory(TestDatabase db) {
    Migrations migrations = notes();
    Catalog.execute(db.dataSource(), "CREATE TABLE notes (id bigint PRIMARY KEY, body text)");

    CheckReport report = migrations.configure().check(db.dataSource());

    assertFalse(report.historyPresent() || report.emptyDatabase());
    assertNull(report.currentVersion());
    Difference body = report.schema().get(0).differences().get(0);
    assertEquals(Recommendation.NOT_MIGRATED, body.recommendation(), body.toString());
  }

  @Test
  void aMissingDatabaseIsAnError(TestDatabase db) {
    org.postgresql.ds.PGSimpleDataSource missing = new org.postgresql.ds.PGSimpleDataSource();
    missing.setURL(db.url().replace(db.name(), db.name() + "_missing"));

    MigrationException e = assertThrows(MigrationException.class, () -> notes().configure().check(missing));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void failedRowsAreHistoryProblems(TestDatabase db) {
    Migrations migrations = notes();
    migrations.apply(db.dataSource());
    Catalog.execute(db.dataSource(), StatusTest.FAILED_V2);

    CheckReport report = migrations.configure().check(db.dataSource());

    assertEquals(List.of(MigrationState.FAILED), report.history().stream().map(p -> p.state()).toList());
  }
}
