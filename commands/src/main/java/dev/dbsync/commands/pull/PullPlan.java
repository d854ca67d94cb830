package dev.dbsync.commands.pull;

import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.ForeignKey;
import dev.dbsync.schema.model.IdentityOptions;
import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.schema.sql.SqlFragments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What {@code pull} writes for an introspected schema: which tables and enum types the annotations can declare
 * exactly (so that compiling the records gives back the same model), the Java names of each, and why the others
 * stay unmanaged. An enum type a declared table uses is declared too: {@code @EnumType} names it where its Java
 * name does not derive its name, and its schema where a table using it is in another. A table is declared only
 * whole: a table with one part the annotations cannot say (a foreign key to a table that is not declared, primary
 * key columns out of column order, an index key in a form the processor does not read back the same) would
 * compile to a different table, and verification would then fail every apply.
 *
 * @param snapshot the schema the generated records compile to: the managed part of the database, with class names
 */
record PullPlan(
    List<EnumPlan> enums,
    List<RecordPlan> records,
    Map<QualifiedName, List<String>> unmanagedTables,
    List<EnumType> unusedEnums,
    Schema snapshot) {

  /**
   * A Java enum for a PostgreSQL enum type; constants in label order, each with the label it stands for.
   *
   * @param explicitName whether {@code @EnumType} must name the type (the class name does not derive it)
   * @param explicitSchema whether {@code @EnumType} must name the schema (a table using the type is in another)
   */
  record EnumPlan(
      EnumType type, String className, List<Constant> constants, boolean explicitName, boolean explicitSchema) {}

  record Constant(String name, String label) {}

  /** A record for a table; components in column order. */
  record RecordPlan(Table table, String className, List<Component> components) {
    Component component(String column) {
      return components.stream().filter(c -> c.column().name().equals(column)).findFirst().orElseThrow();
    }
  }

  record Component(Column column, String name) {}

  /** Names that generated types in the package must not take: the Nullable annotation, java.lang's common types. */
  private static final Set<String> RESERVED_TYPES =
      Set.of("Nullable", "Object", "String", "Record", "Enum", "Integer", "Long", "Short", "Boolean", "Float",
          "Double", "Override", "Deprecated", "Class", "System", "Math", "Character", "Byte", "Number", "Void",
          "Iterable", "Comparable", "Exception", "Error", "Thread", "Runtime", "Process");

  static PullPlan of(Schema database, String packageName) {
    Set<String> takenTypes = new HashSet<>(RESERVED_TYPES);

    // a table is managed when each of its parts can be declared; its foreign keys need managed targets
    Map<QualifiedName, Table> candidates = new LinkedHashMap<>();
    Map<QualifiedName, List<String>> unmanaged = new TreeMap<>();
    for (Table table : database.tables()) {
      List<String> reasons = ownProblems(table);
      if (reasons.isEmpty()) {
        candidates.put(table.name(), table);
      } else {
        unmanaged.put(table.name(), reasons);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Table table : List.copyOf(candidates.values())) {
        List<String> reasons = referenceProblems(table, candidates);
        if (!reasons.isEmpty()) {
          candidates.remove(table.name());
          unmanaged.put(table.name(), reasons);
          changed = true;
        }
      }
    }

    Set<QualifiedName> usedEnums = new HashSet<>();
    Set<QualifiedName> usedFromOtherSchemas = new HashSet<>();
    for (Table table : candidates.values()) {
      for (Column column : table.columns()) {
        if (column.type() instanceof TypeRef.Enum e) {
          usedEnums.add(e.name());
          if (!e.name().schema().equals(table.name().schema())) {
            usedFromOtherSchemas.add(e.name());
          }
        }
      }
    }
    List<EnumPlan> enumPlans = new ArrayList<>();
    for (EnumType type : database.enums()) {
      if (usedEnums.contains(type.name())) {
        String className = unique(JavaNames.typeName(type.name().name()), takenTypes);
        enumPlans.add(new EnumPlan(type, className, constants(type),
            !JavaNames.derives(className, type.name().name()), usedFromOtherSchemas.contains(type.name())));
      }
    }
    Map<QualifiedName, String> classNames = recordNames(candidates.keySet(), takenTypes);
    List<RecordPlan> records = new ArrayList<>();
    for (Table table : candidates.values()) {
      records.add(new RecordPlan(table, classNames.get(table.name()), components(table)));
    }
    List<EnumType> unusedEnums =
        database.enums().stream().filter(e -> !usedEnums.contains(e.name())).toList();
    Schema snapshot =
        new Schema(
            enumPlans.stream().map(EnumPlan::type).toList(),
            records.stream().map(r -> r.table().withClassName(packageName + "." + r.className())).toList());
    return new PullPlan(enumPlans, records, unmanaged, unusedEnums, snapshot);
  }

  private static List<Constant> constants(EnumType type) {
    List<Constant> constants = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (String label : type.labels()) {
      constants.add(new Constant(unique(JavaNames.constantName(label), taken), label));
    }
    return constants;
  }

  /** What keeps {@code table} from being declared exactly, its references to other tables aside. */
  private static List<String> ownProblems(Table table) {
    List<String> reasons = new ArrayList<>();
    for (Column column : table.columns()) {
      if (!(column.type() instanceof TypeRef.Enum) && ColumnTypes.explicitSpelling(column.type().toString()) == null) {
        reasons.add(PullMessages.typeNotDeclarable(column.name(), column.type().toString()));
      }
      IdentityOptions options = column.identityOptions();
      if (Stream.of(options.start(), options.increment(), options.minValue(), options.maxValue(), options.cache())
          .anyMatch(value -> value != null && value == dev.dbsync.annotations.Identity.DEFAULT)) {
        reasons.add(PullMessages.identityOptionNotDeclarable(column.name()));
      }
    }
    if (table.primaryKey() != null) {
      List<String> declarationOrder =
          table.columns().stream().map(Column::name).filter(table.primaryKey().columns()::contains).toList();
      if (!declarationOrder.equals(table.primaryKey().columns())) {
        reasons.add(PullMessages.primaryKeyOrder(table.primaryKey().columns(), declarationOrder));
      }
    }
    for (Index index : table.indexes()) {
      for (String entry : index.columns()) {
        if (!isDeclarableKeyElement(table, entry)) {
          reasons.add(PullMessages.indexEntry(index.name(), entry));
        }
      }
      for (String parameter : index.with()) {
        if (!parameter.equals(Index.storageParameter(parameter))) {
          reasons.add(PullMessages.storageParameter(index.name(), parameter));
        }
      }
    }
    return reasons;
  }

  /**
   * Whether {@code @Index(columns = ...)} can say the key element so that the processor reads back exactly it: a
   * column, a column followed by options in the form the processor gives them, or an expression it accepts as one.
   */
  private static boolean isDeclarableKeyElement(Table table, String element) {
    if (table.column(element).isPresent()) {
      return true;
    }
    String column = Index.columnOf(element);
    if (column != null) {
      String options = Index.optionsOf(element);
      return table.column(column).isPresent() && options.equals(Index.keyOptions(options));
    }
    return SqlFragments.isCallOrParenthesized(element) && SqlFragments.problem(element) == null;
  }

  /** Foreign keys whose target is not declared, or whose target column no annotation can name. */
  private static List<String> referenceProblems(Table table, Map<QualifiedName, Table> managed) {
    List<String> reasons = new ArrayList<>();
    for (ForeignKey key : table.foreignKeys()) {
      Table target = managed.get(key.target());
      if (target == null) {
        reasons.add(PullMessages.referencesUnmanaged(key.name(), key.target()));
      } else if (!isUniqueKey(target, key.targetColumns())) {
        reasons.add(PullMessages.referencedColumnNotKey(key.name(), key.target(), key.targetColumns()));
      }
    }
    return reasons;
  }

  /**
   * What the processor accepts as a reference target, as PostgreSQL matches it (the same set of columns): the
   * primary key, a unique constraint or a full unique index.
   */
  private static boolean isUniqueKey(Table table, List<String> columns) {
    Set<String> wanted = Set.copyOf(columns);
    return (table.primaryKey() != null && Set.copyOf(table.primaryKey().columns()).equals(wanted))
        || table.uniques().stream().anyMatch(
            u -> u.columns().size() == columns.size() && Set.copyOf(u.columns()).equals(wanted))
        || table.indexes().stream().anyMatch(
            i -> i.unique() && i.where() == null && i.columns().size() == columns.size()
                && Set.copyOf(i.columns()).equals(wanted));
  }

  /**
   * One class per table, unique in the package: clashes (the same name in two schemas, a name an enum or the
   * metamodel of another record takes) get the schema as a prefix, then a number.
   */
  private static Map<QualifiedName, String> recordNames(Set<QualifiedName> tables, Set<String> takenTypes) {
    Map<QualifiedName, String> wanted = new LinkedHashMap<>();
    for (QualifiedName table : tables) {
      wanted.put(table, JavaNames.typeName(table.name()));
    }
    Set<String> metamodels = new HashSet<>();
    wanted.values().forEach(name -> metamodels.add(name + "Table"));
    Map<QualifiedName, String> result = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>(takenTypes);
    for (Map.Entry<QualifiedName, String> entry : wanted.entrySet()) {
      String name = entry.getValue();
      if (taken.contains(name) || metamodels.contains(name)) {
        name = JavaNames.typeName(entry.getKey().schema()) + name;
      }
      while (metamodels.contains(name)) {
        name = name + "Row";
      }
      name = unique(name, taken);
      metamodels.add(name + "Table");
      result.put(entry.getKey(), name);
    }
    return result;
  }

  /** Component names unique in the record, and so are the metamodel constants the processor derives from them. */
  private static List<Component> components(Table table) {
    Set<String> names = new HashSet<>();
    Set<String> constants = new HashSet<>(Set.of("TABLE"));
    List<Component> components = new ArrayList<>();
    for (Column column : table.columns()) {
      String name = JavaNames.componentName(column.name());
      while (names.contains(name) || constants.contains(JavaNames.metamodelConstant(name))) {
        name = name.endsWith("_") ? name + names.size() : name + "_";
      }
      names.add(name);
      constants.add(JavaNames.metamodelConstant(name));
      components.add(new Component(column, name));
    }
    return components;
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = name + i;
    }
    return candidate;
  }
}
