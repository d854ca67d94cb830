package dev.dbsync.schema.snapshot;

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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The snapshot file {@code db/dbsync/schema.json}: pretty JSON with sorted keys, tables and enum types keyed
 * by {@code schema.name}, absent values left out, a trailing newline. Equal schemas give equal bytes, so the
 * file only changes in version control when the schema does.
 *
 * <pre>{@code
 * {"enums": {"public.status": ["draft", "live"]},
 *  "formatVersion": 1,
 *  "tables": {"public.posts": {
 *     "checks": [{"expression": "...", "name": "..."}],
 *     "className": "app.Post",                        // binary name; absent when read from a database
 *     "columns": [{"default": "now()", "generated": "...", "identity": "ALWAYS" | "BY_DEFAULT",
 *                  "identityOptions": {"cache": 20, "cycle": true, "increment": 5, "maxValue": 1000,
 *                                      "minValue": 10, "start": 100},  // only what is declared, if anything
 *                  "name": "created_at", "nullable": false,
 *                  "type": "timestamp with time zone"}, // or "enum": "public.status", and "array": true
 *                                                     // for an array of it (absent when false)
 *                 ...],                               // declaration order
 *     "foreignKeys": [{"columns": [...], "name": "...", "onDelete": "CASCADE", "onUpdate": "NO_ACTION",
 *                      "target": "public.profiles", "targetColumns": [...]}],
 *     "indexes": [{"columns": [...], "include": [...], "method": "btree", "name": "...", "unique": false,
 *                  "where": "...", "with": ["fillfactor=70"]}],     // include and with only when not empty
 *     "primaryKey": {"columns": [...], "name": "posts_pkey"},
 *     "uniques": [{"columns": [...], "name": "..."}]}}}
 * }</pre>
 */
public final class SnapshotCodec {
  public static final int FORMAT_VERSION = 1;

  private SnapshotCodec() {}

  public static String write(Schema schema) {
    Map<String, Object> root = new TreeMap<>();
    root.put("formatVersion", FORMAT_VERSION);
    Map<String, Object> enums = new TreeMap<>();
    for (EnumType type : schema.enums()) {
      enums.put(key(type.name()), type.labels());
    }
    root.put("enums", enums);
    Map<String, Object> tables = new TreeMap<>();
    for (Table table : schema.tables()) {
      tables.put(key(table.name()), table(table));
    }
    root.put("tables", tables);
    return Json.pretty(root) + "\n";
  }

  /** Reads a snapshot; throws {@link SnapshotFormatException} naming the first thing that is wrong. */
  public static Schema read(String json) {
    Object root;
    try {
      root = Json.parse(json);
    } catch (IllegalArgumentException e) {
      throw new SnapshotFormatException("not valid JSON: " + e.getMessage(), e);
    }
    Node node = new Node(root, "snapshot");
    int version = node.field("formatVersion").integer();
    if (version != FORMAT_VERSION) {
      throw new SnapshotFormatException(
          "formatVersion is " + version + ", this dbsync reads " + FORMAT_VERSION + ": upgrade dbsync");
    }
    List<EnumType> enums = new ArrayList<>();
    node.field("enums").forEachField((name, labels) -> enums.add(new EnumType(name, labels.strings())));
    List<Table> tables = new ArrayList<>();
    node.field("tables").forEachField((name, table) -> tables.add(table(name, table)));
    return new Schema(enums, tables);
  }

  private static String key(QualifiedName name) {
    // the key is split at its first dot when read back
    if (name.schema().contains(".")) {
      throw new IllegalArgumentException("schema name contains a dot: " + name.schema());
    }
    return name.toString();
  }

  private static Map<String, Object> table(Table table) {
    Map<String, Object> json = new TreeMap<>();
    putIfPresent(json, "className", table.className());
    json.put("columns", table.columns().stream().map(SnapshotCodec::column).toList());
    if (table.primaryKey() != null) {
      json.put("primaryKey", object("name", table.primaryKey().name(), "columns", table.primaryKey().columns()));
    }
    json.put("uniques", table.uniques().stream().map(u -> object("name", u.name(), "columns", u.columns())).toList());
    json.put("foreignKeys", table.foreignKeys().stream().map(SnapshotCodec::foreignKey).toList());
    json.put("indexes", table.indexes().stream().map(SnapshotCodec::index).toList());
    json.put("checks", table.checks().stream().map(c -> object("name", c.name(), "expression", c.expression())).toList());
    return json;
  }

  private static Map<String, Object> column(Column column) {
    Map<String, Object> json = new TreeMap<>();
    json.put("name", column.name());
    if (column.type() instanceof TypeRef.Enum e) {
      json.put("enum", key(e.name()));
      if (e.array()) {
        json.put("array", true);
      }
    } else {
      json.put("type", ((TypeRef.Builtin) column.type()).canonical());
    }
    json.put("nullable", column.nullable());
    putIfPresent(json, "default", column.defaultValue());
    if (column.identity() != Identity.NONE) {
      json.put("identity", column.identity().name());
    }
    if (!column.identityOptions().isDefault()) {
      json.put("identityOptions", identityOptions(column.identityOptions()));
    }
    putIfPresent(json, "generated", column.generated());
    return json;
  }

  private static Map<String, Object> identityOptions(IdentityOptions options) {
    Map<String, Object> json = new TreeMap<>();
    putIfPresent(json, "start", options.start());
    putIfPresent(json, "increment", options.increment());
    putIfPresent(json, "minValue", options.minValue());
    putIfPresent(json, "maxValue", options.maxValue());
    putIfPresent(json, "cache", options.cache());
    if (options.cycle()) {
      json.put("cycle", true);
    }
    return json;
  }

  private static Map<String, Object> foreignKey(ForeignKey fk) {
    Map<String, Object> json = object("name", fk.name(), "columns", fk.columns());
    json.put("target", key(fk.target()));
    json.put("targetColumns", fk.targetColumns());
    json.put("onDelete", fk.onDelete().name());
    json.put("onUpdate", fk.onUpdate().name());
    return json;
  }

  private static Map<String, Object> index(Index index) {
    Map<String, Object> json = object("name", index.name(), "columns", index.columns());
    json.put("unique", index.unique());
    json.put("method", index.method());
    putIfPresent(json, "where", index.where());
    if (!index.include().isEmpty()) {
      json.put("include", index.include());
    }
    if (!index.with().isEmpty()) {
      json.put("with", index.with());
    }
    return json;
  }

  private static Map<String, Object> object(String name, String nameValue, String key, Object value) {
    Map<String, Object> json = new TreeMap<>();
    json.put(name, nameValue);
    json.put(key, value);
    return json;
  }

  private static void putIfPresent(Map<String, Object> json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }

  private static Table table(QualifiedName name, Node json) {
    Node pk = json.optional("primaryKey");
    return new Table(
        name,
        json.optionalText("className"),
        json.field("columns").elements(SnapshotCodec::column),
        pk == null ? null : new PrimaryKey(pk.field("name").text(), pk.field("columns").strings()),
        json.field("uniques").elements(u -> new UniqueConstraint(u.field("name").text(), u.field("columns").strings())),
        json.field("foreignKeys").elements(SnapshotCodec::foreignKey),
        json.field("indexes").elements(SnapshotCodec::index),
        json.field("checks").elements(c -> new CheckConstraint(c.field("name").text(), c.field("expression").text())));
  }

  private static Column column(Node json) {
    String enumName = json.optionalText("enum");
    boolean array = json.optional("array") != null && json.field("array").bool();
    TypeRef type =
        enumName != null
            ? new TypeRef.Enum(QualifiedName.parse(enumName), array)
            : TypeRef.builtin(json.field("type").text());
    String identity = json.optionalText("identity");
    return new Column(
        json.field("name").text(),
        type,
        json.field("nullable").bool(),
        json.optionalText("default"),
        identity == null ? Identity.NONE : json.field("identity").constant(Identity.class),
        json.optionalText("generated"),
        json.optional("identityOptions") == null ? IdentityOptions.DEFAULT
            : identityOptions(json.field("identityOptions")));
  }

  private static IdentityOptions identityOptions(Node json) {
    Node cycle = json.optional("cycle");
    return new IdentityOptions(
        json.optionalLong("start"),
        json.optionalLong("increment"),
        json.optionalLong("minValue"),
        json.optionalLong("maxValue"),
        json.optionalLong("cache"),
        cycle != null && cycle.bool());
  }

  private static ForeignKey foreignKey(Node json) {
    try {
      return new ForeignKey(
          json.field("name").text(),
          json.field("columns").strings(),
          QualifiedName.parse(json.field("target").text()),
          json.field("targetColumns").strings(),
          json.field("onDelete").constant(ReferentialAction.class),
          json.field("onUpdate").constant(ReferentialAction.class));
    } catch (IllegalArgumentException e) {
      throw new SnapshotFormatException(json.path + ": " + e.getMessage(), e);
    }
  }

  private static Index index(Node json) {
    return new Index(
        json.field("name").text(),
        json.field("columns").strings(),
        json.field("unique").bool(),
        json.field("method").text(),
        json.optionalText("where"),
        json.optional("include") == null ? List.of() : json.field("include").strings(),
        json.optional("with") == null ? List.of() : json.field("with").strings());
  }

  /** A value {@link Json#parse} returned and the path that leads to it, for messages. */
  private record Node(Object json, String path) {
    Node field(String name) {
      Object value = get(name);
      if (value == null) {
        throw new SnapshotFormatException(path + "." + name + " is missing");
      }
      return new Node(value, path + "." + name);
    }

    Node optional(String name) {
      Object value = get(name);
      return value == null ? null : new Node(value, path + "." + name);
    }

    /** The field's value, null when absent, JSON null, or this is not an object. */
    private Object get(String name) {
      return json instanceof Map<?, ?> object ? object.get(name) : null;
    }

    String optionalText(String name) {
      Node value = optional(name);
      return value == null ? null : value.text();
    }

    Long optionalLong(String name) {
      Node value = optional(name);
      return value == null ? null : value.longValue();
    }

    String text() {
      if (!(json instanceof String text)) {
        throw wrong("a string");
      }
      return text;
    }

    int integer() {
      // a whole number written without fraction or scaling exponent (1, not 1.0 or 1e2), in int range
      if (!(json instanceof BigDecimal number && BigDecimal.valueOf(number.intValue()).equals(number))) {
        throw wrong("an integer");
      }
      return number.intValue();
    }

    long longValue() {
      // as integer(), in long range
      if (!(json instanceof BigDecimal number && BigDecimal.valueOf(number.longValue()).equals(number))) {
        throw wrong("an integer");
      }
      return number.longValue();
    }

    boolean bool() {
      if (!(json instanceof Boolean bool)) {
        throw wrong("true or false");
      }
      return bool;
    }

    <E extends Enum<E>> E constant(Class<E> type) {
      String text = text();
      try {
        return Enum.valueOf(type, text);
      } catch (IllegalArgumentException e) {
        throw new SnapshotFormatException(
            path + " is \"" + text + "\", expected one of " + List.of(type.getEnumConstants()));
      }
    }

    List<String> strings() {
      return elements(Node::text);
    }

    <T> List<T> elements(java.util.function.Function<Node, T> reader) {
      if (!(json instanceof List<?> array)) {
        throw wrong("an array");
      }
      List<T> items = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        items.add(reader.apply(new Node(array.get(i), path + "[" + i + "]")));
      }
      return items;
    }

    void forEachField(java.util.function.BiConsumer<QualifiedName, Node> action) {
      if (!(json instanceof Map<?, ?> object)) {
        throw wrong("an object");
      }
      for (Map.Entry<?, ?> entry : object.entrySet()) {
        String key = (String) entry.getKey();
        if (!key.contains(".")) {
          throw new SnapshotFormatException(path + ": key \"" + key + "\" is not schema.name");
        }
        action.accept(QualifiedName.parse(key), new Node(entry.getValue(), path + "." + key));
      }
    }

    private SnapshotFormatException wrong(String expected) {
      return new SnapshotFormatException(path + " must be " + expected + ", found " + type());
    }

    /** The JSON type in the words Jackson's node types used. */
    private String type() {
      if (json instanceof Map) {
        return "OBJECT";
      } else if (json instanceof List) {
        return "ARRAY";
      } else if (json instanceof String) {
        return "STRING";
      } else if (json instanceof BigDecimal) {
        return "NUMBER";
      } else if (json instanceof Boolean) {
        return "BOOLEAN";
      }
      return "NULL";
    }
  }
}
