package dev.dbsync.engine;

import static dev.dbsync.schema.diff.Models.column;
import static dev.dbsync.schema.diff.Models.enumRef;
import static dev.dbsync.schema.diff.Models.enumType;
import static dev.dbsync.schema.diff.Models.schema;
import static dev.dbsync.schema.diff.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.DbSync;
import dev.dbsync.MigrationException;
import dev.dbsync.PushResult;
import dev.dbsync.runtime.engine.HistoryTable;
import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Development's direct push: the database made to match the compiled snapshot, without migrations. */
@ExtendWith(FreshDatabase.class)
class PushTest {
  /** notes(id bigint identity PK, body text NOT NULL). */
  private static final Schema NOTES = schema(table("public.notes").id().col("body", "text"));

  @TempDir Path temp;

  /** The snapshot {@code schema} on a class loader of its own, as a compiled project has it. */
  private DbSync.Builder compiled(Schema schema) {
    return Migrations.in(temp).snapshot(schema).configure();
  }

  @Test
  void anEmptyDatabaseGetsTheWholeSchemaAndNoHistory(TestDatabase db) throws Exception {
    PushResult result = compiled(NOTES).push(db.dataSource());

    assertTrue(result.statements().get(0).startsWith("CREATE TABLE"), result.summary());
    assertMatches(NOTES, db);
    assertEquals(List.of("relation public.notes", "relation public.notes_id_seq", "relation public.notes_pkey"),
        Catalog.objects(db.dataSource()), "no history table: push records nothing");
    assertTrue(compiled(NOTES).push(db.dataSource()).upToDate(), "a second push has nothing to do");
  }

  @Test
  void anAddedColumnKeepsTheRows(TestDatabase db) throws Exception {
    compiled(NOTES).push(db.dataSource());
    Catalog.execute(db.dataSource(), "INSERT INTO notes (body) VALUES ('kept')");
    Schema withPinned = schema(table("public.notes").id().col("body", "text")
        .with(column("pinned", "boolean").withDefault("false")));

    PushResult result = compiled(withPinned).push(db.dataSource());

    assertEquals(1, result.statements().size(), result.summary());
    assertMatches(withPinned, db);
    assertEquals(List.of("kept|false"), Catalog.query(db.dataSource(), "SELECT body || '|' || pinned FROM notes"));
  }

  @Test
  void aDestructiveChangeNeedsToBeAllowed(TestDatabase db) throws Exception {
    compiled(NOTES).push(db.dataSource());
    Schema withoutBody = schema(table("public.notes").id());

    MigrationException refused =
        assertThrows(MigrationException.class, () -> compiled(withoutBody).push(db.dataSource()));
    assertTrue(refused.getMessage().contains("destructive") && refused.getMessage().contains("body")
        && refused.getMessage().contains("allowDestructive(true)"), refused.getMessage());
    assertMatches(NOTES, db);

    compiled(withoutBody).allowDestructive(true).push(db.dataSource());
    assertMatches(withoutBody, db);
  }

  @Test
  void whatTheSchemaDoesNotDeclareIsLeftAloneAndReported(TestDatabase db) throws Exception {
    Catalog.execute(db.dataSource(), "CREATE TABLE other_library (k text PRIMARY KEY)");
    Catalog.execute(db.dataSource(), "INSERT INTO other_library VALUES ('mine')");

    PushResult result = compiled(NOTES).push(db.dataSource());

    assertEquals(List.of("table public.other_library"), result.unmanaged());
    assertEquals(List.of("mine"), Catalog.query(db.dataSource(), "SELECT k FROM other_library"));
  }

  @Test
  void aRenameIsNotGuessed(TestDatabase db) throws Exception {
    compiled(NOTES).push(db.dataSource());
    Catalog.execute(db.dataSource(), "INSERT INTO notes (body) VALUES ('kept')");
    Schema renamed = schema(table("public.notes").id().col("text", "text"));

    MigrationException refused = assertThrows(MigrationException.class,
        () -> compiled(renamed).allowDestructive(true).push(db.dataSource()));

    assertTrue(refused.getMessage().contains("body") && refused.getMessage().contains("mvn compile"),
        refused.getMessage());
    assertEquals(List.of("kept"), Catalog.query(db.dataSource(), "SELECT body FROM notes"));
  }

  @Test
  void anEnumValueIsAddedAndUsedAsTheDefaultInOnePush(TestDatabase db) throws Exception {
    Schema before = schema(enumType("public.status", "draft"),
        table("public.notes").id().with(column("status", enumRef("public.status")).withDefault("'draft'")));
    Schema after = schema(enumType("public.status", "draft", "live"),
        table("public.notes").id().with(column("status", enumRef("public.status")).withDefault("'live'")));
    compiled(before).push(db.dataSource());

    compiled(after).push(db.dataSource());

    assertMatches(after, db);
  }

  @Test
  void waitsForTheMigrationLockOnlyAsLongAsAllowed(TestDatabase db) throws Exception {
    long key = new HistoryTable(QualifiedName.of("public", "flyway_schema_history")).lockKey();
    try (Connection migrating = db.connect(); Statement lock = migrating.createStatement()) {
      lock.execute("SELECT pg_advisory_lock(" + key + ")"); // an apply or Flyway migrate in progress

      MigrationException refused = assertThrows(MigrationException.class,
          () -> compiled(NOTES).lockWait(Duration.ofMillis(300)).push(db.dataSource()));

      assertTrue(refused.getMessage().contains("migration lock"), refused.getMessage());
    }
    assertEquals(List.of(), Catalog.objects(db.dataSource()));
  }

  @Test
  void productionModeRefusesPushBeforeTouchingTheDatabase(TestDatabase db) throws Exception {
    MigrationException refused = assertThrows(MigrationException.class,
        () -> compiled(NOTES).mode(DbSync.Mode.PRODUCTION).push(db.dataSource()));

    assertTrue(refused.getMessage().contains("production") && refused.getMessage().contains("DbSync.apply"),
        refused.getMessage());
    assertEquals(List.of(), Catalog.objects(db.dataSource()));
  }

  private static void assertMatches(Schema expected, TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      Drift drift = Drift.between(expected, Introspector.read(connection, Set.of("public")));
      assertEquals(List.of(), drift.differences());
    }
  }
}
