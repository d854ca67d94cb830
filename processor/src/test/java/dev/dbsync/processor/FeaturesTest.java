package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dbsync.processor.Fixtures.assertGolden;
import static dev.dbsync.processor.Fixtures.compile;
import static dev.dbsync.processor.Fixtures.files;
import static dev.dbsync.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.Identity;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mapping rule and annotation, in one schema: its snapshot is a golden file. */
class FeaturesTest {
  private static final String NULLABLE_DECLARATION =
      """
      package other;

      import java.lang.annotation.*;

      @Retention(RetentionPolicy.CLASS)
      @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
      public @interface Nullable {}
      """;

  private static final String EVERYTHING =
      """
      package shop;

      import dev.dbsync.annotations.*;
      import java.math.BigDecimal;
      import java.time.*;
      import java.util.UUID;

      @Table(schema = "shop")
      @Index(columns = {"customerRef", "placed_on"}, unique = true)
      @Index(columns = "note", name = "orders_note_trgm", using = "GIN", where = "note IS NOT NULL")
      @Check(name = "order_line_total_check", value = "total >= 0")
      public record OrderLine(
          @Id @Identity(always = true) long id,
          @Id short line,
          @other.Nullable Boolean gift,
          int quantity,
          @other.Nullable Integer rank,
          @other.Nullable Long big,
          float ratio,
          @other.Nullable Double score,
          @Column(type = "numeric(12,2)") BigDecimal price,
          @Generated("price * quantity") BigDecimal total,
          @Column(value = "customer_ref", type = "varchar(40)") @Unique(name = "order_line_customer") String customerRef,
          OffsetDateTime placedAt,
          LocalDateTime localAt,
          LocalDate placedOn,
          LocalTime placedTime,
          byte[] payload,
          @other.Nullable String note,
          @Default("'NEW'") State state,
          @other.Nullable UUID token) {
        public enum State { NEW, @EnumValue(value = "done", renamedFrom = "DONE") FINISHED }
      }
      """;

  @TempDir Path resources;

  @Test
  void everyFeatureReachesTheSnapshot() throws Exception {
    Compilation compilation =
        compile(resources, source("other.Nullable", NULLABLE_DECLARATION), source("shop.OrderLine", EVERYTHING));

    assertThat(compilation).succeeded();
    String snapshot = files(resources).get("db/dbsync/schema.json");
    assertGolden("features/schema.json", snapshot);
    Schema schema = SnapshotCodec.read(snapshot);
    Table table = schema.table(QualifiedName.of("shop", "order_line")).orElseThrow();
    assertThat(table.className()).isEqualTo("shop.OrderLine");
    assertThat(table.column("id").orElseThrow().identity()).isEqualTo(Identity.ALWAYS);
    assertThat(table.primaryKey().columns()).containsExactly("id", "line").inOrder();
    assertThat(table.column("gift").orElseThrow())
        .isEqualTo(Column.of("gift", TypeRef.builtin("boolean"), true));
    assertThat(table.column("state").orElseThrow().type())
        .isEqualTo(TypeRef.enumType(QualifiedName.of("shop", "state")));
    assertThat(schema.enums().get(0).labels()).containsExactly("NEW", "done").inOrder();
    // an enum is no table: no metamodel for it
    assertThat(compilation.generatedSourceFile("shop.OrderLine_StateTable").isPresent()).isFalse();
    assertThat(compilation.generatedSourceFile("shop.OrderLineTable").isPresent()).isTrue();
  }

  @Test
  void typeTableOfIssueThree() {
    Compilation compilation =
        compile(resources, source("other.Nullable", NULLABLE_DECLARATION), source("shop.OrderLine", EVERYTHING));
    assertThat(compilation).succeeded();
    Table table =
        SnapshotCodec.read(files(resources).get("db/dbsync/schema.json"))
            .table(QualifiedName.of("shop", "order_line"))
            .orElseThrow();
    List<String> types =
        table.columns().stream().map(c -> c.name() + " " + c.type() + (c.nullable() ? " null" : "")).toList();
    assertThat(types)
        .containsExactly(
            "id bigint",
            "line smallint",
            "gift boolean null",
            "quantity integer",
            "rank integer null",
            "big bigint null",
            "ratio real",
            "score double precision null",
            "price numeric(12,2)",
            "total numeric",
            "customer_ref character varying(40)",
            "placed_at timestamp with time zone",
            "local_at timestamp without time zone",
            "placed_on date",
            "placed_time time without time zone",
            "payload bytea",
            "note text null",
            "state shop.state",
            "token uuid null")
        .inOrder();
  }

  @Test
  void nestedRecordKeepsItsBinaryNameAndGetsAnUnambiguousMetamodel() throws Exception {
    Compilation compilation =
        compile(
            resources,
            source(
                "app.Catalog",
                """
                package app;

                import dev.dbsync.annotations.*;

                public final class Catalog {
                  @Table
                  public record CatalogItem(@Id long id, @Column("\\"Name\\"") String name) {}
                }
                """));

    assertThat(compilation).succeeded();
    Table table =
        SnapshotCodec.read(files(resources).get("db/dbsync/schema.json"))
            .table(QualifiedName.of("public", "catalog_item"))
            .orElseThrow();
    assertThat(table.className()).isEqualTo("app.Catalog$CatalogItem");
    String metamodel =
        compilation.generatedSourceFile("app.Catalog_CatalogItemTable").orElseThrow().getCharContent(true).toString();
    assertThat(metamodel).contains("public static final String TABLE = \"public.catalog_item\";");
    // a name that needs quoting is quoted in the constant, ready for SQL
    assertThat(metamodel).contains("public static final String NAME = \"\\\"\\\"\\\"Name\\\"\\\"\\\"\";");
  }
}
