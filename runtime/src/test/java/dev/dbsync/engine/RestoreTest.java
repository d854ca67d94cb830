package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.DbSync;
import dev.dbsync.MigrationException;
import dev.dbsync.RestoreResult;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** DbSync.restore puts back what an allowed destructive migration dropped, as the catalog had it before. */
@ExtendWith(FreshDatabase.class)
class RestoreTest {
  private static final String SCHEMA = """
      CREATE TABLE profiles (id int PRIMARY KEY, name text NOT NULL);
      CREATE TABLE posts (
        id int PRIMARY KEY,
        author_id int NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL DEFAULT 'untitled' CHECK (title <> ''),
        body text NOT NULL DEFAULT '',
        slug text UNIQUE
      );
      CREATE INDEX posts_body_idx ON posts (left(body, 20));
      CREATE INDEX posts_author_title_idx ON posts (author_id, title);
      CREATE TABLE comments (id int PRIMARY KEY, post_id int REFERENCES posts (id));
      INSERT INTO profiles VALUES (1, 'ann'), (2, 'bob');
      INSERT INTO posts SELECT i, 1 + i % 2, 'post ' || i, 'body of ' || i, 'slug-' || i FROM generate_series(1, 50) i;
      """;

  @TempDir Path temp;

  /** Columns (in any order), constraints and indexes of a table, as PostgreSQL describes them. */
  private static List<String> catalog(DataSource db, String table) {
    List<String> described = new ArrayList<>(Catalog.columns(db, table));
    described.sort(null);
    described.addAll(Catalog.constraints(db, table));
    described.addAll(Catalog.indexes(db, table));
    return described;
  }

  private static List<String> rows(DataSource db) {
    return Catalog.query(db, "SELECT id, author_id, title, body, slug FROM posts ORDER BY id");
  }

  @Test
  void aDroppedColumnComesBackWithItsValuesDefaultNotNullAndIndex(TestDatabase db) {
    Migrations migrations = Migrations.in(temp.resolve("m")).add("V1__schema.sql", SCHEMA);
    migrations.apply(db.dataSource());
    List<String> before = catalog(db.dataSource(), "posts");
    List<String> rowsBefore = rows(db.dataSource());
    migrations.add("V2__drop_body.sql", "ALTER TABLE posts DROP COLUMN body;");
    migrations.configure().mode(DbSync.Mode.PRODUCTION).allowDestructive("2").apply(db.dataSource());

    RestoreResult result = DbSync.restore(db.dataSource(), "2");

    assertEquals(List.of("column public.posts.body added again, values from dbsync_backup.posts_v2 matched by id,"
        + " with its default, NOT NULL and the constraints and indexes on it"), result.changes());
    assertEquals(before, catalog(db.dataSource(), "posts"));
    assertEquals(rowsBefore, rows(db.dataSource()));
    assertEquals(List.of("2 | 1"), Catalog.query(db.dataSource(),
        "SELECT version, cardinality(changes) FROM dbsync_backup.dbsync_restores"));
    assertEquals(2, Catalog.history(db.dataSource()).size());
  }

  @Test
  void aDroppedTableComesBackWithItsKeysDefaultsNotNullForeignKeysAndIndexes(TestDatabase db) {
    Migrations migrations = Migrations.in(temp.resolve("m")).add("V1__schema.sql", SCHEMA);
    migrations.apply(db.dataSource());
    List<String> before = catalog(db.dataSource(), "posts");
    List<String> commentsBefore = catalog(db.dataSource(), "comments");
    List<String> rowsBefore = rows(db.dataSource());
    migrations.add("V2__drop_posts.sql", "DROP TABLE comments;\nDROP TABLE posts;");
    migrations.configure().mode(DbSync.Mode.PRODUCTION).allowDestructive(true).apply(db.dataSource());
    assertEquals(List.of("0"), Catalog.query(db.dataSource(), "SELECT count(*) FROM pg_class WHERE relname = 'posts'"));

    RestoreResult result = DbSync.restore(db.dataSource(), "V2");

    assertEquals(2, result.changes().size(), result.summary());
    assertTrue(result.summary().contains("table public.posts created again with 50 rows from dbsync_backup.posts_v2,"
        + " its defaults, NOT NULL, 4 constraints and 2 indexes"), result.summary());
    assertEquals(before, catalog(db.dataSource(), "posts"));
    assertEquals(rowsBefore, rows(db.dataSource()));
    assertEquals(commentsBefore, catalog(db.dataSource(), "comments"));
  }

  @Test
  void withoutACopyRestoreSaysWhyAndChangesNothing(TestDatabase db) {
    Migrations migrations = Migrations.in(temp.resolve("m")).add("V1__schema.sql", SCHEMA)
        .add("V2__drop_body.sql", "ALTER TABLE posts DROP COLUMN body;");
    migrations.apply(db.dataSource()); // development mode: no copies

    MigrationException e = assertThrows(MigrationException.class, () -> DbSync.restore(db.dataSource(), "2"));

    assertTrue(e.getMessage().startsWith("Nothing to restore for V2: dbsync_backup holds no copy taken before it."),
        e.getMessage());
  }

  @Test
  void reApplyingAfterTheDatabaseWasPutBackKeepsTheEarlierCopy(TestDatabase db) {
    Migrations migrations = Migrations.in(temp.resolve("m")).add("V1__schema.sql", SCHEMA);
    migrations.apply(db.dataSource());
    migrations.add("V2__drop_body.sql", "ALTER TABLE posts DROP COLUMN body;");
    migrations.configure().mode(DbSync.Mode.PRODUCTION).allowDestructive("2").apply(db.dataSource());
    // what a restored pre-V2 dump leaves: the body back, V2 not in the history, the copy of V2's first run still there
    DbSync.restore(db.dataSource(), "2");
    Catalog.execute(db.dataSource(), "DELETE FROM flyway_schema_history WHERE version = '2'");

    var result = migrations.configure().mode(DbSync.Mode.PRODUCTION).allowDestructive("2").apply(db.dataSource());

    assertEquals(List.of("public.posts -> dbsync_backup.posts_v2__2"), result.applied().get(0).backups());
    assertEquals(List.of("50 | 50"), Catalog.query(db.dataSource(),
        "SELECT (SELECT count(*) FROM dbsync_backup.posts_v2), (SELECT count(*) FROM dbsync_backup.posts_v2__2)"));
  }
}
