package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.ApplyResult;
import dev.dbsync.DbSync;
import dev.dbsync.MigrationException;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.PrimaryKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Verify-before-commit: the migrated database must equal the compiled snapshot before anything commits. */
@ExtendWith(FreshDatabase.class)
class VerificationTest {
  /** The snapshot: notes(id bigint PK, body text NOT NULL DEFAULT 'x'). */
  private static final Schema NOTES = new Schema(List.of(), List.of(new Table(
      QualifiedName.of("public", "notes"), "app.Note",
      List.of(Column.of("id", TypeRef.builtin("bigint"), false),
          Column.of("body", TypeRef.builtin("text"), false).withDefault("'x'")),
      new PrimaryKey("notes_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of())));

  private static final String MATCHING =
      "CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL DEFAULT 'x');\n";
  /** What a hand-edited migration might do: the column ends up nullable, unlike the record. */
  private static final String PLANTED =
      "CREATE TABLE notes (id bigint PRIMARY KEY, body text DEFAULT 'x');\n";

  @TempDir Path temp;

  private Migrations withSnapshot(String v1) {
    return Migrations.in(temp).add("V1__create_notes.sql", v1).snapshot(NOTES);
  }

  @Test
  void matchingDatabaseCommits(TestDatabase db) throws IOException {
    ApplyResult result = withSnapshot(MATCHING).apply(db.dataSource());
    assertEquals(1, result.applied().size());
    assertEquals(List.of(), result.unmanaged());
  }

  @Test
  void mismatchRollsEverythingBackAndSaysWhatDiffers(TestDatabase db) throws IOException {
    Migrations migrations = withSnapshot(PLANTED);
    MigrationException e = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));
    assertTrue(e.getMessage().contains(
        // the default PostgreSQL stored as 'x'::text is the declared one, so it is shown as declared
        "public.notes.body: expected text NOT NULL DEFAULT 'x', found text NULL DEFAULT 'x'\n"), e.getMessage());
    assertTrue(e.getMessage().contains("V1__create_notes.sql"), e.getMessage());
    // the migration ran in the transaction that was rolled back: never named as committed
    assertTrue(e.getMessage().contains("\nEverything was rolled back."), e.getMessage());
    assertEquals(List.of(), Catalog.objects(db.dataSource()), "nothing may be left behind");

    // the fixed migration applies afterwards
    migrations.add("V1__create_notes.sql", MATCHING);
    assertEquals(1, migrations.apply(db.dataSource()).applied().size());
  }

  @Test
  void developmentMayOnlyLogTheMismatchButProductionAlwaysFails(TestDatabase db) throws IOException {
    Migrations migrations = withSnapshot(PLANTED);
    assertThrows(MigrationException.class, () -> migrations.configure()
        .mode(DbSync.Mode.PRODUCTION).failOnDrift(false).apply(db.dataSource()));
    ApplyResult result = migrations.configure().failOnDrift(false).apply(db.dataSource());
    assertEquals(1, result.applied().size());
  }

  @Test
  void objectsTheSnapshotDoesNotDeclareAreReportedAndLeftAlone(TestDatabase db) throws IOException {
    ApplyResult result = withSnapshot(MATCHING + "CREATE TABLE audit_log (id int);\n").apply(db.dataSource());
    assertEquals(List.of("table public.audit_log"), result.unmanaged());
  }
}
