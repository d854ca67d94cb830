package dev.dbsync.schema.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.schema.diff.DiffCase;
import dev.dbsync.schema.diff.DiffCases;
import dev.dbsync.schema.diff.RandomSchemaPairs;
import dev.dbsync.schema.model.CheckConstraint;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.ForeignKey;
import dev.dbsync.schema.model.Identity;
import dev.dbsync.schema.model.IdentityOptions;
import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.PrimaryKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.ReferentialAction;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.schema.model.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {
  private static final QualifiedName STATUS = QualifiedName.of("shop", "status");
  private static final QualifiedName ORDERS = QualifiedName.of("shop", "orders");
  private static final QualifiedName USERS = QualifiedName.of("public", "users");

  /** Every feature of the model at least once. */
  static Schema everything() {
    Table users =
        new Table(
            USERS,
            "com.example.User",
            List.of(
                Column.of("id", TypeRef.builtin("bigint"), false).withIdentity(Identity.ALWAYS),
                Column.of("email", TypeRef.builtin("character varying(200)"), false),
                Column.of("nick \"q\"", TypeRef.builtin("text"), true)),
            new PrimaryKey("users_pkey", List.of("id")),
            List.of(new UniqueConstraint("users_email_key", List.of("email"))),
            List.of(),
            List.of(),
            List.of());
    Table orders =
        new Table(
            ORDERS,
            "com.example.Order",
            List.of(
                Column.of("user_id", TypeRef.builtin("bigint"), false),
                Column.of("line", TypeRef.builtin("integer"), false).withIdentity(Identity.BY_DEFAULT)
                    .withIdentityOptions(new IdentityOptions(100L, 5L, 10L, 100000L, 20L, true)),
                Column.of("status", TypeRef.enumType(STATUS), false).withDefault("'new'"),
                Column.of("history", TypeRef.enumArray(STATUS), true).withDefault("'{new}'"),
                Column.of("price", TypeRef.builtin("numeric(12,2)"), false).withDefault("-1.5"),
                Column.of("total", TypeRef.builtin("numeric"), true).withGenerated("price * 2"),
                Column.of("tags", TypeRef.builtin("text[]"), true)),
            new PrimaryKey("orders_pkey", List.of("user_id", "line")),
            List.of(),
            List.of(
                new ForeignKey(
                    "orders_user_id_fkey", List.of("user_id"), USERS, List.of("id"),
                    ReferentialAction.CASCADE, ReferentialAction.SET_NULL)),
            List.of(
                new Index("orders_tags_idx", List.of("tags"), false, "gin", null),
                new Index("orders_status_key", List.of("status", "line"), true, "btree", "price > 0")),
            List.of(new CheckConstraint("orders_price_check", "price >= 0")));
    return new Schema(List.of(new EnumType(STATUS, List.of("new", "paid", "it's"))), List.of(orders, users));
  }

  @Test
  void roundTripKeepsEveryFeature() {
    Schema schema = everything();
    assertEquals(schema, SnapshotCodec.read(SnapshotCodec.write(schema)));
  }

  @Test
  void roundTripOfEmptySchema() {
    assertEquals(Schema.EMPTY, SnapshotCodec.read(SnapshotCodec.write(Schema.EMPTY)));
  }

  @Test
  void writingIsByteStableAndIndependentOfInputOrder() {
    Schema schema = everything();
    Schema reversed = new Schema(schema.enums(), List.of(schema.tables().get(1), schema.tables().get(0)));
    String text = SnapshotCodec.write(schema);
    assertEquals(text, SnapshotCodec.write(reversed));
    assertEquals(text, SnapshotCodec.write(SnapshotCodec.read(text)));
  }

  /** A snapshot as dbsync wrote it before enum arrays: an enum column without "array". */
  private static final String ENUM_COLUMN_SNAPSHOT =
      """
      {
        "enums": {
          "public.status": [
            "draft"
          ]
        },
        "formatVersion": 1,
        "tables": {
          "public.t": {
            "checks": [],
            "columns": [
              {
                "enum": "public.status",
                "name": "s",
                "nullable": false
              }
            ],
            "foreignKeys": [],
            "indexes": [],
            "uniques": []
          }
        }
      }
      """;

  @Test
  void anEnumColumnOfAnEarlierSnapshotIsScalarAndIsWrittenAsBefore() {
    Schema schema = SnapshotCodec.read(ENUM_COLUMN_SNAPSHOT);
    assertEquals(
        TypeRef.enumType(QualifiedName.of("public", "status")),
        schema.tables().get(0).column("s").orElseThrow().type());
    assertEquals(ENUM_COLUMN_SNAPSHOT, SnapshotCodec.write(schema));
  }

  @Test
  void anEnumArrayColumnIsMarkedAsArray() {
    Schema scalar = SnapshotCodec.read(ENUM_COLUMN_SNAPSHOT);
    Table table = scalar.tables().get(0);
    Schema array = new Schema(scalar.enums(), List.of(table.withColumns(List.of(
        Column.of("s", TypeRef.enumArray(QualifiedName.of("public", "status")), false)))));
    String text = SnapshotCodec.write(array);
    assertEquals(
        ENUM_COLUMN_SNAPSHOT.replace("\"enum\": \"public.status\",", "\"array\": true,\n          \"enum\": \"public.status\","),
        text);
    assertEquals(array, SnapshotCodec.read(text));
  }

  @Test
  void layoutIsPrettySortedWithTrailingNewline() {
    Table t =
        new Table(
            QualifiedName.of("public", "t"), "p.T", List.of(Column.of("a", TypeRef.builtin("text"), true)),
            null, List.of(), List.of(), List.of(), List.of());
    assertEquals(
        """
        {
          "enums": {},
          "formatVersion": 1,
          "tables": {
            "public.t": {
              "checks": [],
              "className": "p.T",
              "columns": [
                {
                  "name": "a",
                  "nullable": true,
                  "type": "text"
                }
              ],
              "foreignKeys": [],
              "indexes": [],
              "uniques": []
            }
          }
        }
        """,
        SnapshotCodec.write(new Schema(List.of(), List.of(t))));
  }

  @Test
  void identityOptionsAreWrittenOnlyWhenDeclared() {
    Column declared = Column.of("id", TypeRef.builtin("smallint"), false).withIdentity(Identity.BY_DEFAULT)
        .withIdentityOptions(new IdentityOptions(null, -1L, null, -10L, null, true));
    String text = SnapshotCodec.write(new Schema(List.of(), List.of(table(declared))));
    assertTrue(text.contains("""
                  "identity": "BY_DEFAULT",
                  "identityOptions": {
                    "cycle": true,
                    "increment": -1,
                    "maxValue": -10
                  },
        """), text);
    assertEquals(declared, SnapshotCodec.read(text).tables().get(0).columns().get(0));
  }

  /** A snapshot written before identity options existed reads as PostgreSQL's defaults and writes the same bytes. */
  @Test
  void anEarlierSnapshotWithoutIdentityOptionsIsUnchanged() {
    String earlier =
        """
        {
          "enums": {},
          "formatVersion": 1,
          "tables": {
            "public.t": {
              "checks": [],
              "className": "p.T",
              "columns": [
                {
                  "identity": "ALWAYS",
                  "name": "id",
                  "nullable": false,
                  "type": "bigint"
                }
              ],
              "foreignKeys": [],
              "indexes": [],
              "uniques": []
            }
          }
        }
        """;
    Schema schema = SnapshotCodec.read(earlier);
    assertEquals(IdentityOptions.DEFAULT, schema.tables().get(0).columns().get(0).identityOptions());
    assertEquals(earlier, SnapshotCodec.write(schema));
  }

  private static Table table(Column column) {
    return new Table(QualifiedName.of("public", "t"), "p.T", List.of(column), null, List.of(), List.of(), List.of(),
        List.of());
  }

  @Test
  void hashIgnoresClassNamesButNotStructure() {
    Schema schema = everything();
    Schema renamedClasses =
        new Schema(schema.enums(), schema.tables().stream().map(t -> t.withClassName("x.Y")).toList());
    assertEquals(SchemaHash.of(schema), SchemaHash.of(renamedClasses));
    assertNotEquals(SchemaHash.of(schema), SchemaHash.EMPTY);
    assertTrue(SchemaHash.EMPTY.matches("[0-9a-f]{16}"), SchemaHash.EMPTY);
  }

  /**
   * The hash is taken from the snapshot text with its class-name lines cut out: that must be the text written
   * without class names, for every schema, including a column and an enum label spelled {@code className}.
   */
  @Test
  void hashOfTheTextWithClassNamesEqualsTheHashOfTheTextWrittenWithout() throws Exception {
    List<Schema> schemas = new ArrayList<>(List.of(everything(), Schema.EMPTY));
    schemas.add(new Schema(List.of(new EnumType(QualifiedName.of("public", "className"), List.of("className"))),
        List.of(table(new Column("className", TypeRef.builtin("text"), true, "'className'", Identity.NONE, null)))));
    for (DiffCase diffCase : concat(DiffCases.all(), RandomSchemaPairs.generate(7, 200))) {
      schemas.add(diffCase.before());
      schemas.add(diffCase.after());
    }
    for (Schema schema : schemas) {
      Schema named = new Schema(schema.enums(), schema.tables().stream()
          .map(t -> t.withClassName(t.className() != null ? t.className() : "app.Outer$" + t.name().name()))
          .toList());
      byte[] withoutClassNames = SnapshotCodec.write(named.withoutClassNames()).getBytes(StandardCharsets.UTF_8);
      String expected =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(withoutClassNames), 0, 8);
      assertEquals(expected, SchemaHash.fromSnapshotText(SnapshotCodec.write(named)), SnapshotCodec.write(named));
      assertEquals(expected, SchemaHash.of(named));
    }
  }

  private static List<DiffCase> concat(List<DiffCase> first, List<DiffCase> second) {
    List<DiffCase> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  @Test
  void badInputNamesWhatIsWrong() {
    assertMessage("not valid JSON: ", "{");
    assertMessage(" at line 1, column 3", "{}}");
    assertMessage(
        "snapshot.formatVersion must be an integer, found NUMBER",
        "{\"formatVersion\": 1.0, \"enums\": {}, \"tables\": {}}");
    assertMessage(
        "snapshot.tables must be an object, found ARRAY", "{\"formatVersion\": 1, \"enums\": {}, \"tables\": []}");
    assertMessage("snapshot.formatVersion is missing", "{\"enums\": {}, \"tables\": {}}");
    assertMessage("formatVersion is 2", "{\"formatVersion\": 2, \"enums\": {}, \"tables\": {}}");
    assertMessage(
        "snapshot.tables.public.t.columns is missing",
        "{\"formatVersion\": 1, \"enums\": {}, \"tables\": {\"public.t\": {}}}");
    String text = SnapshotCodec.write(everything());
    assertMessage(
        "snapshot.tables.shop.orders.foreignKeys[0].onDelete is \"EXPLODE\"",
        text.replace("\"CASCADE\"", "\"EXPLODE\""));
    assertMessage(
        "snapshot.tables.public.users.columns[0].nullable must be true or false",
        text.replaceFirst("\"nullable\": false", "\"nullable\": 0"));
    assertMessage(
        "snapshot.tables.public.users.columns[0].name must be a string, found NUMBER",
        text.replaceFirst("\"name\": \"id\"", "\"name\": 2"));
    assertMessage(
        "snapshot.tables.public.users.primaryKey.columns[0] must be a string, found NULL",
        text.replaceFirst("\"columns\": \\[\n *\"id\"", "\"columns\": [null"));
    assertMessage(
        "snapshot.tables.shop.orders.columns[1].identityOptions.increment must be an integer, found NUMBER",
        text.replace("\"increment\": 5", "\"increment\": 5.5"));
    assertMessage("key \"t\" is not schema.name", "{\"formatVersion\": 1, \"enums\": {}, \"tables\": {\"t\": {}}}");
  }

  private static void assertMessage(String expected, String json) {
    SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.read(json));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
