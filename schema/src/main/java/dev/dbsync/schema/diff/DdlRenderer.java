package dev.dbsync.schema.diff;

import static dev.dbsync.schema.sql.Identifiers.literal;
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
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.ForeignKey;
import dev.dbsync.schema.model.Identity;
import dev.dbsync.schema.model.IdentityOptions;
import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.ReferentialAction;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.TypeRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PostgreSQL statements for schema changes, in an order that never fails on a dependency: new schemas, enum
 * types and enum values first (the engine also runs value additions ahead of the migration transaction, so they may
 * be used at once); then drops of dependants (foreign keys, then checks, indexes and unique constraints, then
 * primary keys) before the tables and columns they depend on; then renames (of tables and enum types, then of
 * columns, values and constraints), so that later statements use the new names; then column changes, creates,
 * constraints, indexes (a foreign key may need a unique index), and foreign keys last (so cycles work); unused
 * enum types are dropped at the very end.
 */
public final class DdlRenderer {
  /** Suffix of the name an enum type is parked under while it is recreated. */
  static final String OLD_ENUM_SUFFIX = "__old";
  /** Suffix of the temporary check through which a column is made NOT NULL without a long lock. */
  static final String NOT_NULL_CHECK_SUFFIX = "_not_null";

  /** Change kinds in execution order; kinds in one list share a phase. */
  private static final List<List<Class<? extends SchemaChange>>> PHASES =
      List.of(
          List.of(SchemaCreated.class),
          List.of(EnumCreated.class),
          List.of(EnumValueAdded.class),
          List.of(ForeignKeyDropped.class),
          List.of(CheckDropped.class, IndexDropped.class, UniqueDropped.class),
          List.of(PrimaryKeyDropped.class),
          List.of(TableDropped.class),
          List.of(ColumnDropped.class),
          List.of(TableRenamed.class, EnumRenamed.class),
          List.of(ColumnRenamed.class, EnumValueRenamed.class, ConstraintRenamed.class, IndexRenamed.class),
          List.of(EnumRecreated.class),
          List.of(IdentityDropped.class, GeneratedExpressionDropped.class),
          List.of(DefaultDropped.class),
          List.of(ColumnTypeChanged.class),
          List.of(DefaultSet.class),
          List.of(NotNullDropped.class, NotNullAdded.class),
          List.of(IdentityAdded.class, IdentityChanged.class, IdentityOptionsChanged.class),
          List.of(TableCreated.class),
          List.of(ColumnAdded.class),
          List.of(PrimaryKeyAdded.class),
          List.of(UniqueAdded.class),
          List.of(CheckAdded.class),
          List.of(IndexCreated.class),
          List.of(ForeignKeyAdded.class),
          List.of(EnumDropped.class));

  private DdlRenderer() {}

  /**
   * How statements are written.
   *
   * @param lockSafe on tables that already exist (may hold many rows), write the forms that do not block
   *     traffic while a table is scanned: foreign keys and checks {@code NOT VALID} with their {@code VALIDATE}
   *     after the commit, {@code SET NOT NULL} through a validated {@code CHECK (c IS NOT NULL)}, and indexes
   *     (also those of primary keys and unique constraints, attached with {@code USING INDEX}) built
   *     {@code CONCURRENTLY} after the commit; a unique index or key that a foreign key added in the same
   *     migration references stays in the transaction, where the foreign key needs it
   */
  public record Options(boolean lockSafe) {
    public static final Options DEFAULT = new Options(false);
    public static final Options LOCK_SAFE = new Options(true);
  }

  /**
   * The statements of a migration.
   *
   * @param inTransaction what runs in the migration's transaction
   * @param afterCommit what must run after that transaction committed, in a migration of its own (a
   *     {@code VALIDATE} in the transaction that added the constraint would scan under the lock the addition
   *     took; {@code CREATE INDEX CONCURRENTLY} cannot run in a transaction at all); empty unless lock-safe
   * @param afterCommitChanges the changes {@code afterCommit} completes, so that its file can say what it does
   */
  public record Statements(
      List<String> inTransaction, List<String> afterCommit, List<SchemaChange> afterCommitChanges) {
    public Statements {
      inTransaction = List.copyOf(inTransaction);
      afterCommit = List.copyOf(afterCommit);
      afterCommitChanges = List.copyOf(afterCommitChanges);
    }
  }

  /** The statements of {@code changes}, in execution order, without trailing semicolons. */
  public static List<String> statements(List<SchemaChange> changes) {
    return statements(changes, Options.DEFAULT).inTransaction();
  }

  /** The statements of {@code changes} written as {@code options} say, each part in execution order. */
  public static Statements statements(List<SchemaChange> changes, Options options) {
    List<String> inTransaction = new ArrayList<>();
    List<String> afterCommit = new ArrayList<>();
    List<SchemaChange> afterCommitChanges = new ArrayList<>();
    LockSafeForms lockSafe = options.lockSafe() ? new LockSafeForms(changes) : null;
    for (SchemaChange change : ordered(changes)) {
      int deferred = afterCommit.size();
      if (lockSafe == null || !lockSafe.render(change, inTransaction, afterCommit)) {
        inTransaction.addAll(render(change));
      }
      if (afterCommit.size() > deferred) {
        afterCommitChanges.add(change);
      }
    }
    return new Statements(oneAlterPerTable(inTransaction), afterCommit, afterCommitChanges);
  }

  /** {@code ALTER TABLE <table> <action>}, the form {@link #alterTable} writes. */
  private static final Pattern ALTER_TABLE =
      Pattern.compile("(?s)^ALTER TABLE ((?:\"(?:[^\"]|\"\")*\"|[^\\s\".]+)\\.(?:\"(?:[^\"]|\"\")*\"|[^\\s\".]+)) (.*)$");

  /**
   * Consecutive {@code ALTER TABLE} statements of one table as one statement with several actions: PostgreSQL
   * then scans or rewrites the table once, not once per column (several type changes are one rewrite), and
   * takes its lock once. It orders the actions of one statement itself (drops, type changes, additions,
   * constraints), the order this renderer writes them in. RENAME and SET SCHEMA cannot be combined. Not for
   * the statements after a lock-safe commit: there each must take only its own, weaker lock.
   */
  private static List<String> oneAlterPerTable(List<String> statements) {
    List<String> merged = new ArrayList<>();
    String table = null;
    List<String> actions = new ArrayList<>();
    for (String statement : statements) {
      Matcher alter = ALTER_TABLE.matcher(statement);
      boolean combinable = alter.matches() && !alter.group(2).startsWith("RENAME ")
          && !alter.group(2).startsWith("SET SCHEMA ");
      if (combinable && alter.group(1).equals(table)) {
        actions.add(alter.group(2));
        continue;
      }
      flush(merged, table, actions);
      if (combinable) {
        table = alter.group(1);
        actions.add(alter.group(2));
      } else {
        table = null;
        merged.add(statement);
      }
    }
    flush(merged, table, actions);
    return merged;
  }

  private static void flush(List<String> merged, String table, List<String> actions) {
    if (actions.size() == 1) {
      merged.add("ALTER TABLE " + table + " " + actions.get(0));
    } else if (actions.size() > 1) {
      merged.add("ALTER TABLE " + table + "\n  " + String.join(",\n  ", actions));
    }
    actions.clear();
  }

  /** The lock-safe forms of the changes that scan or index a table that existed before the migration. */
  private static final class LockSafeForms {
    /** Tables the migration creates: empty, so the plain forms are fast. */
    private final Set<QualifiedName> newTables;
    /** What added foreign keys reference: its unique index must exist when the foreign key is added. */
    private final Set<Referenced> referenced;

    /** A referenced key as PostgreSQL matches it to a unique index: a set of columns, in any order. */
    private record Referenced(QualifiedName table, Set<String> columns) {}

    LockSafeForms(List<SchemaChange> changes) {
      newTables = changes.stream()
          .filter(c -> c instanceof TableCreated)
          .map(SchemaChange::table)
          .collect(Collectors.toSet());
      referenced = changes.stream()
          .filter(c -> c instanceof ForeignKeyAdded)
          .map(c -> ((ForeignKeyAdded) c).key())
          .map(key -> new Referenced(key.target(), Set.copyOf(key.targetColumns())))
          .collect(Collectors.toSet());
    }

    /** Adds the lock-safe statements of {@code change}; false when the plain form is the one to use. */
    boolean render(SchemaChange change, List<String> inTransaction, List<String> afterCommit) {
      if (newTables.contains(change.table())) {
        return false;
      }
      if (change instanceof ForeignKeyAdded c) {
        inTransaction.add(addForeignKey(c.table(), c.key()) + " NOT VALID");
        afterCommit.add(validate(c.table(), c.key().name()));
        return true;
      }
      if (change instanceof CheckAdded c) {
        inTransaction.add(addCheck(c.table(), c.check().name(), c.check().expression()) + " NOT VALID");
        afterCommit.add(validate(c.table(), c.check().name()));
        return true;
      }
      if (change instanceof NotNullAdded c) {
        // PostgreSQL 12+ skips SET NOT NULL's scan when a validated check proves the column has no nulls
        String check = c.table().name() + "_" + c.column() + NOT_NULL_CHECK_SUFFIX;
        inTransaction.add(addCheck(c.table(), check, quote(c.column()) + " IS NOT NULL") + " NOT VALID");
        afterCommit.add(validate(c.table(), check));
        afterCommit.add(alterColumn(c.table(), c.column()) + "SET NOT NULL");
        afterCommit.add(dropConstraint(c.table(), check));
        return true;
      }
      if (change instanceof IndexCreated c && !(c.index().unique() && referenced(c.table(), c.index().columns()))) {
        afterCommit.add(createIndex(c.table(), c.index(), true));
        return true;
      }
      if (change instanceof PrimaryKeyAdded c && !referenced(c.table(), c.key().columns())) {
        afterCommit.addAll(keyUsingIndex(c.table(), c.key().name(), "PRIMARY KEY", c.key().columns()));
        return true;
      }
      if (change instanceof UniqueAdded c && !referenced(c.table(), c.constraint().columns())) {
        afterCommit.addAll(keyUsingIndex(c.table(), c.constraint().name(), "UNIQUE", c.constraint().columns()));
        return true;
      }
      return false;
    }

    private boolean referenced(QualifiedName table, List<String> columns) {
      return referenced.contains(new Referenced(table, Set.copyOf(columns)));
    }

    /** The key's unique index built CONCURRENTLY, then attached as the key (a short lock, no scan). */
    private static List<String> keyUsingIndex(QualifiedName table, String name, String kind, List<String> columns) {
      return List.of(
          "CREATE UNIQUE INDEX CONCURRENTLY " + quote(name) + " ON " + quote(table) + " " + columnList(columns),
          alterTable(table) + "ADD CONSTRAINT " + quote(name) + " " + kind + " USING INDEX " + quote(name));
    }
  }

  /** {@code changes} in execution order; a stable sort, so equal phases keep the differ's order. */
  static List<SchemaChange> ordered(List<SchemaChange> changes) {
    Set<QualifiedName> recreatedEnums =
        changes.stream()
            .filter(c -> c instanceof EnumRecreated)
            .map(SchemaChange::table)
            .collect(Collectors.toSet());
    return changes.stream()
        .sorted(Comparator.comparingInt(change -> phase(change, recreatedEnums)))
        .toList();
  }

  private static int phase(SchemaChange change, Set<QualifiedName> recreatedEnums) {
    // A column leaving a recreated enum must do so before the old type is dropped.
    if (change instanceof ColumnTypeChanged c
        && c.from() instanceof TypeRef.Enum e
        && recreatedEnums.contains(e.name())) {
      return phaseOf(EnumRecreated.class) - 1;
    }
    return phaseOf(change.getClass());
  }

  private static int phaseOf(Class<?> kind) {
    for (int phase = 0; phase < PHASES.size(); phase++) {
      if (PHASES.get(phase).contains(kind)) {
        return phase * 2;
      }
    }
    throw new IllegalArgumentException("no phase for " + kind);
  }

  private static List<String> render(SchemaChange change) {
    if (change instanceof SchemaCreated c) {
      return List.of("CREATE SCHEMA IF NOT EXISTS " + quote(c.schema()));
    }
    if (change instanceof EnumCreated c) {
      return List.of(createEnum(c.type().name(), c.type().labels()));
    }
    if (change instanceof EnumValueAdded c) {
      return List.of(addEnumValue(c));
    }
    if (change instanceof EnumValueRenamed c) {
      return List.of(
            "ALTER TYPE " + quote(c.table()) + " RENAME VALUE " + literal(c.from()) + " TO "
            + literal(c.to()));
    }
    if (change instanceof EnumRecreated c) {
      return recreateEnum(c);
    }
    if (change instanceof EnumRenamed c) {
      return renameEnum(c);
    }
    if (change instanceof EnumDropped c) {
      return List.of("DROP TYPE " + quote(c.type().name()));
    }
    if (change instanceof TableCreated c) {
      return List.of(createTable(c.definition()));
    }
    if (change instanceof TableDropped c) {
      return List.of("DROP TABLE " + quote(c.table()));
    }
    if (change instanceof TableRenamed c) {
      return renameTable(c);
    }
    if (change instanceof ColumnAdded c) {
      return List.of(alterTable(c.table()) + "ADD COLUMN " + columnDefinition(c.column()));
    }
    if (change instanceof ColumnDropped c) {
      return List.of(alterTable(c.table()) + "DROP COLUMN " + quote(c.column().name()));
    }
    if (change instanceof ColumnRenamed c) {
      return List.of(alterTable(c.table()) + "RENAME COLUMN " + quote(c.from()) + " TO " + quote(c.to()));
    }
    if (change instanceof ColumnTypeChanged c) {
      return changeType(c);
    }
    if (change instanceof NotNullAdded c) {
      return List.of(alterColumn(c.table(), c.column()) + "SET NOT NULL");
    }
    if (change instanceof NotNullDropped c) {
      return List.of(alterColumn(c.table(), c.column()) + "DROP NOT NULL");
    }
    if (change instanceof DefaultSet c) {
      return List.of(alterColumn(c.table(), c.column()) + "SET DEFAULT " + c.expression());
    }
    if (change instanceof DefaultDropped c) {
      return List.of(alterColumn(c.table(), c.column()) + "DROP DEFAULT");
    }
    if (change instanceof IdentityAdded c) {
      return addIdentity(c);
    }
    if (change instanceof IdentityChanged c) {
      return List.of(
            alterColumn(c.table(), c.column()) + "SET GENERATED "
            + (c.identity() == Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT"));
    }
    if (change instanceof IdentityOptionsChanged c) {
      return List.of(alterColumn(c.table(), c.column()) + changeIdentityOptions(c));
    }
    if (change instanceof IdentityDropped c) {
      return List.of(alterColumn(c.table(), c.column()) + "DROP IDENTITY");
    }
    if (change instanceof GeneratedExpressionDropped c) {
      return List.of(alterColumn(c.table(), c.column()) + "DROP EXPRESSION");
    }
    if (change instanceof PrimaryKeyAdded c) {
      return List.of(
            alterTable(c.table()) + "ADD CONSTRAINT " + quote(c.key().name()) + " PRIMARY KEY "
            + columnList(c.key().columns()));
    }
    if (change instanceof UniqueAdded c) {
      return List.of(
            alterTable(c.table()) + "ADD CONSTRAINT " + quote(c.constraint().name()) + " UNIQUE "
            + columnList(c.constraint().columns()));
    }
    if (change instanceof CheckAdded c) {
      return List.of(addCheck(c.table(), c.check().name(), c.check().expression()));
    }
    if (change instanceof ForeignKeyAdded c) {
      return List.of(addForeignKey(c.table(), c.key()));
    }
    if (change instanceof PrimaryKeyDropped c) {
      return List.of(dropConstraint(c.table(), c.key().name()));
    }
    if (change instanceof UniqueDropped c) {
      return List.of(dropConstraint(c.table(), c.constraint().name()));
    }
    if (change instanceof CheckDropped c) {
      return List.of(dropConstraint(c.table(), c.check().name()));
    }
    if (change instanceof ForeignKeyDropped c) {
      return List.of(dropConstraint(c.table(), c.key().name()));
    }
    if (change instanceof ConstraintRenamed c) {
      return List.of(
            alterTable(c.table()) + "RENAME CONSTRAINT " + quote(c.from()) + " TO " + quote(c.to()));
    }
    if (change instanceof IndexCreated c) {
      return List.of(createIndex(c.table(), c.index(), false));
    }
    if (change instanceof IndexDropped c) {
      return List.of("DROP INDEX " + quote(new QualifiedName(c.table().schema(), c.index().name())));
    }
    if (change instanceof IndexRenamed c) {
      return List.of(
            "ALTER INDEX " + quote(new QualifiedName(c.table().schema(), c.from())) + " RENAME TO "
            + quote(c.to()));
    }
    throw new IllegalArgumentException("no statements for " + change);
  }

  private static String createEnum(QualifiedName name, List<String> labels) {
    return "CREATE TYPE " + quote(name) + " AS ENUM ("
        + labels.stream().map(l -> literal(l)).collect(Collectors.joining(", ")) + ")";
  }

  private static String addEnumValue(EnumValueAdded c) {
    String position =
        c.before() != null
            ? " BEFORE " + literal(c.before())
            : c.after() != null ? " AFTER " + literal(c.after()) : "";
    return "ALTER TYPE " + quote(c.table()) + " ADD VALUE IF NOT EXISTS " + literal(c.label()) + position;
  }

  private static List<String> recreateEnum(EnumRecreated c) {
    QualifiedName name = c.to().name();
    String parked = name.name() + OLD_ENUM_SUFFIX;
    String type = quote(name);
    List<String> statements = new ArrayList<>();
    statements.add("ALTER TYPE " + type + " RENAME TO " + quote(parked));
    statements.add(createEnum(name, c.to().labels()));
    for (EnumColumn column : c.columns()) {
      String alter = alterColumn(column.table(), column.column());
      if (column.defaultBefore() != null) {
        statements.add(alter + "DROP DEFAULT");
      }
      String dimensions = column.array() ? "[]" : "";
      statements.add(alter + "TYPE " + type + dimensions + " USING " + quote(column.column()) + "::text"
          + dimensions + "::" + type + dimensions);
      if (column.defaultAfter() != null) {
        statements.add(alter + "SET DEFAULT " + column.defaultAfter());
      }
    }
    statements.add("DROP TYPE " + quote(new QualifiedName(name.schema(), parked)));
    return statements;
  }

  private static List<String> renameTable(TableRenamed c) {
    List<String> statements = new ArrayList<>();
    QualifiedName current = c.from();
    if (!current.schema().equals(c.table().schema())) {
      statements.add(alterTable(current) + "SET SCHEMA " + quote(c.table().schema()));
      current = new QualifiedName(c.table().schema(), current.name());
    }
    if (!current.name().equals(c.table().name())) {
      statements.add(alterTable(current) + "RENAME TO " + quote(c.table().name()));
    }
    return statements;
  }

  private static List<String> renameEnum(EnumRenamed c) {
    List<String> statements = new ArrayList<>();
    QualifiedName current = c.from();
    if (!current.schema().equals(c.table().schema())) {
      statements.add("ALTER TYPE " + quote(current) + " SET SCHEMA " + quote(c.table().schema()));
      current = new QualifiedName(c.table().schema(), current.name());
    }
    if (!current.name().equals(c.table().name())) {
      statements.add("ALTER TYPE " + quote(current) + " RENAME TO " + quote(c.table().name()));
    }
    return statements;
  }

  private static List<String> changeType(ColumnTypeChanged c) {
    String alter = alterColumn(c.table(), c.column());
    List<String> statements = new ArrayList<>();
    if (c.defaultBefore() != null) {
      statements.add(alter + "DROP DEFAULT");
    }
    statements.add(alter + "TYPE " + type(c.to()) + (c.using() == null ? "" : " USING " + c.using()));
    if (c.defaultAfter() != null) {
      statements.add(alter + "SET DEFAULT " + c.defaultAfter());
    }
    return statements;
  }

  /**
   * Adds the identity and moves its sequence past the values the column already holds (an ascending one after
   * the largest, a descending one below the smallest), never before its first value.
   */
  private static List<String> addIdentity(IdentityAdded c) {
    String column = quote(c.column());
    long step = c.options().step();
    String next = step > 0
        ? "greatest(max(" + column + ") + " + step + ", " + c.options().firstValue() + ")"
        : "least(min(" + column + ") - " + Math.abs(step) + ", " + c.options().firstValue() + ")";
    return List.of(
        alterColumn(c.table(), c.column()) + "ADD " + identity(c.identity(), c.options()),
        "SELECT setval(pg_get_serial_sequence(" + literal(quote(c.table())) + ", " + literal(column)
            + "), " + next + ", false) FROM " + quote(c.table()));
  }

  /**
   * {@code SET INCREMENT BY 5 SET NO MAXVALUE ...}: each option whose value changes, those going back to
   * PostgreSQL's default written as the default ({@code NO MINVALUE} is the minimum for the new increment's
   * direction). A start is only set, never restarted from: {@code RESTART} could hand out values the column
   * holds.
   */
  private static String changeIdentityOptions(IdentityOptionsChanged c) {
    IdentityOptions.Range range = IdentityOptions.rangeOf(c.type())
        .orElseThrow(() -> new IllegalArgumentException("an identity column of type " + c.type()));
    IdentityOptions.Effective from = c.from().effective(range);
    IdentityOptions.Effective to = c.to().effective(range);
    IdentityOptions declared = c.to();
    List<String> clauses = new ArrayList<>();
    if (from.increment() != to.increment()) {
      clauses.add("SET INCREMENT BY " + to.increment());
    }
    if (from.minValue() != to.minValue()) {
      clauses.add(declared.minValue() == null ? "SET NO MINVALUE" : "SET MINVALUE " + to.minValue());
    }
    if (from.maxValue() != to.maxValue()) {
      clauses.add(declared.maxValue() == null ? "SET NO MAXVALUE" : "SET MAXVALUE " + to.maxValue());
    }
    if (from.start() != to.start()) {
      clauses.add("SET START WITH " + to.start());
    }
    if (from.cache() != to.cache()) {
      clauses.add("SET CACHE " + to.cache());
    }
    if (from.cycle() != to.cycle()) {
      clauses.add(to.cycle() ? "SET CYCLE" : "SET NO CYCLE");
    }
    return String.join(" ", clauses);
  }

  private static String createTable(Table table) {
    List<String> elements = new ArrayList<>();
    table.columns().forEach(column -> elements.add(columnDefinition(column)));
    if (table.primaryKey() != null) {
      elements.add(
          "CONSTRAINT " + quote(table.primaryKey().name()) + " PRIMARY KEY "
              + columnList(table.primaryKey().columns()));
    }
    table.uniques()
        .forEach(u -> elements.add("CONSTRAINT " + quote(u.name()) + " UNIQUE " + columnList(u.columns())));
    table.checks()
        .forEach(c -> elements.add("CONSTRAINT " + quote(c.name()) + " CHECK (" + c.expression() + ")"));
    if (elements.isEmpty()) {
      return "CREATE TABLE " + quote(table.name()) + " ()";
    }
    return "CREATE TABLE " + quote(table.name()) + " (\n  " + String.join(",\n  ", elements) + "\n)";
  }

  static String columnDefinition(Column column) {
    StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(type(column.type()));
    if (column.generated() != null) {
      sql.append(" GENERATED ALWAYS AS (").append(column.generated()).append(") STORED");
    }
    if (column.identity() != Identity.NONE) {
      sql.append(' ').append(identity(column.identity(), column.identityOptions()));
    }
    if (column.defaultValue() != null) {
      sql.append(" DEFAULT ").append(column.defaultValue());
    }
    if (!column.nullable()) {
      sql.append(" NOT NULL");
    }
    return sql.toString();
  }

  /** {@code GENERATED BY DEFAULT AS IDENTITY (START WITH 10 INCREMENT BY 5)}: the options only when declared. */
  static String identity(Identity identity, IdentityOptions options) {
    return "GENERATED " + (identity == Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY"
        + (options.isDefault() ? "" : " (" + identityOptions(options) + ")");
  }

  /** The declared options as {@code CREATE SEQUENCE} writes them: {@code START WITH 10 INCREMENT BY 5 CYCLE}. */
  static String identityOptions(IdentityOptions options) {
    List<String> clauses = new ArrayList<>();
    if (options.start() != null) {
      clauses.add("START WITH " + options.start());
    }
    if (options.increment() != null) {
      clauses.add("INCREMENT BY " + options.increment());
    }
    if (options.minValue() != null) {
      clauses.add("MINVALUE " + options.minValue());
    }
    if (options.maxValue() != null) {
      clauses.add("MAXVALUE " + options.maxValue());
    }
    if (options.cache() != null) {
      clauses.add("CACHE " + options.cache());
    }
    if (options.cycle()) {
      clauses.add("CYCLE");
    }
    return String.join(" ", clauses);
  }

  private static String addForeignKey(QualifiedName table, ForeignKey key) {
    StringBuilder sql =
        new StringBuilder(alterTable(table))
            .append("ADD CONSTRAINT ").append(quote(key.name()))
            .append(" FOREIGN KEY ").append(columnList(key.columns()))
            .append(" REFERENCES ").append(quote(key.target())).append(' ')
            .append(columnList(key.targetColumns()));
    if (key.onDelete() != ReferentialAction.NO_ACTION) {
      sql.append(" ON DELETE ").append(key.onDelete().sql());
    }
    if (key.onUpdate() != ReferentialAction.NO_ACTION) {
      sql.append(" ON UPDATE ").append(key.onUpdate().sql());
    }
    return sql.toString();
  }

  private static String createIndex(QualifiedName table, Index index, boolean concurrently) {
    return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + (concurrently ? "CONCURRENTLY " : "")
        + quote(index.name()) + " ON "
        + quote(table)
        + (index.method().equals(Index.DEFAULT_METHOD) ? "" : " USING " + index.method())
        + " " + index.columns().stream().map(DdlRenderer::keyElement).collect(Collectors.joining(", ", "(", ")"))
        + (index.include().isEmpty() ? "" : " INCLUDE " + columnList(index.include()))
        + (index.with().isEmpty() ? "" : " WITH (" + String.join(", ", index.with()) + ")")
        + (index.where() == null ? "" : " WHERE " + index.where());
  }

  /** A column quoted, with its operator class and order as written; an expression as written. */
  private static String keyElement(String element) {
    String column = Index.columnOf(element);
    return column == null ? element : quote(column) + Index.optionsOf(element);
  }

  /**
   * Statements creating a temporary table of {@code table}'s name that carries its expressions: column types,
   * defaults and generation expressions, checks, and its indexes under {@code indexNames} (index names are per
   * schema, and one temporary schema holds the copies of tables from several). PostgreSQL stores what they
   * create in its canonical form, which verification reads back; keys, identities and foreign keys hold no
   * expression and are left out.
   */
  public static List<String> temporaryCopy(Table table, List<String> indexNames) {
    QualifiedName name = QualifiedName.of("pg_temp", table.name().name());
    List<Column> columns = table.columns().stream().map(c -> c.withIdentity(Identity.NONE)).toList();
    List<String> statements = new ArrayList<>();
    statements.add(createTable(new Table(name, null, columns, null, List.of(), List.of(), List.of(), table.checks())));
    for (int i = 0; i < table.indexes().size(); i++) {
      Index index = table.indexes().get(i);
      statements.add(createIndex(name,
          index.withName(indexNames.get(i)), false));
    }
    return statements;
  }

  /** A type as SQL: built-ins in their canonical spelling, enum types quoted and schema-qualified. */
  static String type(TypeRef type) {
    return type instanceof TypeRef.Enum enumType
        ? quote(enumType.name()) + (enumType.array() ? "[]" : "")
        : ((TypeRef.Builtin) type).canonical();
  }

  private static String addCheck(QualifiedName table, String name, String expression) {
    return alterTable(table) + "ADD CONSTRAINT " + quote(name) + " CHECK (" + expression + ")";
  }

  private static String validate(QualifiedName table, String constraint) {
    return alterTable(table) + "VALIDATE CONSTRAINT " + quote(constraint);
  }

  private static String dropConstraint(QualifiedName table, String name) {
    return alterTable(table) + "DROP CONSTRAINT " + quote(name);
  }

  private static String alterTable(QualifiedName table) {
    return "ALTER TABLE " + quote(table) + " ";
  }

  private static String alterColumn(QualifiedName table, String column) {
    return alterTable(table) + "ALTER COLUMN " + quote(column) + " ";
  }

  private static String columnList(List<String> columns) {
    return columns.stream().map(c -> quote(c)).collect(Collectors.joining(", ", "(", ")"));
  }
}
