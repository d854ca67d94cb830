package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dbsync.processor.Fixtures.compile;
import static dev.dbsync.processor.Fixtures.failing;
import static dev.dbsync.processor.Fixtures.files;
import static dev.dbsync.processor.Fixtures.migrations;
import static dev.dbsync.processor.Fixtures.record;
import static dev.dbsync.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import dev.dbsync.schema.diff.DiffMessages;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import dev.dbsync.schema.sql.Identifiers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @EnumType}: the name and schema of an enum type, its renames and moves; arrays of enums and built-ins. */
class EnumTypeTest {
  private static final QualifiedName ORDER_STATE = QualifiedName.of("billing", "order_state");
  private static final QualifiedName ORDER_STATE_IN_SHOP = QualifiedName.of("shop", "order_state");

  @TempDir Path resources;

  private static JavaFileObject order(String enumAnnotation, String components) {
    return source(
        "shop.Order",
        """
        package shop;

        import dev.dbsync.annotations.*;
        import java.util.UUID;

        @Table(schema = "shop")
        public record Order(
            @Id UUID id,
        %s) {
          %s
          public enum State { NEW, PAID }
        }
        """.formatted(components, enumAnnotation));
  }

  private Schema snapshot() {
    return SnapshotCodec.read(files(resources).get("db/dbsync/schema.json"));
  }

  private String lastMigration() {
    List<String> all = migrations(resources);
    return files(resources).get(all.get(all.size() - 1));
  }

  @Test
  void namedTypeInItsOwnSchemaWithArraysOfItAndOfBuiltIns() throws Exception {
    Compilation compilation =
        compile(
            resources,
            source("other.Nullable", "package other;\n@java.lang.annotation.Target("
                + "java.lang.annotation.ElementType.TYPE_USE) public @interface Nullable {}\n"),
            order(
                "@EnumType(value = \"order_state\", schema = \"billing\")",
                """
                    @Default("'NEW'") State state,
                    @Default("'{NEW}'") State[] history,
                    State @other.Nullable [] planned,
                    String[] tags,
                    int[] scores,
                    @other.Nullable Long[] refs,
                    byte[] payload
                """));

    assertThat(compilation).succeeded();
    Schema schema = snapshot();
    assertThat(schema.enums()).containsExactly(new EnumType(ORDER_STATE, List.of("NEW", "PAID")));
    Table order = schema.table(QualifiedName.of("shop", "order")).orElseThrow();
    List<String> columns = new ArrayList<>();
    order.columns().forEach(c -> columns.add(c.name() + " " + c.type() + (c.nullable() ? " null" : "")));
    assertThat(columns)
        .containsExactly(
            "id uuid",
            "state billing.order_state",
            "history billing.order_state[]",
            "planned billing.order_state[] null",
            "tags text[]",
            "scores integer[]",
            "refs bigint[]", // a type-use @Nullable before Long[] is about the elements, not the array
            "payload bytea")
        .inOrder();
    assertThat(order.column("history").orElseThrow().type()).isEqualTo(TypeRef.enumArray(ORDER_STATE));
    String migration = lastMigration();
    assertThat(migration).contains("CREATE SCHEMA IF NOT EXISTS billing");
    assertThat(migration).contains("CREATE TYPE billing.order_state AS ENUM ('NEW', 'PAID')");
    assertThat(migration).contains("history billing.order_state[] DEFAULT '{NEW}' NOT NULL");
    FlywayReplay.assertReplays(resources);
  }

  @Test
  void withoutEnumTypeTheTypeIsNamedAfterTheEnumInTheTablesSchema() {
    assertThat(compile(resources, order("", "    State state"))).succeeded();

    assertThat(snapshot().enums().get(0).name()).isEqualTo(QualifiedName.of("shop", "state"));
  }

  @Test
  void renamedAndMovedTypeKeepsItsColumns() throws Exception {
    assertThat(compile(resources, order("", "    State state, State[] history"))).succeeded();
    JavaFileObject renamed = order(
        "@EnumType(value = \"order_state\", schema = \"billing\", renamedFrom = \"shop.state\")",
        "    State state, State[] history");
    assertThat(compile(resources, renamed)).succeeded();

    assertThat(migrations(resources)).hasSize(2);
    String migration = lastMigration();
    assertThat(migration).contains("ALTER TYPE shop.state SET SCHEMA billing;");
    assertThat(migration).contains("ALTER TYPE billing.state RENAME TO order_state;");
    assertThat(migration).doesNotContain("DROP");
    assertThat(migration).doesNotContain("ALTER TABLE");
    FlywayReplay.assertReplays(resources);

    // compiled once more (renamedFrom still there): the former name is gone, nothing new
    assertThat(compile(resources, renamed)).succeeded();
    assertThat(migrations(resources)).hasSize(2);

    // a former name without a schema is in the type's schema
    assertThat(
            compile(
                resources,
                order(
                    "@EnumType(value = \"status\", schema = \"billing\", renamedFrom = {\"shop.state\", \"order_state\"})",
                    "    State state, State[] history")))
        .succeeded();
    assertThat(migrations(resources)).hasSize(3);
    assertThat(lastMigration()).contains("ALTER TYPE billing.order_state RENAME TO status;");
    FlywayReplay.assertReplays(resources);
  }

  @Test
  void renamedFromNamingTheTypeItself() {
    JavaFileObject order = order("@EnumType(value = \"state\", renamedFrom = \"shop.state\")", "    State state");

    assertThat(failing(resources, order))
        .hadErrorContaining(Messages.enumRenamedFromItself(QualifiedName.of("shop", "state"), "shop.state"))
        .inFile(order)
        .onLineContaining("@EnumType");
  }

  @Test
  void invalidTypeName() {
    String longName = "x".repeat(64);
    JavaFileObject order = order("@EnumType(\"" + longName + "\")", "    State state");

    assertThat(failing(resources, order))
        .hadErrorContaining(Messages.invalidIdentifier(
            "enum type", longName, Identifiers.problem(longName), "Choose another: @EnumType(\"...\")"))
        .inFile(order)
        .onLineContaining("@EnumType");
  }

  @Test
  void dotInSchema() {
    JavaFileObject order = order("@EnumType(schema = \"a.b\")", "    State state");

    assertThat(failing(resources, order))
        .hadErrorContaining(
            Messages.invalidIdentifier(
                "schema", "a.b", Messages.DOT_IN_SCHEMA, "Choose another: @EnumType(schema = \"...\")"))
        .inFile(order)
        .onLineContaining("@EnumType");
  }

  @Test
  void twoJavaEnumsNamingTheSameType() {
    JavaFileObject kind =
        record("Kind", "@EnumType(\"state\") public enum Kind { NEW, PAID }");
    JavaFileObject state = record("State", "public enum State { NEW, PAID }");
    JavaFileObject item =
        record("Item", "@Table public record Item(\n    @Id UUID id,\n    State state,\n    Kind kind) {}");

    assertThat(failing(resources, kind, state, item))
        .hadErrorContaining(Messages.conflictingEnum(QualifiedName.of("public", "state"), "app.Kind", "app.State"))
        .inFile(item)
        .onLineContaining("Kind kind");
  }

  @Test
  void aBareLabelAsDefaultOfAnArrayGetsTheArrayLiteralToPaste() {
    JavaFileObject order = order("", "    @Default(\"PAID\") State[] history");

    assertThat(failing(resources, order))
        .hadErrorContaining(Messages.bareIdentifierDefault("history", "PAID", "'{PAID}'"))
        .inFile(order)
        .onLineContaining("State[] history");
  }

  @Test
  void twoEnumTypesClaimingOneFormerName() {
    assertThat(compile(resources, order("", "    State state"))).succeeded();
    JavaFileObject kind = source("shop.Kind",
        "package shop;\n@dev.dbsync.annotations.EnumType(value = \"kind\", renamedFrom = \"state\")\n"
            + "public enum Kind { A }\n");
    JavaFileObject order =
        order("@EnumType(value = \"order_state\", renamedFrom = \"state\")", "    State state,\n    Kind kind");

    Compilation compilation = compile(resources, kind, order);

    assertThat(compilation).failed();
    String message = Messages.problem(DiffMessages.duplicateEnumRename(
        QualifiedName.of("shop", "state"), List.of(QualifiedName.of("shop", "kind"), ORDER_STATE_IN_SHOP)));
    assertThat(compilation).hadErrorContaining(message).inFile(order).onLineContaining("State state");
    assertThat(compilation).hadErrorContaining(message).inFile(order).onLineContaining("Kind kind");
    assertThat(migrations(resources)).hasSize(1);
  }

  @Test
  void unsupportedArrayElementTypeNamesTheSupportedOnes() {
    JavaFileObject item =
        record("Item", "@Table public record Item(\n    @Id UUID id,\n    Object[] things) {}");

    assertThat(failing(resources, item))
        .hadErrorContaining(Messages.unsupportedType("things", "java.lang.Object[]"))
        .inFile(item)
        .onLineContaining("Object[] things");
  }
}
