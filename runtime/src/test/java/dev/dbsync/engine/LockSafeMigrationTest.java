package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbsync.ApplyResult;
import dev.dbsync.MigrationException;
import dev.dbsync.schema.diff.DdlRenderer;
import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.diff.MigrationScript;
import dev.dbsync.schema.diff.SchemaChange;
import dev.dbsync.schema.diff.SchemaDiffer;
import dev.dbsync.schema.model.CheckConstraint;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.ForeignKey;
import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.PrimaryKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.ReferentialAction;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.schema.snapshot.SchemaHash;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration pair the processor writes with {@code -Adbsync.safeDdl=true}: the transactional one adds the
 * constraints NOT VALID, the follow-up validates them, sets NOT NULL through the check and builds the index
 * CONCURRENTLY outside any transaction.
 */
@ExtendWith(FreshDatabase.class)
class LockSafeMigrationTest {
  private static final QualifiedName PROFILES = new QualifiedName("public", "profiles");
  private static final QualifiedName POSTS = new QualifiedName("public", "posts");

  @TempDir Path temp;

  private static Column column(String name, String type, boolean nullable) {
    return Column.of(name, new TypeRef.Builtin(type), nullable);
  }

  private static Table posts(boolean evolved) {
    return new Table(
        POSTS, null,
        List.of(column("id", "bigint", false), column("author_id", "bigint", false),
            column("title", "text", !evolved), column("rank", "integer", true)),
        new PrimaryKey("posts_pkey", List.of("id")),
        List.of(),
        evolved
            ? List.of(new ForeignKey("posts_author_id_fkey", List.of("author_id"), PROFILES, List.of("id"),
                ReferentialAction.CASCADE, ReferentialAction.NO_ACTION))
            : List.of(),
        evolved
            ? List.of(new Index("posts_title_idx", List.of("title"), false, Index.DEFAULT_METHOD, null))
            : List.of(),
        evolved ? List.of(new CheckConstraint("posts_rank_check", "rank > 0")) : List.of());
  }

  /** V1 creates the tables, V2 fills them with {@code rows}, V3 and V4 are the lock-safe pair. */
  private Migrations migrations(String rows) {
    Table profiles = new Table(PROFILES, null, List.of(column("id", "bigint", false)),
        new PrimaryKey("profiles_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of());
    Schema before = new Schema(List.of(), List.of(profiles, posts(false)));
    Schema after = new Schema(List.of(), List.of(profiles, posts(true)));
    List<SchemaChange> create = SchemaDiffer.diff(Schema.EMPTY, before, Intent.NONE).changes();
    List<SchemaChange> evolve = SchemaDiffer.diff(before, after, Intent.NONE).changes();
    MigrationScript.Rendered safe =
        MigrationScript.render(SchemaHash.of(before), SchemaHash.of(after), evolve, DdlRenderer.Options.LOCK_SAFE);
    return Migrations.in(temp)
        .add("V1__create_profiles_posts.sql", MigrationScript.render(SchemaHash.EMPTY, SchemaHash.of(before), create))
        .add("V2__rows.sql", "INSERT INTO profiles SELECT generate_series(1, 100);\n" + rows)
        .add("V3__alter_posts_title.sql", safe.migration())
        .add("V4__alter_posts_title_concurrently.sql", safe.followUp().orElseThrow());
  }

  @Test
  void theSafePairAppliesAndLeavesAValidIndexAndValidatedConstraints(TestDatabase db) {
    Migrations migrations =
        migrations("INSERT INTO posts SELECT n, 1 + n % 100, 'post ' || n, n FROM generate_series(1, 1000) AS n;");

    ApplyResult result = migrations.apply(db.dataSource());

    assertEquals(List.of("1", "2", "3", "4"), result.applied().stream().map(ApplyResult.Migration::version).toList());
    assertEquals(List.of("t"), Catalog.query(db.dataSource(),
        "SELECT indisvalid FROM pg_index WHERE indexrelid = 'posts_title_idx'::regclass"));
    assertEquals(List.of("posts_author_id_fkey | f | t", "posts_pkey | p | t", "posts_rank_check | c | t"),
        Catalog.query(db.dataSource(), "SELECT conname, contype, convalidated FROM pg_constraint"
            + " WHERE conrelid = 'posts'::regclass ORDER BY conname"));
    assertEquals(List.of("t"), Catalog.query(db.dataSource(),
        "SELECT attnotnull FROM pg_attribute WHERE attrelid = 'posts'::regclass AND attname = 'title'"));
    assertEquals(List.of("1 | t", "2 | t", "3 | t", "4 | t"), Catalog.query(db.dataSource(),
        "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank"));
  }

  @Test
  void aRowTheCheckRejectsStopsTheFollowUpAndTheNextApplyFinishesIt(TestDatabase db) {
    Migrations migrations = migrations("INSERT INTO posts VALUES (1, 1, NULL, 1), (2, 2, 'two', 2);");

    MigrationException e = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));

    assertEquals("V4__alter_posts_title_concurrently.sql", e.script());
    assertEquals(List.of("1", "2", "3"), Catalog.query(db.dataSource(),
        "SELECT version FROM flyway_schema_history ORDER BY installed_rank"));
    // V3 is committed: the constraints exist, not yet validated, and hold for new rows
    assertEquals(List.of("posts_author_id_fkey | f", "posts_rank_check | f", "posts_title_not_null | f"),
        Catalog.query(db.dataSource(), "SELECT conname, convalidated FROM pg_constraint"
            + " WHERE conrelid = 'posts'::regclass AND contype <> 'p' ORDER BY conname"));

    Catalog.execute(db.dataSource(), "UPDATE posts SET title = 'one' WHERE id = 1");
    ApplyResult result = migrations.apply(db.dataSource());

    assertEquals(List.of("4"), result.applied().stream().map(ApplyResult.Migration::version).toList());
    assertEquals(List.of("posts_author_id_fkey | t", "posts_rank_check | t"),
        Catalog.query(db.dataSource(), "SELECT conname, convalidated FROM pg_constraint"
            + " WHERE conrelid = 'posts'::regclass AND contype <> 'p' ORDER BY conname"));
  }

  @Test
  void aValidatingFollowUpRunsInATransactionOfItsOwnAfterTheMigrationBeforeItCommitted(TestDatabase db) {
    Migrations migrations = Migrations.in(temp.resolve("own"))
        .add("V1__create.sql", "CREATE TABLE parent (id int PRIMARY KEY);\nCREATE TABLE child (p int);\n"
            + "INSERT INTO child VALUES (99);");
    migrations.apply(db.dataSource());
    migrations
        .add("V2__add_fk.sql", "-- dbsync:from aaaaaaaaaaaaaaaa\n-- dbsync:to bbbbbbbbbbbbbbbb\n\n"
            + "ALTER TABLE child ADD CONSTRAINT child_p_fkey FOREIGN KEY (p) REFERENCES parent (id) NOT VALID;\n")
        .add("V3__add_fk_concurrently.sql", "-- dbsync:from bbbbbbbbbbbbbbbb\n-- dbsync:to bbbbbbbbbbbbbbbb\n\n"
            + "ALTER TABLE child VALIDATE CONSTRAINT child_p_fkey;\n");

    MigrationException e = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));

    assertEquals("V3__add_fk_concurrently.sql", e.script());
    // V2 committed before V3 began, so V3's validation never held V2's ACCESS EXCLUSIVE lock
    assertEquals(List.of("1", "2"), Catalog.query(db.dataSource(),
        "SELECT version FROM flyway_schema_history ORDER BY installed_rank"));
  }
}
