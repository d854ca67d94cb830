package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dbsync.processor.Fixtures.compile;
import static dev.dbsync.processor.Fixtures.failing;
import static dev.dbsync.processor.Fixtures.record;
import static dev.dbsync.processor.Fixtures.files;
import static dev.dbsync.processor.Fixtures.migrations;

import com.google.testing.compile.Compilation;
import dev.dbsync.schema.model.ForeignKey;
import dev.dbsync.schema.model.PrimaryKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.ReferentialAction;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Record-level {@code @ForeignKey} (composite keys), {@code @Table(primaryKeyName)}, duplicate constraint names. */
class ForeignKeysTest {
  private static final QualifiedName ORDERS = QualifiedName.of("public", "orders");
  private static final QualifiedName LINES = QualifiedName.of("public", "order_lines");

  @TempDir Path resources;

  private static final JavaFileObject ORDER = record("Order",
      "@Table(value = \"orders\", primaryKeyName = \"orders_by_tenant\")\n"
          + "@Index(columns = {\"number\", \"tenantId\"}, unique = true)\n"
          + "public record Order(@Id UUID tenantId, @Id long id, long number) {}");

  private Table table(QualifiedName name) {
    return SnapshotCodec.read(files(resources).get("db/dbsync/schema.json")).table(name).orElseThrow();
  }

  @Test
  void compositeKeyReferencesThePrimaryKeyByDefaultAndAUniqueIndexByName() {
    JavaFileObject lines = record("OrderLine",
        "@Table(\"order_lines\")\n"
            + "@ForeignKey(columns = {\"tenantId\", \"orderId\"}, references = Order.class,"
            + " onDelete = References.Action.CASCADE)\n"
            + "@ForeignKey(columns = {\"order_number\", \"tenantId\"}, references = Order.class,"
            + " referencedColumns = {\"number\", \"tenant_id\"}, onUpdate = References.Action.CASCADE,"
            + " name = \"lines_by_number\")\n"
            + "public record OrderLine(@Id UUID tenantId, @Id long orderId, @Id int line, long orderNumber) {}");
    assertThat(compile(resources, ORDER, lines)).succeeded();

    assertThat(table(ORDERS).primaryKey()).isEqualTo(new PrimaryKey("orders_by_tenant", List.of("tenant_id", "id")));
    assertThat(table(LINES).foreignKeys()).containsExactly(
        new ForeignKey("order_lines_tenant_id_order_id_fkey", List.of("tenant_id", "order_id"), ORDERS,
            List.of("tenant_id", "id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION),
        new ForeignKey("lines_by_number", List.of("order_number", "tenant_id"), ORDERS,
            List.of("number", "tenant_id"), ReferentialAction.NO_ACTION, ReferentialAction.CASCADE));
    String migration = files(resources).get(migrations(resources).get(0));
    assertThat(migration).contains("CONSTRAINT orders_by_tenant PRIMARY KEY (tenant_id, id)");
    assertThat(migration).contains("ADD CONSTRAINT order_lines_tenant_id_order_id_fkey FOREIGN KEY"
        + " (tenant_id, order_id) REFERENCES public.orders (tenant_id, id) ON DELETE CASCADE");
  }

  @Test
  void columnCountsMustMatch() {
    JavaFileObject lines = record("OrderLine",
        "@Table(\"order_lines\")\n"
            + "@ForeignKey(columns = \"orderId\", references = Order.class)\n"
            + "public record OrderLine(@Id UUID tenantId, @Id long orderId) {}");
    assertThat(failing(resources, ORDER, lines))
        .hadErrorContaining(Messages.foreignKeyArity(ORDERS, List.of("order_id"), List.of("tenant_id", "id")))
        .inFile(lines)
        .onLineContaining("@ForeignKey");
  }

  @Test
  void referencedColumnsMustBeAKey() {
    JavaFileObject lines = record("OrderLine",
        "@Table(\"order_lines\")\n"
            + "@ForeignKey(columns = {\"tenantId\", \"orderId\"}, references = Order.class,"
            + " referencedColumns = {\"number\", \"id\"})\n"
            + "public record OrderLine(@Id UUID tenantId, @Id long orderId) {}");
    assertThat(failing(resources, ORDER, lines))
        .hadErrorContaining(Messages.referencedColumnsNotUnique(ORDERS, List.of("number", "id")))
        .inFile(lines)
        .onLineContaining("@ForeignKey");
  }

  @Test
  void unknownColumn() {
    JavaFileObject lines = record("OrderLine",
        "@Table(\"order_lines\")\n"
            + "@ForeignKey(columns = {\"tenantId\", \"nope\"}, references = Order.class)\n"
            + "public record OrderLine(@Id UUID tenantId, @Id long orderId) {}");
    assertThat(failing(resources, ORDER, lines))
        .hadErrorContaining(Messages.unknownColumn("@ForeignKey", LINES, "nope", List.of("tenantId", "orderId")))
        .inFile(lines)
        .onLineContaining("@ForeignKey");
  }

  @Test
  void aConstraintNameUsedTwiceInATableIsAnErrorNamingBothPlaces() {
    JavaFileObject file = record("Order",
        "@Table(value = \"orders\")\n"
            + "@Check(name = \"orders_pkey\", value = \"number > 0\")\n"
            + "public record Order(\n    @Id long id,\n    long number) {}");
    Compilation compilation = failing(resources, file);
    assertThat(compilation)
        .hadErrorContaining(Messages.duplicateConstraintName(ORDERS, "orders_pkey",
            "@Check(name = \"orders_pkey\")", "the primary key"))
        .inFile(file)
        .onLineContaining("@Check");
    assertThat(compilation)
        .hadErrorContaining(Messages.duplicateConstraintName(ORDERS, "orders_pkey", "the primary key",
            "@Check(name = \"orders_pkey\")"))
        .inFile(file)
        .onLineContaining("@Table");
  }

  @Test
  void aUniqueAndAnIndexOfOneNameAreAnError() {
    JavaFileObject file = record("Order",
        "@Table(value = \"orders\")\n"
            + "@Index(columns = \"number\", name = \"orders_number\")\n"
            + "public record Order(\n    @Id long id,\n    @Unique(name = \"orders_number\") long number) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.duplicateConstraintName(ORDERS, "orders_number",
            "@Index(columns = [number])", "@Unique on number"))
        .inFile(file)
        .onLineContaining("@Index");
  }
}
