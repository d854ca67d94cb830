package dev.dbsync.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the example against a fresh database and checks the tables against the seed schema. */
@ExtendWith(FreshDatabase.class)
class ExampleApplicationTest {

  @Test
  void appliesTheSeedSchemaOnceAndReadsThePostBack(TestDatabase db) throws SQLException {
    String first = runMain(db);
    assertTrue(first.contains("Applied 1 migration"), first);
    assertTrue(first.contains("Read back: post \"Hello from dbsync\""), first);

    String second = runMain(db);
    assertTrue(second.contains("up to date"), second);
    try (Connection c = db.connect()) {
      assertEquals(List.of("2"), column(c, "SELECT count(*) FROM posts"));
      assertEquals(List.of("1"), column(c, "SELECT count(*) FROM flyway_schema_history"));
    }
  }

  @Test
  void tablesMatchTheSeedSchema(TestDatabase db) throws SQLException {
    runMain(db);
    try (Connection c = db.connect()) {
      assertEquals(
          List.of(
              "posts.id uuid NOT NULL gen_random_uuid()",
              "posts.author_id uuid NOT NULL null",
              "posts.title text NOT NULL null",
              "posts.content text NOT NULL null",
              "posts.published boolean NOT NULL false",
              "posts.created_at timestamp with time zone NOT NULL now()",
              "profiles.id uuid NOT NULL gen_random_uuid()",
              "profiles.user_id text NOT NULL null",
              "profiles.username text NOT NULL null",
              "profiles.created_at timestamp with time zone NOT NULL now()"),
          column(c, """
              SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                     || CASE WHEN a.attnotnull THEN ' NOT NULL ' ELSE ' NULL ' END
                     || coalesce(pg_get_expr(d.adbin, d.adrelid), 'null')
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
              WHERE c.relname IN ('profiles', 'posts') AND a.attnum > 0 AND NOT a.attisdropped
              ORDER BY c.relname, a.attnum"""));
      assertEquals(
          List.of(
              "posts f FOREIGN KEY (author_id) REFERENCES profiles(id)",
              "posts p PRIMARY KEY (id)",
              "profiles p PRIMARY KEY (id)",
              "profiles u UNIQUE (user_id)",
              "profiles u UNIQUE (username)"),
          column(c, """
              SELECT t.relname || ' ' || k.contype::text || ' ' || pg_get_constraintdef(k.oid)
              FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
              WHERE t.relname IN ('profiles', 'posts')
              ORDER BY t.relname, pg_get_constraintdef(k.oid)"""));
      assertEquals(
          List.of("CREATE INDEX posts_author_id_idx ON public.posts USING btree (author_id)"),
          column(c, "SELECT indexdef FROM pg_indexes WHERE tablename = 'posts' AND indexname NOT LIKE '%pkey'"));
    }
  }

  private static String runMain(TestDatabase db) throws SQLException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Main.run(db.dataSource(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static List<String> column(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
