package dev.dbsync.schema.diff;

import static dev.dbsync.schema.sql.Identifiers.quote;

import dev.dbsync.schema.diff.SchemaChange.CheckAdded;
import dev.dbsync.schema.diff.SchemaChange.CheckDropped;
import dev.dbsync.schema.diff.SchemaChange.ColumnAdded;
import dev.dbsync.schema.diff.SchemaChange.ColumnDropped;
import dev.dbsync.schema.diff.SchemaChange.ColumnRenamed;
import dev.dbsync.schema.diff.SchemaChange.ColumnTypeChanged;
import dev.dbsync.schema.diff.SchemaChange.ConstraintRenamed;
import dev.dbsync.schema.diff.SchemaChange.DefaultDropped;
import dev.dbsync.schema.diff.SchemaChange.DefaultSet;
import dev.dbsync.schema.diff.SchemaChange.EnumColumn;
import dev.dbsync.schema.diff.SchemaChange.EnumCreated;
import dev.dbsync.schema.diff.SchemaChange.EnumDropped;
import dev.dbsync.schema.diff.SchemaChange.EnumRecreated;
import dev.dbsync.schema.diff.SchemaChange.EnumRenamed;
import dev.dbsync.schema.diff.SchemaChange.EnumValueAdded;
import dev.dbsync.schema.diff.SchemaChange.EnumValueRenamed;
import dev.dbsync.schema.diff.SchemaChange.ForeignKeyAdded;
import dev.dbsync.schema.diff.SchemaChange.ForeignKeyDropped;
import dev.dbsync.schema.diff.SchemaChange.GeneratedExpressionDropped;
import dev.dbsync.schema.diff.SchemaChange.IdentityAdded;
import dev.dbsync.schema.diff.SchemaChange.IdentityChanged;
import dev.dbsync.schema.diff.SchemaChange.IdentityDropped;
import dev.dbsync.schema.diff.SchemaChange.IdentityOptionsChanged;
import dev.dbsync.schema.diff.SchemaChange.IndexCreated;
import dev.dbsync.schema.diff.SchemaChange.IndexDropped;
import dev.dbsync.schema.diff.SchemaChange.IndexRenamed;
import dev.dbsync.schema.diff.SchemaChange.NotNullAdded;
import dev.dbsync.schema.diff.SchemaChange.NotNullDropped;
import dev.dbsync.schema.diff.SchemaChange.PrimaryKeyAdded;
import dev.dbsync.schema.diff.SchemaChange.PrimaryKeyDropped;
import dev.dbsync.schema.diff.SchemaChange.SchemaCreated;
import dev.dbsync.schema.diff.SchemaChange.TableCreated;
import dev.dbsync.schema.diff.SchemaChange.TableDropped;
import dev.dbsync.schema.diff.SchemaChange.TableRenamed;
import dev.dbsync.schema.diff.SchemaChange.UniqueAdded;
import dev.dbsync.schema.diff.SchemaChange.UniqueDropped;
import dev.dbsync.schema.model.CheckConstraint;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.ForeignKey;
import dev.dbsync.schema.model.Identity;
import dev.dbsync.schema.model.IdentityOptions;
import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.PrimaryKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.schema.model.UniqueConstraint;
import dev.dbsync.schema.sql.SqlDefaults;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes the changes from one schema to another. Renames are taken only from the {@link Intent}; an element
 * that disappears next to a similar new one without a declared rename or a confirmed drop is an error, never
 * a guess. Iteration is over sorted names throughout, so equal inputs give equal output.
 */
public final class SchemaDiffer {
  private final Schema from;
  private final Schema to;
  private final Intent intent;
  private final List<SchemaChange> changes = new ArrayList<>();
  private final List<DiffProblem> problems = new ArrayList<>();

  /** New table name to the table it was before; unmatched tables are created or dropped. */
  private final Map<QualifiedName, Table> formerTables = new TreeMap<>();
  /** Old table name to its new name. */
  private final Map<QualifiedName, QualifiedName> newTableNames = new TreeMap<>();
  /** Old table name to (old column name to new column name), for matched tables. */
  private final Map<QualifiedName, Map<String, String>> newColumnNames = new TreeMap<>();
  /**
   * New table name to columns whose type changes (also to a recreated enum) or that are re-added: their
   * indexes, checks and foreign keys are dropped before and created again after.
   */
  private final Map<QualifiedName, Set<String>> reshapedColumns = new TreeMap<>();
  /** Old enum type name to its new name, for enum types renamed or moved. */
  private final Map<QualifiedName, QualifiedName> newEnumNames = new TreeMap<>();
  /** Enum types recreated, to the columns they convert. */
  private final Map<QualifiedName, EnumRecreatedPlan> recreatedEnums = new TreeMap<>();
  /** Keys (old table name, old column names) whose constraint or unique index is dropped. */
  private final Set<KeyRef> droppedKeys = new HashSet<>();

  private record KeyRef(QualifiedName table, Set<String> columns) {}

  /**
   * Columns (new table name, column name) and tables (column null) an ambiguity error is about, the added and
   * the vanished side: that error is the one message of the mistake, so no NOT NULL error for the added column
   * and no destructive warning for the vanished one is added to it.
   */
  private final Set<ColumnRef> ambiguous = new HashSet<>();

  private record ColumnRef(QualifiedName table, String column) {}

  private record EnumRecreatedPlan(EnumType from, EnumType to, List<EnumColumn> columns) {}

  private SchemaDiffer(Schema from, Schema to, Intent intent) {
    this.from = from;
    this.to = to;
    this.intent = intent;
  }

  public static SchemaDiff diff(Schema from, Schema to, Intent intent) {
    return new SchemaDiffer(from, to, intent).run();
  }

  private SchemaDiff run() {
    createSchemas();
    matchTables();
    diffEnums();
    formerTables.forEach((name, former) -> matchColumns(former, to.table(name).orElseThrow()));
    formerTables.forEach((name, former) -> diffColumns(former, to.table(name).orElseThrow()));
    recreatedEnums.values()
        .forEach(plan -> changes.add(new EnumRecreated(plan.from(), plan.to(), plan.columns())));
    formerTables.forEach((name, former) -> diffKeys(former, to.table(name).orElseThrow()));
    formerTables.forEach((name, former) -> diffForeignKeys(former, to.table(name).orElseThrow()));
    inDependencyOrder(
            to.tables().stream().filter(t -> !formerTables.containsKey(t.name())).toList())
        .forEach(this::createTable);
    for (Table table : from.tables()) {
      if (!newTableNames.containsKey(table.name())) {
        dropTable(table);
      }
    }
    List<SchemaChange> ordered = DdlRenderer.ordered(changes);
    for (SchemaChange change : ordered) {
      if (change.destructive() && !partOfAmbiguity(change)) {
        problems.add(DiffProblem.warning(warningTable(change), warningColumn(change),
            DiffMessages.destructive(change.description())));
      }
    }
    return new SchemaDiff(ordered, problems);
  }

  private void createSchemas() {
    Set<String> existing = schemasOf(from);
    schemasOf(to).stream()
        .filter(schema -> !existing.contains(schema) && !schema.equals(QualifiedName.DEFAULT_SCHEMA))
        .forEach(schema -> changes.add(new SchemaCreated(schema)));
  }

  private static Set<String> schemasOf(Schema schema) {
    Set<String> names = new TreeSet<>();
    schema.tables().forEach(table -> names.add(table.name().schema()));
    schema.enums().forEach(type -> names.add(type.name().schema()));
    return names;
  }

  // ---- tables

  private void matchTables() {
    Map<QualifiedName, List<QualifiedName>> claims = new TreeMap<>();
    for (Table table : to.tables()) {
      // A declared former name that is gone is a rename, even onto the name of a table that is dropped;
      // one that is absent happened in an earlier migration.
      Optional<QualifiedName> renamedFrom =
          intent.formerTableNames(table.name()).stream()
              .filter(former -> from.table(former).isPresent() && to.table(former).isEmpty())
              .findFirst();
      if (renamedFrom.isPresent()) {
        claims.computeIfAbsent(renamedFrom.get(), k -> new ArrayList<>()).add(table.name());
      } else {
        from.table(table.name()).ifPresent(former -> match(former, table.name()));
      }
    }
    claims.forEach(
        (former, claimants) -> {
          if (claimants.size() == 1) {
            match(from.table(former).orElseThrow(), claimants.get(0));
          } else {
            claimants.forEach(claimant -> problems.add(DiffProblem.error(claimant, null,
                DiffMessages.duplicateTableRename(former, claimants))));
          }
        });
    for (Table added : to.tables()) {
      if (formerTables.containsKey(added.name())) {
        continue;
      }
      for (Table removed : from.tables()) {
        if (newTableNames.containsKey(removed.name())
            || intent.droppedTables().contains(removed.name())) {
          continue;
        }
        List<String> shared = sharedColumns(removed, added);
        // A new table sharing half the columns of a vanished one in the same schema (or its very name
        // in another schema) may be that table renamed or moved.
        boolean similar =
            !shared.isEmpty()
                && (removed.name().schema().equals(added.name().schema())
                        && 2 * shared.size() >= removed.columns().size()
                    || removed.name().name().equals(added.name().name()));
        if (similar) {
          problems.add(DiffProblem.error(added.name(), null,
              DiffMessages.ambiguousTable(added.name(), removed.name(), shared)));
          ambiguous.add(new ColumnRef(removed.name(), null));
        }
      }
    }
  }

  private void match(Table former, QualifiedName newName) {
    formerTables.put(newName, former);
    newTableNames.put(former.name(), newName);
  }

  private static List<String> sharedColumns(Table a, Table b) {
    return a.columns().stream().map(Column::name).filter(name -> b.column(name).isPresent()).toList();
  }

  /**
   * New tables, each after the new tables it references (ties and cycles by name): foreign keys are added
   * after all tables anyway, but a migration reads better that way.
   */
  private static List<Table> inDependencyOrder(List<Table> tables) {
    Map<QualifiedName, Table> pending = new TreeMap<>();
    tables.forEach(table -> pending.put(table.name(), table));
    List<Table> ordered = new ArrayList<>();
    while (!pending.isEmpty()) {
      Table next =
          pending.values().stream()
              .filter(table -> table.foreignKeys().stream()
                  .allMatch(key -> key.target().equals(table.name()) || !pending.containsKey(key.target())))
              .findFirst()
              .orElse(pending.values().iterator().next());
      ordered.add(next);
      pending.remove(next.name());
    }
    return ordered;
  }

  private void createTable(Table table) {
    changes.add(new TableCreated(table));
    table.indexes().forEach(index -> changes.add(new IndexCreated(table.name(), index)));
    table.foreignKeys().forEach(key -> changes.add(new ForeignKeyAdded(table.name(), key)));
  }

  private void dropTable(Table table) {
    changes.add(new TableDropped(table));
    // Its foreign keys go with it, except where another drop needs them gone first: a dropped table
    // referencing it (cycles among dropped tables) or a dropped key they depend on.
    for (ForeignKey key : table.foreignKeys()) {
      boolean targetDropped =
          !key.target().equals(table.name()) && !newTableNames.containsKey(key.target())
              && from.table(key.target()).isPresent();
      if (targetDropped || droppedKeys.contains(new KeyRef(key.target(), Set.copyOf(key.targetColumns())))) {
        changes.add(new ForeignKeyDropped(table.name(), key));
      }
    }
  }

  // ---- enums

  private void diffEnums() {
    matchEnums();
    Map<QualifiedName, QualifiedName> formerNames = new TreeMap<>();
    newEnumNames.forEach((old, renamed) -> formerNames.put(renamed, old));
    for (EnumType type : to.enums()) {
      from.enumType(formerNames.getOrDefault(type.name(), type.name()))
          .ifPresentOrElse(former -> diffLabels(former, type), () -> changes.add(new EnumCreated(type)));
    }
    for (EnumType type : from.enums()) {
      if (!newEnumNames.containsKey(type.name()) && to.enumType(type.name()).isEmpty()) {
        changes.add(new EnumDropped(type));
      }
    }
  }

  /**
   * Pairs renamed enum types by their declared former names, as tables are paired. Unlike a table, a type
   * cannot be renamed onto the name of one that is dropped (that drop comes last, after the columns left it):
   * a new type whose name is taken keeps it. A type that vanishes next to a new one without a declared rename is
   * dropped and the new one created; the columns that move from one to the other convert through text, keeping
   * every value whose label the new type has.
   */
  private void matchEnums() {
    Map<QualifiedName, List<QualifiedName>> claims = new TreeMap<>();
    for (EnumType type : to.enums()) {
      if (from.enumType(type.name()).isPresent()) {
        continue;
      }
      intent.formerEnumNames(type.name()).stream()
          .filter(former -> from.enumType(former).isPresent() && to.enumType(former).isEmpty())
          .findFirst()
          .ifPresent(former -> claims.computeIfAbsent(former, k -> new ArrayList<>()).add(type.name()));
    }
    claims.forEach(
        (former, claimants) -> {
          if (claimants.size() == 1) {
            newEnumNames.put(former, claimants.get(0));
            changes.add(new EnumRenamed(former, claimants.get(0)));
          } else {
            claimants.forEach(claimant -> problems.add(DiffProblem.error(claimant, null,
                DiffMessages.duplicateEnumRename(former, claimants))));
          }
        });
  }

  /** {@code type} of a column of the old schema, naming its enum type as the new schema does. */
  private TypeRef inNewNames(TypeRef type) {
    return type instanceof TypeRef.Enum e && newEnumNames.containsKey(e.name())
        ? e.withName(newEnumNames.get(e.name()))
        : type;
  }

  private void diffLabels(EnumType former, EnumType type) {
    QualifiedName name = type.name();
    Map<String, List<String>> claims = new TreeMap<>();
    new TreeMap<>(intent.labelRenames(name)).forEach(
        (label, formerLabels) -> {
          if (!former.labels().contains(label)) {
            formerLabels.stream()
                .filter(old -> former.labels().contains(old) && !type.labels().contains(old))
                .findFirst()
                .ifPresent(old -> claims.computeIfAbsent(old, k -> new ArrayList<>()).add(label));
          }
        });
    Map<String, String> renamed = new LinkedHashMap<>();
    claims.forEach(
        (old, claimants) -> {
          if (claimants.size() == 1) {
            renamed.put(old, claimants.get(0));
            changes.add(new EnumValueRenamed(name, old, claimants.get(0)));
          } else {
            problems.add(DiffProblem.error(name, null,
                DiffMessages.duplicateLabelRename(name, old, claimants)));
          }
        });
    List<String> current = former.labels().stream().map(l -> renamed.getOrDefault(l, l)).toList();
    if (current.equals(type.labels())) {
      return;
    }
    if (isSubsequence(current, type.labels())) {
      addLabels(former.name(), current, type.labels(), renamed);
    } else {
      recreatedEnums.put(
          name, new EnumRecreatedPlan(new EnumType(name, current), type, new ArrayList<>()));
    }
  }

  /**
   * One {@code ADD VALUE} per new label, positioned after its predecessor (or before its successor when it
   * comes first). These run before the renames, so a neighbour is named as it was before them, and the type too
   * ({@code name} is its former name).
   */
  private void addLabels(
      QualifiedName name, List<String> current, List<String> labels, Map<String, String> renamed) {
    Map<String, String> formerNames = new TreeMap<>();
    renamed.forEach((old, label) -> formerNames.put(label, old));
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      if (current.contains(label)) {
        continue;
      }
      if (i == labels.size() - 1) {
        changes.add(new EnumValueAdded(name, label, null, null));
      } else if (i > 0) {
        String previous = labels.get(i - 1);
        changes.add(new EnumValueAdded(name, label, null, formerNames.getOrDefault(previous, previous)));
      } else {
        String next = labels.stream().filter(current::contains).findFirst().orElseThrow();
        changes.add(new EnumValueAdded(name, label, formerNames.getOrDefault(next, next), null));
      }
    }
  }

  private static boolean isSubsequence(List<String> part, List<String> whole) {
    int next = 0;
    for (String item : whole) {
      if (next < part.size() && part.get(next).equals(item)) {
        next++;
      }
    }
    return next == part.size();
  }

  // ---- columns

  private void matchColumns(Table former, Table table) {
    Map<String, String> newNames = new TreeMap<>();
    Map<String, List<String>> claims = new TreeMap<>();
    for (Column column : table.columns()) {
      // As for tables: a gone former name is a rename (perhaps onto a dropped column's name), an absent
      // one happened in an earlier migration.
      Optional<String> renamedFrom =
          intent.formerColumnNames(table.name(), column.name()).stream()
              .filter(old -> former.column(old).isPresent() && table.column(old).isEmpty())
              .findFirst();
      if (renamedFrom.isPresent()) {
        claims.computeIfAbsent(renamedFrom.get(), k -> new ArrayList<>()).add(column.name());
      } else if (former.column(column.name()).isPresent()) {
        newNames.put(column.name(), column.name());
      }
    }
    claims.forEach(
        (old, claimants) -> {
          if (claimants.size() == 1) {
            newNames.put(old, claimants.get(0));
          } else {
            claimants.forEach(claimant -> problems.add(DiffProblem.error(table.name(), claimant,
                DiffMessages.duplicateColumnRename(table.name(), old, claimants))));
          }
        });
    newColumnNames.put(former.name(), newNames);
    for (Column added : table.columns()) {
      if (newNames.containsValue(added.name())) {
        continue;
      }
      for (Column removed : former.columns()) {
        if (!newNames.containsKey(removed.name())
            && !intent.columnDropConfirmed(table.name(), removed.name())
            && TypeConversion.compatible(removed.type(), added.type())) {
          problems.add(DiffProblem.error(table.name(), added.name(),
              DiffMessages.ambiguousColumn(table.name(), added.name(), removed.name())));
          ambiguous.add(new ColumnRef(table.name(), added.name()));
          ambiguous.add(new ColumnRef(former.name(), removed.name()));
        }
      }
    }
  }

  private void diffColumns(Table former, Table table) {
    if (!former.name().equals(table.name())) {
      changes.add(new TableRenamed(former.name(), table.name()));
    }
    Map<String, String> newNames = newColumnNames.get(former.name());
    Set<String> retyped = new TreeSet<>();
    newNames.forEach((oldName, newName) -> {
      TypeRef oldType = inNewNames(former.column(oldName).orElseThrow().type());
      if (!oldType.equals(table.column(newName).orElseThrow().type())) {
        retyped.add(newName);
      }
    });
    for (Column old : former.columns()) {
      String newName = newNames.get(old.name());
      if (newName == null) {
        changes.add(new ColumnDropped(former.name(), old));
      } else {
        diffColumn(former.name(), table.name(), old.withType(inNewNames(old.type())),
            table.column(newName).orElseThrow(), retyped);
      }
    }
    for (Column column : table.columns()) {
      if (!newNames.containsValue(column.name())) {
        addColumn(table.name(), column);
      }
    }
  }

  private void addColumn(QualifiedName table, Column column) {
    changes.add(new ColumnAdded(table, column));
    boolean filled =
        column.nullable()
            || column.defaultValue() != null
            || column.identity() != Identity.NONE
            || column.generated() != null;
    if (!filled && !ambiguous.contains(new ColumnRef(table, column.name()))) {
      problems.add(DiffProblem.error(table, column.name(),
          DiffMessages.notNullWithoutDefault(table, column.name())));
    }
  }

  /** @param retyped columns of the table whose type changes (new names) */
  private void diffColumn(
      QualifiedName formerTable, QualifiedName table, Column old, Column column, Set<String> retyped) {
    String name = column.name();
    if (column.generated() != null
        && (!SqlDefaults.equivalent(old.generated(), column.generated(), null)
            || mentions(column.generated(), retyped))) {
      // PostgreSQL can neither change a generation expression in place nor the type of a column one
      // uses: the column is computed anew.
      changes.add(new ColumnDropped(formerTable, old));
      changes.add(new ColumnAdded(table, column));
      reshaped(table).add(name);
      return;
    }
    if (!old.name().equals(name)) {
      changes.add(new ColumnRenamed(table, old.name(), name));
    }
    if (old.generated() != null && column.generated() == null) {
      changes.add(new GeneratedExpressionDropped(table, name));
    }
    if (reversesIdentity(old, column)) {
      // PostgreSQL refuses the options without a RESTART: the sequence's position lies outside the other
      // direction's bounds. A new sequence continues from the values the column holds instead.
      changes.add(new IdentityDropped(table, name));
      changes.add(new IdentityAdded(table, name, column.identity(), column.identityOptions()));
    } else {
      if (old.identity() != column.identity()) {
        if (old.identity() == Identity.NONE) {
          changes.add(new IdentityAdded(table, name, column.identity(), column.identityOptions()));
        } else if (column.identity() == Identity.NONE) {
          changes.add(new IdentityDropped(table, name));
        } else {
          changes.add(new IdentityChanged(table, name, column.identity()));
        }
      }
      if (old.identity() != Identity.NONE && column.identity() != Identity.NONE) {
        // A type change moves the sequence's bounds that were the old type's limits to the new type's, as
        // PostgreSQL does: the options before are read on the new type.
        IdentityOptions before = old.withType(column.type()).identityOptions();
        if (!before.equals(column.identityOptions())) {
          changes.add(new IdentityOptionsChanged(table, name, column.type(), before, column.identityOptions()));
        }
      }
    }
    boolean defaultHandled = true;
    if (!old.type().equals(column.type())) {
      changeType(table, old, column);
    } else if (column.type() instanceof TypeRef.Enum e && recreatedEnums.containsKey(e.name())) {
      recreatedEnums.get(e.name()).columns()
          .add(new EnumColumn(table, name, e.array(), old.defaultValue(), column.defaultValue()));
      // Indexes and checks comparing it with labels of the old type must be rebuilt on the new one.
      reshaped(table).add(name);
    } else {
      defaultHandled = false;
    }
    if (!defaultHandled && !SqlDefaults.equivalent(old.defaultValue(), column.defaultValue(), column.type())) {
      changes.add(column.defaultValue() == null
          ? new DefaultDropped(table, name)
          : new DefaultSet(table, name, column.defaultValue()));
    }
    if (old.nullable() != column.nullable()) {
      changes.add(column.nullable() ? new NotNullDropped(table, name) : new NotNullAdded(table, name));
    }
  }

  /** Whether an identity stays one but its sequence turns from ascending to descending or back. */
  private static boolean reversesIdentity(Column old, Column column) {
    return old.identity() != Identity.NONE && column.identity() != Identity.NONE
        && old.identityOptions().step() > 0 != column.identityOptions().step() > 0;
  }

  private void changeType(QualifiedName table, Column old, Column column) {
    TypeConversion conversion = TypeConversion.of(old.type(), column.type());
    if (!conversion.possible()) {
      problems.add(DiffProblem.error(table, column.name(),
          DiffMessages.noCast(table, column.name(), old.type(), column.type())));
    }
    String using =
        conversion.needsUsing()
            ? TypeConversion.usingExpression(
                quote(column.name()), old.type(), DdlRenderer.type(column.type()))
            : null;
    // no DROP DEFAULT / SET DEFAULT churn when the default stays what it is and stays valid for the new type
    boolean defaultStays = TypeConversion.keepsDefault(old.type(), column.type())
        && SqlDefaults.equivalent(old.defaultValue(), column.defaultValue(), column.type());
    changes.add(new ColumnTypeChanged(table, column.name(), old.type(), column.type(), using,
        defaultStays ? null : old.defaultValue(), defaultStays ? null : column.defaultValue(),
        !conversion.lossless()));
    reshaped(table).add(column.name());
  }

  private Set<String> reshaped(QualifiedName table) {
    return reshapedColumns.computeIfAbsent(table, k -> new TreeSet<>());
  }

  // ---- keys, checks, indexes

  private void diffKeys(Table former, Table table) {
    QualifiedName oldName = former.name();
    QualifiedName name = table.name();
    Set<String> reshaped = reshapedColumns.getOrDefault(name, Set.of());
    reconcile(
        optional(former.primaryKey()), optional(table.primaryKey()),
        PrimaryKey::name,
        key -> new PrimaryKey(key.name(), newColumns(oldName, key.columns())),
        Object::equals,
        (key, newKeyName) -> new PrimaryKey(newKeyName, key.columns()),
        key -> false, // PostgreSQL rebuilds a key's index itself when a column type changes
        key -> {
          droppedKeys.add(new KeyRef(oldName, Set.copyOf(key.columns())));
          changes.add(new PrimaryKeyDropped(oldName, key));
        },
        key -> changes.add(new PrimaryKeyAdded(name, key)),
        (oldKeyName, newKeyName) -> changes.add(new ConstraintRenamed(name, oldKeyName, newKeyName)));
    reconcile(
        former.uniques(), table.uniques(),
        UniqueConstraint::name,
        unique -> new UniqueConstraint(unique.name(), newColumns(oldName, unique.columns())),
        Object::equals,
        (unique, newKeyName) -> new UniqueConstraint(newKeyName, unique.columns()),
        unique -> false,
        unique -> {
          droppedKeys.add(new KeyRef(oldName, Set.copyOf(unique.columns())));
          changes.add(new UniqueDropped(oldName, unique));
        },
        unique -> changes.add(new UniqueAdded(name, unique)),
        (oldKeyName, newKeyName) -> changes.add(new ConstraintRenamed(name, oldKeyName, newKeyName)));
    reconcile(
        former.checks(), table.checks(),
        CheckConstraint::name,
        check -> new CheckConstraint(check.name(), newExpression(oldName, check.expression())),
        (a, b) -> a.name().equals(b.name()) && SqlDefaults.equivalent(a.expression(), b.expression(), null),
        (check, newCheckName) -> new CheckConstraint(newCheckName, check.expression()),
        check -> mentions(check.expression(), reshaped),
        check -> changes.add(new CheckDropped(oldName, check)),
        check -> changes.add(new CheckAdded(name, check)),
        (oldCheckName, newCheckName) ->
            changes.add(new ConstraintRenamed(name, oldCheckName, newCheckName)));
    reconcile(
        former.indexes(), table.indexes(),
        Index::name,
        index -> new Index(index.name(), newKey(oldName, index.columns()), index.unique(),
            index.method(), index.where() == null ? null : newExpression(oldName, index.where()),
            newColumns(oldName, index.include()), index.with()),
        (a, b) -> a.name().equals(b.name()) && a.columns().equals(b.columns()) && a.unique() == b.unique()
            && a.method().equals(b.method()) && SqlDefaults.equivalent(a.where(), b.where(), null)
            && a.include().equals(b.include()) && a.with().equals(b.with()),
        (index, newIndexName) ->
            index.withName(newIndexName),
        index -> anyReshaped(index.columns().stream().map(Index::columnOf).filter(Objects::nonNull).toList(), reshaped)
            || anyReshaped(index.include(), reshaped)
            || index.columns().stream().anyMatch(e -> Index.columnOf(e) == null && mentions(e, reshaped))
            || index.where() != null && mentions(index.where(), reshaped),
        index -> {
          if (index.unique()) {
            droppedKeys.add(new KeyRef(oldName, Set.copyOf(index.columns())));
          }
          changes.add(new IndexDropped(oldName, index));
        },
        index -> changes.add(new IndexCreated(name, index)),
        (oldIndexName, newIndexName) -> changes.add(new IndexRenamed(name, oldIndexName, newIndexName)));
  }

  private void diffForeignKeys(Table former, Table table) {
    QualifiedName oldName = former.name();
    QualifiedName name = table.name();
    reconcile(
        former.foreignKeys(), table.foreignKeys(),
        ForeignKey::name,
        key -> new ForeignKey(key.name(), newColumns(oldName, key.columns()),
            newTableNames.getOrDefault(key.target(), key.target()),
            newColumns(key.target(), key.targetColumns()), key.onDelete(), key.onUpdate()),
        Object::equals,
        (key, newKeyName) -> new ForeignKey(newKeyName, key.columns(), key.target(), key.targetColumns(),
            key.onDelete(), key.onUpdate()),
        key -> anyReshaped(newColumns(oldName, key.columns()), reshapedColumns.getOrDefault(name, Set.of()))
            || anyReshaped(newColumns(key.target(), key.targetColumns()),
                reshapedColumns.getOrDefault(
                    newTableNames.getOrDefault(key.target(), key.target()), Set.of()))
            || droppedKeys.contains(new KeyRef(key.target(), Set.copyOf(key.targetColumns()))),
        key -> changes.add(new ForeignKeyDropped(oldName, key)),
        key -> changes.add(new ForeignKeyAdded(name, key)),
        (oldKeyName, newKeyName) -> changes.add(new ConstraintRenamed(name, oldKeyName, newKeyName)));
  }

  /**
   * Pairs old and new items of one kind: by name (unchanged when the old one, in new column names, equals
   * the new one), else by equal definition (a rename); everything else is dropped or added. A forced old
   * item is dropped and re-added even when unchanged, because a change it depends on needs it gone.
   */
  private static <T> void reconcile(
      List<T> olds,
      List<T> news,
      Function<T, String> nameOf,
      Function<T, T> inNewNames,
      BiPredicate<T, T> same,
      BiFunction<T, String, T> renamed,
      Predicate<T> forced,
      Consumer<T> drop,
      Consumer<T> add,
      BiConsumer<String, String> rename) {
    Map<String, T> remainingOld = new TreeMap<>();
    olds.forEach(item -> remainingOld.put(nameOf.apply(item), item));
    List<T> remainingNew = new ArrayList<>();
    for (T item : news) {
      T old = remainingOld.remove(nameOf.apply(item));
      if (old == null) {
        remainingNew.add(item);
      } else if (!same.test(inNewNames.apply(old), item) || forced.test(old)) {
        drop.accept(old);
        add.accept(item);
      }
    }
    for (T item : remainingNew) {
      String name = nameOf.apply(item);
      String match =
          remainingOld.entrySet().stream()
              .filter(e -> !forced.test(e.getValue())
                  && same.test(renamed.apply(inNewNames.apply(e.getValue()), name), item))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(null);
      if (match == null) {
        add.accept(item);
      } else {
        remainingOld.remove(match);
        rename.accept(match, name);
      }
    }
    remainingOld.values().forEach(drop);
  }

  private static <T> List<T> optional(T item) {
    return item == null ? List.of() : List.of(item);
  }

  /** Column names of old table {@code table} as they are after the renames. */
  private List<String> newColumns(QualifiedName table, List<String> columns) {
    Map<String, String> names = newColumnNames.getOrDefault(table, Map.of());
    return columns.stream().map(c -> names.getOrDefault(c, c)).toList();
  }

  /** Index key elements of old table {@code table} after the renames: columns and expressions alike. */
  private List<String> newKey(QualifiedName table, List<String> elements) {
    return elements.stream()
        .map(e -> Index.columnOf(e) == null ? newExpression(table, e)
            : newColumns(table, List.of(Index.columnOf(e))).get(0) + Index.optionsOf(e))
        .toList();
  }

  /** An SQL expression of old table {@code table} with renamed columns written by their new names. */
  private String newExpression(QualifiedName table, String expression) {
    String result = expression;
    for (Map.Entry<String, String> entry : newColumnNames.getOrDefault(table, Map.of()).entrySet()) {
      if (!entry.getKey().equals(entry.getValue())) {
        result = word(entry.getKey()).matcher(result).replaceAll(Matcher.quoteReplacement(entry.getValue()));
      }
    }
    return result;
  }

  private static boolean anyReshaped(List<String> columns, Set<String> reshaped) {
    return columns.stream().anyMatch(reshaped::contains);
  }

  private static boolean mentions(String expression, Set<String> columns) {
    return columns.stream().anyMatch(column -> word(column).matcher(expression).find());
  }

  private static Pattern word(String identifier) {
    return Pattern.compile("(?<![\\w$\"])" + Pattern.quote(identifier) + "(?![\\w$\"])");
  }

  // ---- warnings

  private boolean partOfAmbiguity(SchemaChange change) {
    return change instanceof ColumnDropped dropped
            && ambiguous.contains(new ColumnRef(dropped.table(), dropped.column().name()))
        || change instanceof TableDropped droppedTable
            && ambiguous.contains(new ColumnRef(droppedTable.table(), null));
  }

  private QualifiedName warningTable(SchemaChange change) {
    return change instanceof ColumnDropped dropped
        ? newTableNames.getOrDefault(dropped.table(), dropped.table())
        : change.table();
  }

  /** The column a warning belongs to; a dropped column's component is gone, so its warning goes to the record. */
  private static String warningColumn(SchemaChange change) {
    return change instanceof ColumnTypeChanged changed ? changed.column() : null;
  }
}
