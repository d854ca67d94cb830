package dev.dbsync.roundtrip;

import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.model.CheckConstraint;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.ForeignKey;
import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.PrimaryKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.ReferentialAction;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.schema.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seeded generator of (before, after, renames) schema pairs for the round-trip property: every pair is a schema a
 * user could declare and an edit a user could make to it, so {@code diff(before, after)} must apply cleanly to
 * PostgreSQL and introspect back as {@code after}.
 */
final class RandomSchemas {
  /** A generated case. */
  record Pair(long seed, Schema before, Schema after, Intent intent, List<String> edits) {}

  private static final List<String> TYPES = List.of(
      "integer", "bigint", "smallint", "text", "character varying(40)", "numeric(12,2)", "boolean", "uuid",
      "timestamp with time zone", "date", "jsonb", "double precision");

  /** Defaults written in the form PostgreSQL prints them back, per type. */
  private static final Map<String, List<String>> DEFAULTS = Map.ofEntries(
      Map.entry("integer", List.of("0", "42")),
      Map.entry("bigint", List.of("0", "7")),
      Map.entry("smallint", List.of("1")),
      Map.entry("text", List.of("'x'::text", "'it''s'::text")),
      Map.entry("character varying(40)", List.of("'draft'::character varying")),
      Map.entry("numeric(12,2)", List.of("0", "1.5")),
      Map.entry("boolean", List.of("false", "true")),
      Map.entry("uuid", List.of("gen_random_uuid()")),
      Map.entry("timestamp with time zone", List.of("now()", "CURRENT_TIMESTAMP")),
      Map.entry("date", List.of("CURRENT_DATE")),
      Map.entry("jsonb", List.of("'{}'::jsonb")),
      Map.entry("double precision", List.of("0")));

  /** Type changes that keep every value (the differ must not call them destructive). */
  private static final Map<String, String> WIDENINGS = Map.of(
      "smallint", "integer",
      "integer", "bigint",
      "character varying(40)", "character varying(200)",
      "numeric(12,2)", "numeric(16,2)");

  private final Random random;
  private final long seed;
  private int counter;

  private RandomSchemas(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  static Pair pair(long seed) {
    return new RandomSchemas(seed).generate();
  }

  private Pair generate() {
    Schema before = schema();
    Map<QualifiedName, QualifiedName> tableRenames = new LinkedHashMap<>();
    Map<QualifiedName, Map<String, String>> columnRenames = new LinkedHashMap<>();
    Map<QualifiedName, Set<String>> droppedColumns = new LinkedHashMap<>();
    List<String> edits = new ArrayList<>();
    List<Table> tables = new ArrayList<>(before.tables());
    int steps = 1 + random.nextInt(4);
    for (int i = 0; i < steps; i++) {
      edit(tables, tableRenames, columnRenames, droppedColumns, edits);
    }
    Schema after = new Schema(List.of(), tables);
    return new Pair(seed, before, after, intent(tableRenames, columnRenames, droppedColumns), edits);
  }

  private static Intent intent(
      Map<QualifiedName, QualifiedName> tableRenames,
      Map<QualifiedName, Map<String, String>> columnRenames,
      Map<QualifiedName, Set<String>> droppedColumns) {
    Map<QualifiedName, List<QualifiedName>> tables = new HashMap<>();
    tableRenames.forEach((now, old) -> tables.put(now, List.of(old)));
    Map<QualifiedName, Map<String, List<String>>> columns = new HashMap<>();
    columnRenames.forEach((table, byColumn) -> {
      Map<String, List<String>> m = new HashMap<>();
      byColumn.forEach((now, old) -> m.put(now, List.of(old)));
      columns.put(table, m);
    });
    return new Intent(tables, columns, Map.of(), Set.of(), droppedColumns, Map.of());
  }

  private Schema schema() {
    int count = 1 + random.nextInt(4);
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tables.add(table(tables));
    }
    return new Schema(List.of(), tables);
  }

  private Table table(List<Table> existing) {
    String schema = random.nextInt(5) == 0 ? "app" : "public";
    QualifiedName name = QualifiedName.of(schema, "t" + (counter++));
    List<Column> columns = new ArrayList<>();
    columns.add(Column.of("id", TypeRef.builtin(random.nextBoolean() ? "bigint" : "uuid"), false));
    int extra = 1 + random.nextInt(5);
    for (int i = 0; i < extra; i++) {
      columns.add(column("c" + (counter++)));
    }
    PrimaryKey pk = new PrimaryKey(name.name() + "_pkey", List.of("id"));
    List<UniqueConstraint> uniques = new ArrayList<>();
    List<Index> indexes = new ArrayList<>();
    List<CheckConstraint> checks = new ArrayList<>();
    List<ForeignKey> fks = new ArrayList<>();
    Column second = columns.get(1);
    if (random.nextInt(3) == 0) {
      uniques.add(new UniqueConstraint(name.name() + "_" + second.name() + "_key", List.of(second.name())));
    } else if (random.nextInt(2) == 0) {
      indexes.add(new Index(name.name() + "_" + second.name() + "_idx", List.of(second.name()), false, "btree", null));
    }
    if (second.type().toString().equals("integer") && random.nextBoolean()) {
      checks.add(new CheckConstraint(name.name() + "_" + second.name() + "_check", second.name() + " >= 0"));
    }
    if (!existing.isEmpty() && random.nextBoolean()) {
      Table target = existing.get(random.nextInt(existing.size()));
      Column targetId = target.column("id").orElseThrow();
      String fkColumn = target.name().name() + "_id";
      columns.add(Column.of(fkColumn, targetId.type(), random.nextBoolean()));
      ReferentialAction onDelete = ReferentialAction.values()[random.nextInt(3)];
      fks.add(new ForeignKey(name.name() + "_" + fkColumn + "_fkey", List.of(fkColumn), target.name(),
          List.of("id"), onDelete, ReferentialAction.NO_ACTION));
    }
    return new Table(name, null, columns, pk, uniques, fks, indexes, checks);
  }

  private Column column(String name) {
    String type = TYPES.get(random.nextInt(TYPES.size()));
    boolean nullable = random.nextBoolean();
    String dflt = random.nextInt(3) == 0 ? pick(DEFAULTS.get(type)) : null;
    return Column.of(name, TypeRef.builtin(type), nullable).withDefault(dflt);
  }

  private void edit(
      List<Table> tables,
      Map<QualifiedName, QualifiedName> tableRenames,
      Map<QualifiedName, Map<String, String>> columnRenames,
      Map<QualifiedName, Set<String>> droppedColumns,
      List<String> edits) {
    int index = random.nextInt(tables.size());
    Table table = tables.get(index);
    boolean renamedAlready = tableRenames.containsKey(table.name());
    List<Column> columns = new ArrayList<>(table.columns());
    int kind = random.nextInt(9);
    switch (kind) {
      case 0 -> {
        Column added = column("c" + (counter++));
        if (!added.nullable() && added.defaultValue() == null) {
          added = added.withNullable(true);
        }
        columns.add(added);
        tables.set(index, table.withColumns(columns));
        edits.add("add column " + table.name() + "." + added.name());
      }
      case 1 -> {
        Column victim = plainColumn(table);
        if (victim == null || columnRenames.containsKey(table.name())) {
          return;
        }
        columns.remove(victim);
        tables.set(index, table.withColumns(columns));
        droppedColumns.computeIfAbsent(table.name(), t -> new TreeSet<>()).add(victim.name());
        edits.add("drop column " + table.name() + "." + victim.name());
      }
      case 2 -> {
        Column victim = plainColumn(table);
        if (victim == null || columnRenames.containsKey(table.name())) {
          return;
        }
        String newName = "r" + (counter++);
        columns.set(columns.indexOf(victim), victim.withName(newName));
        tables.set(index, table.withColumns(columns));
        columnRenames.put(table.name(), Map.of(newName, victim.name()));
        edits.add("rename column " + table.name() + "." + victim.name() + " to " + newName);
      }
      case 3 -> {
        Column victim = plainColumn(table);
        if (victim == null || !WIDENINGS.containsKey(victim.type().toString())) {
          return;
        }
        Column widened = victim.withType(TypeRef.builtin(WIDENINGS.get(victim.type().toString())));
        columns.set(columns.indexOf(victim), widened);
        tables.set(index, table.withColumns(columns));
        edits.add("widen " + table.name() + "." + victim.name() + " to " + widened.type());
      }
      case 4 -> {
        Column victim = plainColumn(table);
        if (victim == null) {
          return;
        }
        columns.set(columns.indexOf(victim), victim.withNullable(!victim.nullable()));
        tables.set(index, table.withColumns(columns));
        edits.add("toggle nullability of " + table.name() + "." + victim.name());
      }
      case 5 -> {
        Column victim = plainColumn(table);
        if (victim == null) {
          return;
        }
        List<String> options = DEFAULTS.get(victim.type().toString());
        String dflt = victim.defaultValue() == null ? pick(options) : null;
        columns.set(columns.indexOf(victim), victim.withDefault(dflt));
        tables.set(index, table.withColumns(columns));
        edits.add("set default of " + table.name() + "." + victim.name() + " to " + dflt);
      }
      case 6 -> {
        Column victim = plainColumn(table);
        if (victim == null) {
          return;
        }
        List<Index> indexes = new ArrayList<>(table.indexes());
        String indexName = table.name().name() + "_" + victim.name() + "_x" + (counter++);
        indexes.add(new Index(indexName, List.of(victim.name()), false, "btree", null));
        tables.set(index, new Table(table.name(), null, table.columns(), table.primaryKey(), table.uniques(),
            table.foreignKeys(), indexes, table.checks()));
        edits.add("add index " + indexName);
      }
      case 7 -> {
        if (renamedAlready || columnRenames.containsKey(table.name()) || droppedColumns.containsKey(table.name())) {
          return;
        }
        QualifiedName newName = QualifiedName.of(table.name().schema(), "n" + (counter++));
        tables.set(index, table.withName(newName));
        tables.replaceAll(t -> retarget(t, table.name(), newName));
        tableRenames.put(newName, table.name());
        edits.add("rename table " + table.name() + " to " + newName);
      }
      default -> {
        tables.add(table(tables));
        edits.add("add table " + tables.get(tables.size() - 1).name());
      }
    }
  }

  /** A column no key, constraint or index mentions, so any edit of it stays local; null when there is none. */
  private Column plainColumn(Table table) {
    List<Column> candidates = table.columns().stream()
        .filter(c -> !mentioned(table, c.name()))
        .toList();
    return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
  }

  private static boolean mentioned(Table table, String column) {
    return (table.primaryKey() != null && table.primaryKey().columns().contains(column))
        || table.uniques().stream().anyMatch(u -> u.columns().contains(column))
        || table.foreignKeys().stream().anyMatch(f -> f.columns().contains(column))
        || table.indexes().stream().anyMatch(i -> i.columns().contains(column))
        || table.checks().stream().anyMatch(c -> c.expression().contains(column));
  }

  private static Table retarget(Table table, QualifiedName from, QualifiedName to) {
    List<ForeignKey> fks = table.foreignKeys().stream()
        .map(f -> f.target().equals(from)
            ? new ForeignKey(f.name(), f.columns(), to, f.targetColumns(), f.onDelete(), f.onUpdate())
            : f)
        .toList();
    return new Table(table.name(), table.className(), table.columns(), table.primaryKey(), table.uniques(), fks,
        table.indexes(), table.checks());
  }

  private String pick(List<String> options) {
    return options.get(random.nextInt(options.size()));
  }
}
