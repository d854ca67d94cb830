package dev.dbsync.schema.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.schema.model.CheckConstraint;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.PrimaryKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.TypeRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftTest {
  private static final QualifiedName POSTS = QualifiedName.of("public", "posts");

  private static Table posts(Column published) {
    return new Table(POSTS, "app.Post",
        List.of(Column.of("id", TypeRef.builtin("bigint"), false), published),
        new PrimaryKey("posts_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of());
  }

  private static final Column PUBLISHED =
      Column.of("published", TypeRef.builtin("boolean"), false).withDefault("false");

  @Test
  void sameSchemaHasNoDrift() {
    Schema schema = new Schema(List.of(), List.of(posts(PUBLISHED)));
    Drift drift = Drift.between(schema, schema.withoutClassNames());
    assertTrue(drift.isEmpty(), drift::toString);
  }

  @Test
  void columnDifferenceShowsBothSides() {
    Schema expected = new Schema(List.of(), List.of(posts(PUBLISHED)));
    Schema found = new Schema(List.of(), List.of(posts(Column.of("published", TypeRef.builtin("boolean"), true))));
    assertEquals(
        List.of("public.posts.published: expected boolean NOT NULL DEFAULT false, found boolean NULL"),
        Drift.between(expected, found).differences());
  }

  @Test
  void missingTableAndColumnAreDifferences() {
    Schema expected = new Schema(List.of(), List.of(posts(PUBLISHED)));
    Table withoutPublished = posts(PUBLISHED).withColumns(List.of(Column.of("id", TypeRef.builtin("bigint"), false)));
    assertEquals(
        List.of("public.posts.published: expected boolean NOT NULL DEFAULT false, found no such column"),
        Drift.between(expected, new Schema(List.of(), List.of(withoutPublished))).differences());
    assertEquals(List.of("table public.posts: expected, not found"),
        Drift.between(expected, Schema.EMPTY).differences());
  }

  @Test
  void objectsTheSnapshotDoesNotDeclareAreReportedNotCounted() {
    Schema expected = new Schema(List.of(), List.of(posts(PUBLISHED)));
    Table audit = posts(PUBLISHED).withName(QualifiedName.of("public", "audit_log")).withClassName(null);
    EnumType mood = new EnumType(QualifiedName.of("public", "mood"), List.of("ok"));
    Drift drift = Drift.between(expected, new Schema(List.of(mood), List.of(posts(PUBLISHED), audit)));
    assertTrue(drift.isEmpty(), drift::toString);
    assertEquals(List.of("table public.audit_log", "enum type public.mood"), drift.unmanaged());
  }

  @Test
  void storedChecksDifferingOnlyInImplicitCastsAndParenthesesMatch() {
    Table declared = posts(PUBLISHED);
    Schema expected = new Schema(List.of(), List.of(withCheck(declared, "price * qty < 1000000")));
    assertTrue(Drift.between(expected, new Schema(List.of(),
        List.of(withCheck(declared, "(price * qty::numeric) < 1000000::numeric")))).isEmpty());
    assertEquals(1, Drift.between(expected, new Schema(List.of(),
        List.of(withCheck(declared, "(price * qty::numeric) < 999::numeric")))).differences().size());
  }

  private static Table withCheck(Table table, String expression) {
    return new Table(table.name(), table.className(), table.columns(), table.primaryKey(), table.uniques(),
        table.foreignKeys(), table.indexes(), List.of(new CheckConstraint("posts_total_check", expression)));
  }
}
