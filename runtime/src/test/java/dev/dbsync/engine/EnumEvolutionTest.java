package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.CheckReport;
import dev.dbsync.DbSync;
import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.diff.DdlRenderer;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.diff.MigrationScript;
import dev.dbsync.schema.diff.SchemaDiff;
import dev.dbsync.schema.diff.SchemaDiffer;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.PrimaryKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Enum types renamed, moved and recreated under columns holding the type and arrays of it, applied through
 * {@link DbSync} as generated migrations: the rows keep their values, verification passes, and the database
 * reads back as the snapshot.
 */
@ExtendWith(FreshDatabase.class)
class EnumEvolutionTest {
  private static final QualifiedName POSTS = QualifiedName.of("public", "posts");
  private static final String ROWS = "SELECT id || ' ' || status || ' ' || history::text FROM posts ORDER BY id";

  @TempDir Path temp;

  private static Schema posts(QualifiedName type, String... labels) {
    Table table = new Table(POSTS, "app.Post",
        List.of(Column.of("id", TypeRef.builtin("bigint"), false),
            Column.of("status", TypeRef.enumType(type), false).withDefault("'draft'"),
            Column.of("history", TypeRef.enumArray(type), true).withDefault("'{draft}'")),
        new PrimaryKey("posts_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of());
    return new Schema(List.of(new EnumType(type, List.of(labels))), List.of(table));
  }

  /** The migrations from {@code from} to {@code to} as the processor writes them, numbered from {@code version}. */
  private static long generate(Migrations migrations, long version, Schema from, Schema to, Intent intent) {
    SchemaDiff diff = SchemaDiffer.diff(from, to, intent);
    assertTrue(diff.problems().isEmpty(), diff.problems()::toString);
    List<MigrationScript.File> files =
        MigrationScript.files(version, from, to, diff.changes(), DdlRenderer.Options.DEFAULT);
    files.forEach(file -> migrations.add(file.name(), file.text()));
    migrations.snapshot(to).index();
    return version + files.size();
  }

  @ParameterizedTest
  @EnumSource(DbSync.Mode.class)
  void rowsKeepTheirValuesThroughRenamesMovesAndARecreate(DbSync.Mode mode, TestDatabase db) throws SQLException {
    Migrations migrations = Migrations.in(temp);
    QualifiedName status = QualifiedName.of("public", "status");
    Schema v1 = posts(status, "draft", "review", "published");
    long next = generate(migrations, 1, Schema.EMPTY, v1, Intent.NONE);
    migrations.configure().mode(mode).apply(db.dataSource());
    db.execute("INSERT INTO posts VALUES (1, 'review', '{draft,review,published}'), (2, 'published', DEFAULT)");

    // the type moves to another schema and is renamed; a label is renamed and one added
    QualifiedName moved = QualifiedName.of("shop", "post_status");
    Schema v2 = posts(moved, "draft", "review", "live", "archived");
    next = generate(migrations, next, v1, v2,
        Intent.NONE.withEnumRename(moved, status).withEnumLabelRename(moved, "live", "published"));
    // pending together with the rename: a value added to the type under its new name, and used at once
    Schema v2b = posts(moved, "draft", "review", "live", "archived", "spam");
    Table withSpamDefault = v2b.tables().get(0).withColumns(v2b.tables().get(0).columns().stream()
        .map(c -> c.name().equals("history") ? c.withDefault("'{spam}'") : c).toList());
    v2b = new Schema(v2b.enums(), List.of(withSpamDefault));
    next = generate(migrations, next, v2, v2b, Intent.NONE);
    migrations.configure().mode(mode).apply(db.dataSource());

    assertEquals(List.of("1 review {draft,review,live}", "2 live {draft}"), db.query(ROWS));
    assertReadsBackAs(v2b, mode, migrations, db);
    v2 = v2b;

    // reordered labels: PostgreSQL cannot reorder in place, the type is recreated and both columns converted
    Schema v3 = posts(moved, "archived", "live", "spam", "review", "draft");
    generate(migrations, next, v2, v3, Intent.NONE);
    migrations.configure().mode(mode).apply(db.dataSource());

    assertEquals(List.of("1 review {draft,review,live}", "2 live {draft}"), db.query(ROWS));
    assertEquals(List.of("{archived,live,spam,review,draft}"),
        db.query("SELECT enum_range(NULL::shop.post_status)::text"));
    assertReadsBackAs(v3, mode, migrations, db);
  }

  @ParameterizedTest
  @EnumSource(DbSync.Mode.class)
  void anEnumArrayColumnChangedByHandIsDrift(DbSync.Mode mode, TestDatabase db) throws SQLException {
    Migrations migrations = Migrations.in(temp);
    generate(migrations, 1, Schema.EMPTY, posts(QualifiedName.of("public", "status"), "draft"), Intent.NONE);
    migrations.configure().mode(mode).apply(db.dataSource());
    db.execute("ALTER TABLE posts ALTER COLUMN history DROP DEFAULT, ALTER COLUMN history TYPE text[]");

    CheckReport check = migrations.configure().mode(mode).check(db.dataSource());

    assertEquals(
        List.of(new CheckReport.Difference("public.posts.history", "public.status[] NULL DEFAULT '{draft}'",
            "text[] NULL", CheckReport.Recommendation.CHANGED_BY_HAND, check.schema().get(0).differences().get(0).advice())),
        check.schema().get(0).differences(), check::toString);
  }

  /** Before enum arrays were a type of their own, {@code @Column(type = "status[]")} declared them as SQL. */
  @ParameterizedTest
  @EnumSource(DbSync.Mode.class)
  void anEnumArraySpelledAsSqlStillVerifies(DbSync.Mode mode, TestDatabase db) {
    QualifiedName status = QualifiedName.of("public", "status");
    Schema spelled = new Schema(List.of(new EnumType(status, List.of("draft"))), List.of(new Table(POSTS, "app.Post",
        List.of(Column.of("id", TypeRef.builtin("bigint"), false),
            Column.of("history", TypeRef.builtin("status[]"), true)),
        new PrimaryKey("posts_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of())));
    Migrations migrations = Migrations.in(temp);
    generate(migrations, 1, Schema.EMPTY, spelled, Intent.NONE);

    assertEquals(1, migrations.configure().mode(mode).apply(db.dataSource()).applied().size());
    CheckReport check = migrations.configure().mode(mode).check(db.dataSource());
    assertTrue(check.inSync(), check::toString);
  }

  private static List<TypeRef> types(Schema schema) {
    return schema.table(POSTS).orElseThrow().columns().stream().map(Column::type).toList();
  }

  private static void assertReadsBackAs(Schema expected, DbSync.Mode mode, Migrations migrations, TestDatabase db)
      throws SQLException {
    try (Connection connection = db.connect()) {
      Schema found = Introspector.read(connection, List.of("public", "shop"));
      assertEquals(expected.enums(), found.enums());
      // defaults read back as pg_get_expr prints them ('draft'::shop.post_status): equal as Drift compares them
      assertEquals(types(expected), types(found));
      assertEquals(new Drift(List.of(), List.of()), Drift.between(expected, found));
    }
    CheckReport check = migrations.configure().mode(mode).check(db.dataSource());
    assertTrue(check.inSync(), check::toString);
  }
}
