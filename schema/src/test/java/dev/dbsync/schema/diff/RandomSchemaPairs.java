package dev.dbsync.schema.diff;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random schema pairs: a random schema and a random edit of it (columns added, dropped, renamed,
 * retyped, made nullable, defaults changed; tables renamed and dropped; constraints and indexes changed;
 * enum values added, renamed, removed, reordered; identity sequences' options and direction changed), over
 * scalar and array columns of built-in and enum types, with an {@link Intent} that declares every rename and
 * confirms every drop. The statements of each case are what the differ produces: there is no independent
 * expectation, so these cases are for properties and database round trips, not for golden SQL.
 */
public final class RandomSchemaPairs {
  private static final List<String> TYPES =
      List.of("integer", "bigint", "text", "character varying(20)", "boolean", "numeric(10,2)", "text[]",
          "integer[]");
  /** Sequence options of the {@code id} identity column: PostgreSQL's defaults, others, descending. */
  private static final List<IdentityOptions> SEQUENCES = List.of(IdentityOptions.DEFAULT,
      new IdentityOptions(100L, 5L, null, null, 10L, false),
      new IdentityOptions(null, 2L, null, 1_000_000L, null, true),
      new IdentityOptions(null, -1L, null, null, null, false));
  /** Type changes PostgreSQL performs on an empty table without a hand-written conversion. */
  private static final Map<String, String> RETYPES =
      Map.of("integer", "bigint", "bigint", "numeric(20,0)", "text", "character varying(20)",
          "character varying(20)", "text");

  private final Random random;
  private Intent intent = Intent.NONE;

  private RandomSchemaPairs(long seed) {
    random = new Random(seed);
  }

  public static List<DiffCase> generate(long seed, int count) {
    List<DiffCase> cases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RandomSchemaPairs pair = new RandomSchemaPairs(seed + i);
      Schema before = pair.schema();
      Schema after = pair.edit(before);
      SchemaDiff diff = SchemaDiffer.diff(before, after, pair.intent);
      cases.add(new DiffCase("seed " + (seed + i), before, after, pair.intent,
          DdlRenderer.statements(diff.changes())));
    }
    return cases;
  }

  private Schema schema() {
    List<EnumType> enums = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      enums.add(new EnumType(QualifiedName.parse("e" + i), List.of("a", "b", "c")));
    }
    List<Table> tables = new ArrayList<>();
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      String name = "t" + i;
      List<Column> columns = new ArrayList<>();
      columns.add(new Column("id", TypeRef.builtin("bigint"), false, null,
          random.nextInt(4) == 0 ? Identity.ALWAYS : Identity.BY_DEFAULT, null,
          SEQUENCES.get(random.nextInt(SEQUENCES.size()))));
      for (int c = 0; c <= random.nextInt(4); c++) {
        columns.add(column("c" + c, enums, false));
      }
      List<ForeignKey> keys = new ArrayList<>();
      if (i > 0 && random.nextBoolean()) {
        columns.add(Column.of("ref", TypeRef.builtin("bigint"), true));
        keys.add(new ForeignKey(name + "_ref_fkey", List.of("ref"), QualifiedName.parse("t" + random.nextInt(count)),
            List.of("id"), ReferentialAction.values()[random.nextInt(5)], ReferentialAction.NO_ACTION));
      }
      Column some = columns.get(1 + random.nextInt(columns.size() - 1));
      List<UniqueConstraint> uniques =
          random.nextInt(3) == 0
              ? List.of(new UniqueConstraint(name + "_" + some.name() + "_key", List.of(some.name())))
              : List.of();
      List<Index> indexes =
          random.nextInt(3) == 0
              ? List.of(new Index(name + "_" + some.name() + "_idx", List.of(some.name()), false,
                  random.nextBoolean() ? "btree" : "hash", random.nextBoolean() ? some.name() + " IS NOT NULL" : null))
              : List.of();
      List<CheckConstraint> checks =
          columns.stream()
              .filter(c -> c.type().equals(TypeRef.builtin("integer")) && random.nextBoolean())
              .limit(1)
              .map(c -> new CheckConstraint(name + "_" + c.name() + "_check", c.name() + " > 0"))
              .toList();
      tables.add(new Table(QualifiedName.parse(name), null, columns, new PrimaryKey(name + "_pkey", List.of("id")),
          uniques, keys, indexes, checks));
    }
    return new Schema(enums, tables);
  }

  /** A column; one added to an existing table is nullable or has a default. */
  private Column column(String name, List<EnumType> enums, boolean added) {
    boolean enumTyped = !enums.isEmpty() && random.nextInt(5) == 0;
    EnumType enumType = enumTyped ? enums.get(random.nextInt(enums.size())) : null;
    TypeRef type = !enumTyped ? TypeRef.builtin(TYPES.get(random.nextInt(TYPES.size())))
        : random.nextInt(3) == 0 ? TypeRef.enumArray(enumType.name()) : TypeRef.enumType(enumType.name());
    boolean nullable = random.nextBoolean();
    String defaultValue = random.nextInt(3) == 0 || added && !nullable ? defaultFor(type, enumType) : null;
    return new Column(name, type, nullable, defaultValue, Identity.NONE, null);
  }

  private static String defaultFor(TypeRef type, EnumType enumType) {
    if (enumType != null) {
      return enumDefault(type, enumType.labels());
    }
    return switch (((TypeRef.Builtin) type).canonical()) {
      case "integer", "bigint", "numeric(10,2)", "numeric(20,0)" -> "1";
      case "boolean" -> "false";
      case "text[]", "integer[]" -> "'{}'";
      default -> "'x'";
    };
  }

  /** The first label as a default: {@code 'a'}, or {@code '{a}'} for an array of the enum type. */
  private static String enumDefault(TypeRef type, List<String> labels) {
    return ((TypeRef.Enum) type).array() ? "'{" + labels.get(0) + "}'" : "'" + labels.get(0) + "'";
  }

  private Schema edit(Schema before) {
    Map<QualifiedName, EnumType> enums = new HashMap<>();
    for (EnumType type : before.enums()) {
      List<String> labels = new ArrayList<>(type.labels());
      switch (random.nextInt(6)) {
        case 0 -> labels.add("z");
        case 1 -> labels.add(0, "y");
        case 2 -> labels.remove(labels.size() - 1);
        case 3 -> Collections.reverse(labels);
        case 4 -> {
          labels.set(1, "bb");
          intent = intent.withEnumLabelRename(type.name(), "bb", "b");
        }
        default -> { }
      }
      enums.put(type.name(), new EnumType(type.name(), labels));
    }
    Map<QualifiedName, QualifiedName> newNames = new HashMap<>();
    for (Table table : before.tables()) {
      int choice = random.nextInt(6);
      if (choice == 0 && !table.name().name().equals("t0")) {
        intent = intent.withDroppedTable(table.name());
      } else {
        QualifiedName name = choice == 1 ? QualifiedName.parse(table.name().name() + "_r") : table.name();
        if (choice == 1) {
          intent = intent.withTableRename(name, table.name());
        }
        newNames.put(table.name(), name);
      }
    }
    List<Table> tables = new ArrayList<>();
    for (Table table : before.tables()) {
      if (newNames.containsKey(table.name())) {
        tables.add(editTable(table, newNames, enums));
      }
    }
    return new Schema(List.copyOf(enums.values()), tables);
  }

  private Table editTable(Table table, Map<QualifiedName, QualifiedName> newNames, Map<QualifiedName, EnumType> enums) {
    QualifiedName name = newNames.get(table.name());
    Map<String, String> renamed = new HashMap<>();
    List<Column> columns = new ArrayList<>();
    for (Column column : table.columns()) {
      if (column.name().equals("id")) {
        // a sequence's options changed (direction too) or kept
        columns.add(random.nextInt(3) == 0
            ? column.withIdentityOptions(SEQUENCES.get(random.nextInt(SEQUENCES.size()))) : column);
        continue;
      }
      if (column.name().equals("ref")) {
        columns.add(column);
        continue;
      }
      Column edited = column;
      switch (random.nextInt(10)) {
        case 0 -> {
          intent = intent.withDroppedColumn(name, column.name());
          continue;
        }
        case 1 -> {
          edited = column.withName(column.name() + "_r");
          intent = intent.withColumnRename(name, edited.name(), column.name());
        }
        case 2 -> edited = column.withNullable(column.defaultValue() != null && column.nullable() ? false : true);
        case 3 -> {
          if (column.type() instanceof TypeRef.Builtin builtin && RETYPES.containsKey(builtin.canonical())) {
            edited = column.withType(TypeRef.builtin(RETYPES.get(builtin.canonical())));
          }
        }
        case 4 -> edited = column.withNullable(true).withDefault(null);
        default -> { }
      }
      if (edited.type() instanceof TypeRef.Enum enumRef && edited.defaultValue() != null) {
        edited = edited.withDefault(enumDefault(enumRef, enums.get(enumRef.name()).labels()));
      }
      renamed.put(column.name(), edited.name());
      columns.add(edited);
    }
    if (random.nextInt(3) == 0) {
      columns.add(column("n" + random.nextInt(99), List.copyOf(enums.values()), true));
    }
    List<UniqueConstraint> uniques = new ArrayList<>();
    for (UniqueConstraint unique : table.uniques()) {
      String column = renamed.get(unique.columns().get(0));
      if (column != null && random.nextInt(4) != 0) {
        uniques.add(new UniqueConstraint(unique.name(), List.of(column)));
      }
    }
    List<Index> indexes = new ArrayList<>();
    for (Index index : table.indexes()) {
      String column = renamed.get(index.columns().get(0));
      if (column != null && random.nextInt(4) != 0) {
        indexes.add(new Index(index.name(), List.of(column), false, random.nextInt(4) == 0 ? "btree" : index.method(),
            index.where() == null ? null : column + " IS NOT NULL"));
      }
    }
    List<CheckConstraint> checks = new ArrayList<>();
    for (CheckConstraint check : table.checks()) {
      String column = renamed.get(check.expression().split(" ")[0]);
      if (column != null && random.nextInt(4) != 0) {
        checks.add(new CheckConstraint(check.name(), column + (random.nextBoolean() ? " > 0" : " > 1")));
      }
    }
    List<ForeignKey> keys = new ArrayList<>();
    for (ForeignKey key : table.foreignKeys()) {
      QualifiedName target = newNames.get(key.target());
      if (target != null && random.nextInt(4) != 0) {
        keys.add(new ForeignKey(key.name(), key.columns(), target, key.targetColumns(),
            random.nextInt(3) == 0 ? ReferentialAction.CASCADE : key.onDelete(), key.onUpdate()));
      }
    }
    return new Table(name, null, columns, table.primaryKey(), uniques, keys, indexes, checks);
  }
}
