package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.ApplyResult;
import dev.dbsync.MigrationException;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.PrimaryKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verify-before-commit also sees what the schema model does not hold: an UNLOGGED table, a column's collation,
 * a constraint left NOT VALID; triggers and row-level security are reported as unmanaged.
 */
@ExtendWith(FreshDatabase.class)
class DeclaredTableStateTest {
  private static final Schema NOTES = new Schema(List.of(), List.of(new Table(
      QualifiedName.of("public", "notes"), "app.Note",
      List.of(Column.of("id", TypeRef.builtin("bigint"), false),
          Column.of("body", TypeRef.builtin("text"), false).withDefault("'x'")),
      new PrimaryKey("notes_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of())));

  @TempDir Path temp;

  private MigrationException failing(TestDatabase db, String sql) {
    Migrations migrations = Migrations.in(temp).add("V1__create_notes.sql", sql).snapshot(NOTES);
    MigrationException e = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));
    assertEquals(List.of(), Catalog.objects(db.dataSource()), "nothing may be left behind");
    return e;
  }

  @Test
  void anUnloggedTableIsADifference(TestDatabase db) {
    MigrationException e = failing(db,
        "CREATE UNLOGGED TABLE notes (id bigint PRIMARY KEY, body text NOT NULL DEFAULT 'x');");

    assertTrue(e.getMessage().contains("\n  - public.notes: expected a logged table, found UNLOGGED\n"), e.getMessage());
  }

  @Test
  void aColumnCollationIsADifference(TestDatabase db) {
    MigrationException e = failing(db,
        "CREATE TABLE notes (id bigint PRIMARY KEY, body text COLLATE \"C\" NOT NULL DEFAULT 'x');");

    assertTrue(e.getMessage().contains(
        "\n  - public.notes.body: expected the default collation of text, found COLLATE \"C\"\n"), e.getMessage());
  }

  @Test
  void aConstraintLeftNotValidIsADifference(TestDatabase db) {
    MigrationException e = failing(db, "CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL DEFAULT 'x');\n"
        + "INSERT INTO notes VALUES (1, 'a long body');\n"
        + "ALTER TABLE notes ADD CONSTRAINT body_short CHECK (length(body) < 5) NOT VALID;");

    assertTrue(e.getMessage().contains("\n  - public.notes: body_short: expected a validated constraint, found NOT VALID"
        + " (VALIDATE CONSTRAINT it in a migration)\n"), e.getMessage());
  }

  @Test
  void triggersAndRowLevelSecurityAreReportedAsUnmanaged(TestDatabase db) {
    ApplyResult result = Migrations.in(temp).add("V1__create_notes.sql",
            "CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL DEFAULT 'x');\n"
            + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
            + "CREATE TRIGGER notes_touch BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch();\n"
            + "ALTER TABLE notes ENABLE ROW LEVEL SECURITY;")
        .snapshot(NOTES).apply(db.dataSource());

    assertEquals(List.of("row-level security on public.notes", "trigger notes_touch on public.notes"),
        result.unmanaged());
  }
}
