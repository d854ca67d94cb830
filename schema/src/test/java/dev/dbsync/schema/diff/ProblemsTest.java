package dev.dbsync.schema.diff;

import static dev.dbsync.schema.diff.Models.column;
import static dev.dbsync.schema.diff.Models.enumType;
import static dev.dbsync.schema.diff.Models.name;
import static dev.dbsync.schema.diff.Models.schema;
import static dev.dbsync.schema.diff.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.schema.diff.DiffProblem.Severity;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.TypeRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {
  private static List<DiffProblem> errors(SchemaDiff diff) {
    return diff.problems().stream().filter(p -> p.severity() == Severity.ERROR).toList();
  }

  @Test
  void aColumnReplacedByACompatibleOneIsAmbiguous() {
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(table("posts").id().col("body", "text")),
            schema(table("posts").id().nullableCol("content", "character varying(100)")),
            Intent.NONE);

    assertEquals(
        List.of(DiffProblem.error(name("posts"), "content",
            DiffMessages.ambiguousColumn(name("posts"), "content", "body"))),
        errors(diff));
    assertTrue(errors(diff).get(0).message().contains("@Column(renamedFrom = \"body\")"));
    assertTrue(errors(diff).get(0).message().contains("@Table(droppedColumns = \"body\")"));
  }

  @Test
  void aColumnReplacedByOneOfAnotherTypeFamilyIsAPlainDropAndAdd() {
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(table("posts").id().col("body", "text")),
            schema(table("posts").id().nullableCol("published_at", "timestamp with time zone")),
            Intent.NONE);

    assertFalse(diff.hasErrors());
    assertEquals(List.of("drop column public.posts.body"), diff.destructive());
  }

  @Test
  void aDeclaredRenameOrAConfirmedDropResolvesTheAmbiguity() {
    Schema before = schema(table("posts").id().col("body", "text"));
    Schema after = schema(table("posts").id().nullableCol("content", "text"));

    assertFalse(
        SchemaDiffer.diff(before, after, Intent.NONE.withColumnRename(name("posts"), "content", "body"))
            .hasErrors());
    assertFalse(
        SchemaDiffer.diff(before, after, Intent.NONE.withDroppedColumn(name("posts"), "body"))
            .hasErrors());
  }

  @Test
  void aTableReplacedByOneSharingHalfItsColumnsIsAmbiguous() {
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(table("posts").id().col("title", "text").col("body", "text").col("rank", "integer")),
            schema(table("articles").id().col("title", "text").col("content", "text")),
            Intent.NONE);

    String message = DiffMessages.ambiguousTable(name("articles"), name("posts"), List.of("id", "title"));
    assertEquals(List.of(DiffProblem.error(name("articles"), null, message)), errors(diff));
    assertTrue(message.contains("@Table(value = \"articles\", renamedFrom = \"posts\")"));
    assertTrue(message.contains("@Table(droppedTables = \"public.posts\")"));
  }

  @Test
  void aConfirmedTableDropResolvesTheAmbiguity() {
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(table("posts").id().col("title", "text")),
            schema(table("articles").id().col("title", "text")),
            Intent.NONE.withDroppedTable(name("posts")));

    assertFalse(diff.hasErrors());
    assertEquals(List.of("drop table public.posts"), diff.destructive());
  }

  @Test
  void aTableSharingFewColumnsIsAPlainDropAndCreate() {
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(table("posts").id().col("title", "text").col("body", "text").col("rank", "integer")),
            schema(table("tags").id().col("label", "text")),
            Intent.NONE);

    assertFalse(diff.hasErrors());
  }

  @Test
  void aTableOfTheSameNameInAnotherSchemaIsAmbiguous() {
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(table("posts").id().col("title", "text").col("body", "text").col("rank", "integer")),
            schema(table("archive.posts").id().col("headline", "text")),
            Intent.NONE);

    assertEquals(List.of(name("archive.posts")), errors(diff).stream().map(DiffProblem::table).toList());
    assertTrue(errors(diff).get(0).message().contains("renamedFrom = \"public.posts\""));
  }

  @Test
  void twoColumnsClaimingTheSameFormerNameAreBothErrors() {
    Intent intent =
        Intent.NONE
            .withColumnRename(name("posts"), "content", "body")
            .withColumnRename(name("posts"), "text", "body");
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(table("posts").id().col("body", "text")),
            schema(table("posts").id().nullableCol("content", "text").nullableCol("text", "text")),
            intent);

    String message = DiffMessages.duplicateColumnRename(name("posts"), "body", List.of("content", "text"));
    assertTrue(errors(diff).contains(DiffProblem.error(name("posts"), "content", message)));
    assertTrue(errors(diff).contains(DiffProblem.error(name("posts"), "text", message)));
  }

  @Test
  void twoTablesClaimingTheSameFormerNameAreBothErrors() {
    Intent intent =
        Intent.NONE
            .withTableRename(name("articles"), name("posts"))
            .withTableRename(name("entries"), name("posts"));
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(table("posts").id()),
            schema(table("articles").id(), table("entries").id()),
            intent);

    String message = DiffMessages.duplicateTableRename(name("posts"), List.of(name("articles"), name("entries")));
    assertTrue(errors(diff).contains(DiffProblem.error(name("articles"), null, message)));
    assertTrue(errors(diff).contains(DiffProblem.error(name("entries"), null, message)));
  }

  @Test
  void twoLabelsClaimingTheSameFormerLabelAreAnError() {
    Intent intent =
        Intent.NONE
            .withEnumLabelRename(name("status"), "live", "published")
            .withEnumLabelRename(name("status"), "public", "published");
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(enumType("status", "draft", "published")),
            schema(enumType("status", "draft", "live", "public")),
            intent);

    assertEquals(
        List.of(DiffProblem.error(name("status"), null,
            DiffMessages.duplicateLabelRename(name("status"), "published", List.of("live", "public")))),
        errors(diff));
  }

  @Test
  void twoEnumTypesClaimingTheSameFormerNameAreBothErrors() {
    Intent intent =
        Intent.NONE
            .withEnumRename(name("post_status"), name("status"))
            .withEnumRename(name("shop.status"), name("status"));
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(enumType("status", "draft")),
            schema(enumType("post_status", "draft"), enumType("shop.status", "draft")),
            intent);

    String message = DiffMessages.duplicateEnumRename(name("status"), List.of(name("post_status"), name("shop.status")));
    assertEquals(
        List.of(DiffProblem.error(name("post_status"), null, message),
            DiffProblem.error(name("shop.status"), null, message)),
        errors(diff));
  }

  @Test
  void anEnumTypeRenamedOntoTheNameOfAKeptTypeIsNoRename() {
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(enumType("status", "draft"), enumType("state", "on")),
            schema(enumType("status", "on")),
            Intent.NONE.withEnumRename(name("status"), name("state")));

    assertFalse(diff.changes().stream().anyMatch(c -> c instanceof SchemaChange.EnumRenamed), diff::toString);
  }

  @Test
  void aRenameOfSomethingNotInTheOldSchemaIsIgnored() {
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(table("articles").id().col("content", "text")),
            schema(table("articles").id().col("content", "text").nullableCol("summary", "text")),
            Intent.NONE
                .withTableRename(name("articles"), name("posts"))
                .withColumnRename(name("articles"), "content", "body")
                .withColumnRename(name("articles"), "summary", "abstract"));

    assertFalse(diff.hasErrors());
    assertEquals(
        List.of("ALTER TABLE public.articles ADD COLUMN summary text"),
        DdlRenderer.statements(diff.changes()));
  }

  @Test
  void aNotNullColumnWithoutDefaultOnAnExistingTableIsAnError() {
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(table("posts").id()),
            schema(table("posts").id().col("title", "text")),
            Intent.NONE);

    String message = DiffMessages.notNullWithoutDefault(name("posts"), "title");
    assertEquals(List.of(DiffProblem.error(name("posts"), "title", message)), errors(diff));
    assertTrue(message.contains("add a default") && message.contains("make it nullable"));
  }

  @Test
  void aNotNullColumnInANewTableNeedsNoDefault() {
    SchemaDiff diff = SchemaDiffer.diff(Schema.EMPTY, schema(table("posts").id().col("title", "text")), Intent.NONE);

    assertTrue(diff.problems().isEmpty());
  }

  @Test
  void aTypeChangeWithoutACastIsAnError() {
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(table("t").id().col("v", "uuid")),
            schema(table("t").id().col("v", "integer")),
            Intent.NONE);

    assertEquals(
        List.of(DiffProblem.error(name("t"), "v",
            DiffMessages.noCast(name("t"), "v", TypeRef.builtin("uuid"), TypeRef.builtin("integer")))),
        errors(diff));
  }

  @Test
  void destructiveChangesAreMarkedAndWarned() {
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(
                enumType("mood", "happy", "sad"),
                enumType("status", "draft", "review"),
                table("posts").id().col("rank", "bigint").nullableCol("body", "text")
                    .with(column("status", Models.enumRef("status")))),
            schema(
                enumType("status", "draft"),
                table("posts").id().col("rank", "integer").with(column("status", Models.enumRef("status")))),
            Intent.NONE);

    assertEquals(
        List.of(
            "drop column public.posts.body",
            "remove values review of enum public.status",
            "change type of column public.posts.rank from bigint to integer",
            "drop enum public.mood"),
        diff.destructive());
    assertEquals(
        List.of(
            new DiffProblem(Severity.WARNING, name("posts"), null,
                DiffMessages.destructive("drop column public.posts.body")),
            new DiffProblem(Severity.WARNING, name("posts"), "rank",
                DiffMessages.destructive("change type of column public.posts.rank from bigint to integer"))),
        diff.problems().stream().filter(p -> p.table().equals(name("posts"))).toList());
  }

  @Test
  void wideningAndRenamesAreNotDestructive() {
    SchemaDiff diff =
        SchemaDiffer.diff(
            schema(table("posts").id().col("qty", "integer").col("title", "character varying(50)")),
            schema(table("articles").id().col("quantity", "bigint").col("title", "text")),
            Intent.NONE
                .withTableRename(name("articles"), name("posts"))
                .withColumnRename(name("articles"), "quantity", "qty"));

    assertEquals(List.of(), diff.destructive());
    assertEquals(List.of(), diff.problems());
  }
}
