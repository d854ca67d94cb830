package dev.dbsync.schema.diff;

import static dev.dbsync.schema.diff.Models.column;
import static dev.dbsync.schema.diff.Models.name;
import static dev.dbsync.schema.diff.Models.schema;
import static dev.dbsync.schema.diff.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.schema.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationScriptTest {
  private static final Schema PROFILES_AND_POSTS =
      schema(
          table("profiles").with(column("id", "uuid").withDefault("gen_random_uuid()")).pk("profiles_pkey", "id"),
          table("posts").id().col("author_id", "uuid").nullableCol("body", "text")
              .fk("posts_author_id_fkey", "author_id", "profiles", "id"));

  private static List<SchemaChange> changes(Schema before, Schema after, Intent intent) {
    return SchemaDiffer.diff(before, after, intent).changes();
  }

  @Test
  void rendersHeaderAndStatements() {
    List<SchemaChange> changes =
        changes(
            schema(table("posts").id().nullableCol("body", "text").nullableCol("draft", "text")),
            schema(table("posts").id().nullableCol("content", "text").with(column("published", "boolean")
                .withDefault("false"))),
            Intent.NONE
                .withColumnRename(name("posts"), "content", "body")
                .withDroppedColumn(name("posts"), "draft"));

    assertEquals(
        """
        -- dbsync:from 0123456789abcdef
        -- dbsync:to fedcba9876543210
        -- dbsync:destructive drop column public.posts.draft

        ALTER TABLE public.posts DROP COLUMN draft;

        ALTER TABLE public.posts RENAME COLUMN body TO content;

        ALTER TABLE public.posts ADD COLUMN published boolean DEFAULT false NOT NULL;
        """,
        MigrationScript.render("0123456789abcdef", "fedcba9876543210", changes));
  }

  @Test
  void theHeaderRoundTrips() {
    List<SchemaChange> changes =
        changes(PROFILES_AND_POSTS, schema(table("profiles").with(column("id", "uuid")).pk("profiles_pkey", "id")),
            Intent.NONE);
    String text = MigrationScript.render("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", changes);

    assertEquals(
        Optional.of(new MigrationScript.Header("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb",
            List.of("drop table public.posts"))),
        MigrationScript.Header.parse(text));
  }

  @Test
  void theHeaderSurvivesCrlfAndAByteOrderMark() {
    String text = "\uFEFF-- dbsync:from aaaa\r\n-- dbsync:to bbbb\r\n\r\nSELECT 1;\r\n";

    assertEquals(
        Optional.of(new MigrationScript.Header("aaaa", "bbbb", List.of())), MigrationScript.Header.parse(text));
  }

  @Test
  void aHandWrittenMigrationHasNoHeader() {
    assertEquals(Optional.empty(), MigrationScript.Header.parse("-- backfill\nUPDATE posts SET rank = 0;\n"));
    assertEquals(Optional.empty(), MigrationScript.Header.parse(""));
    assertEquals(Optional.empty(), MigrationScript.Header.parse("-- dbsync:from aaaa\nSELECT 1;\n"));
  }

  @Test
  void headerLinesAfterTheStatementsStart() {
    assertEquals(
        Optional.empty(),
        MigrationScript.Header.parse("SELECT 1;\n-- dbsync:from aaaa\n-- dbsync:to bbbb\n"));
  }

  @Test
  void rendersByteIdenticalText() {
    List<SchemaChange> changes = changes(Schema.EMPTY, PROFILES_AND_POSTS, Intent.NONE);

    assertEquals(
        MigrationScript.render("a", "b", changes),
        MigrationScript.render("a", "b", changes(Schema.EMPTY, PROFILES_AND_POSTS, Intent.NONE)));
  }

  @Test
  void slugNamesCreatedTablesInDependencyOrder() {
    assertEquals("create_profiles_posts", MigrationScript.slug(changes(Schema.EMPTY, PROFILES_AND_POSTS, Intent.NONE)));
  }

  @Test
  void slugNamesAnAddedColumn() {
    Schema after =
        schema(
            table("posts").id().nullableCol("body", "text")
                .with(column("published", "boolean").withDefault("false")));

    assertEquals(
        "add_posts_published",
        MigrationScript.slug(changes(schema(table("posts").id().nullableCol("body", "text")), after, Intent.NONE)));
  }

  @Test
  void slugNamesARenamedColumn() {
    assertEquals(
        "rename_posts_body_to_content",
        MigrationScript.slug(
            changes(
                schema(table("posts").id().nullableCol("body", "text")),
                schema(table("posts").id().nullableCol("content", "text")),
                Intent.NONE.withColumnRename(name("posts"), "content", "body"))));
  }

  @Test
  void slugGroupsByVerbInExecutionOrder() {
    assertEquals(
        "drop_t_draft_rename_t_body_to_content_add_t_published_t_rank",
        MigrationScript.slug(
            changes(
                schema(table("t").id().nullableCol("body", "text").nullableCol("draft", "text")),
                schema(table("t").id().nullableCol("content", "text").nullableCol("published", "boolean")
                    .nullableCol("rank", "integer")),
                Intent.NONE
                    .withColumnRename(name("t"), "content", "body")
                    .withDroppedColumn(name("t"), "draft"))));
  }

  @Test
  void slugKeepsWholeSubjectsOnly() {
    assertEquals(
        "drop_posts_draft_rename_posts_body_to_content",
        MigrationScript.slug(
            changes(
                schema(table("posts").id().nullableCol("body", "text").nullableCol("draft", "text")),
                schema(table("posts").id().nullableCol("content", "text").nullableCol("published", "boolean")),
                Intent.NONE
                    .withColumnRename(name("posts"), "content", "body")
                    .withDroppedColumn(name("posts"), "draft"))));
  }

  @Test
  void slugNamesConstraintAndIndexChangesByTheirNames() {
    assertEquals(
        "add_posts_body_idx",
        MigrationScript.slug(
            changes(
                schema(table("posts").id().nullableCol("body", "text")),
                schema(table("posts").id().nullableCol("body", "text").index("posts_body_idx", "body")),
                Intent.NONE)));
  }

  @Test
  void slugIsShortAndPlain() {
    List<Models.TableBuilder> tables = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tables.add(table("Table \"" + i + "\" with a long name").id());
    }
    String slug = MigrationScript.slug(changes(Schema.EMPTY, schema(tables.toArray()), Intent.NONE));

    assertTrue(slug.length() <= 60, slug);
    assertTrue(slug.matches("[a-z0-9_]+") && !slug.endsWith("_") && slug.startsWith("create_table_0_"), slug);
  }
}
