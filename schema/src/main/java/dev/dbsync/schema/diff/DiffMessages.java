package dev.dbsync.schema.diff;

import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.TypeRef;
import java.util.List;
import java.util.stream.Collectors;

/** Every message text of the differ; tests use the same methods. */
public final class DiffMessages {
  private DiffMessages() {}

  public static String ambiguousColumn(QualifiedName table, String added, String removed) {
    return "Column " + table + "." + added + " is new and column " + removed + " of the same table is gone;"
        + " dbsync does not guess whether " + added + " is " + removed + " renamed."
        + " If it is, annotate the component with @Column(renamedFrom = \"" + removed + "\");"
        + " to drop " + removed + " and its data, annotate the record with @Table(droppedColumns = \""
        + removed + "\").";
  }

  public static String ambiguousTable(QualifiedName added, QualifiedName removed, List<String> shared) {
    String formerName =
        added.schema().equals(removed.schema()) ? removed.name() : removed.toString();
    return "Table " + added + " is new and table " + removed + " is gone (they share the columns "
        + String.join(", ", shared) + "); dbsync does not guess whether " + added + " is " + removed
        + " renamed. If it is, annotate the record with @Table(value = \"" + added.name()
        + "\", renamedFrom = \"" + formerName + "\"); to drop " + removed
        + " and its data, annotate the record with @Table(droppedTables = \"" + removed + "\").";
  }

  public static String duplicateTableRename(QualifiedName former, List<QualifiedName> claimants) {
    return "Tables " + claimants.stream().map(QualifiedName::toString).collect(Collectors.joining(", "))
        + " all declare renamedFrom \"" + former + "\"; only one table can be " + former
        + " renamed: remove renamedFrom from the others.";
  }

  public static String duplicateEnumRename(QualifiedName former, List<QualifiedName> claimants) {
    return "Enum types " + claimants.stream().map(QualifiedName::toString).collect(Collectors.joining(", "))
        + " all declare renamedFrom \"" + former + "\"; only one enum type can be " + former
        + " renamed: remove renamedFrom from the others.";
  }

  public static String duplicateColumnRename(QualifiedName table, String former, List<String> claimants) {
    return "Columns " + String.join(", ", claimants) + " of " + table + " all declare renamedFrom \""
        + former + "\"; only one column can be " + former + " renamed: remove renamedFrom from the others.";
  }

  public static String duplicateLabelRename(QualifiedName enumType, String former, List<String> claimants) {
    return "Values " + String.join(", ", claimants) + " of enum " + enumType + " all declare renamedFrom \""
        + former + "\"; only one value can be " + former + " renamed: remove renamedFrom from the others.";
  }

  public static String notNullWithoutDefault(QualifiedName table, String column) {
    return "Column " + table + "." + column + " is added as NOT NULL without a default, so the rows"
        + " already in " + table + " would have no value for it: add a default (@Default(\"...\")) or make"
        + " it nullable (@Nullable); a backfill can be a hand-written migration before making it NOT NULL.";
  }

  public static String noCast(QualifiedName table, String column, TypeRef from, TypeRef to) {
    return "Column " + table + "." + column + " changes type from " + from + " to " + to
        + " and PostgreSQL has no cast between them: write the data conversion as a hand-written"
        + " migration (db/migration/V<n>__<name>.sql), or keep the type and add a new column.";
  }

  public static String destructive(String description) {
    return "Destructive change: " + description + "; data can be lost when the migration runs."
        + " The migration marks it with a '-- dbsync:destructive' header line.";
  }

  // ---- descriptions of changes, for migration headers and warnings

  static String schemaCreated(SchemaChange.SchemaCreated change) {
    return "create schema " + change.schema();
  }

  static String enumCreated(SchemaChange.EnumCreated change) {
    return "create enum " + change.type().name();
  }

  static String enumValueAdded(SchemaChange.EnumValueAdded change) {
    return "add value '" + change.label() + "' to enum " + change.table();
  }

  static String enumValueRenamed(SchemaChange.EnumValueRenamed change) {
    return "rename value '" + change.from() + "' of enum " + change.table() + " to '" + change.to() + "'";
  }

  static String enumRecreated(SchemaChange.EnumRecreated change) {
    List<String> removed = change.removedLabels();
    return removed.isEmpty()
        ? "reorder values of enum " + change.to().name()
        : "remove values " + String.join(", ", removed) + " of enum " + change.to().name();
  }

  static String enumDropped(SchemaChange.EnumDropped change) {
    return "drop enum " + change.type().name();
  }

  static String enumRenamed(SchemaChange.EnumRenamed change) {
    return change.from().name().equals(change.table().name())
        ? "move enum " + change.from() + " to schema " + change.table().schema()
        : "rename enum " + change.from() + " to " + change.table();
  }

  static String tableCreated(SchemaChange.TableCreated change) {
    return "create table " + change.definition().name();
  }

  static String tableDropped(SchemaChange.TableDropped change) {
    return "drop table " + change.definition().name();
  }

  static String tableRenamed(SchemaChange.TableRenamed change) {
    return change.from().name().equals(change.table().name())
        ? "move table " + change.from() + " to schema " + change.table().schema()
        : "rename table " + change.from() + " to " + change.table();
  }

  static String columnAdded(SchemaChange.ColumnAdded change) {
    return "add column " + change.table() + "." + change.column().name();
  }

  static String columnDropped(SchemaChange.ColumnDropped change) {
    return "drop column " + change.table() + "." + change.column().name();
  }

  static String columnRenamed(SchemaChange.ColumnRenamed change) {
    return "rename column " + change.table() + "." + change.from() + " to " + change.to();
  }

  static String columnTypeChanged(SchemaChange.ColumnTypeChanged change) {
    return "change type of column " + change.table() + "." + change.column() + " from " + change.from() + " to " + change.to();
  }

  static String notNullAdded(SchemaChange.NotNullAdded change) {
    return "make column " + change.table() + "." + change.column() + " NOT NULL";
  }

  static String notNullDropped(SchemaChange.NotNullDropped change) {
    return "make column " + change.table() + "." + change.column() + " nullable";
  }

  static String defaultSet(SchemaChange.DefaultSet change) {
    return "set default of column " + change.table() + "." + change.column() + " to " + change.expression();
  }

  static String defaultDropped(SchemaChange.DefaultDropped change) {
    return "drop default of column " + change.table() + "." + change.column();
  }

  static String identityAdded(SchemaChange.IdentityAdded change) {
    return "make column " + change.table() + "." + change.column() + " an identity";
  }

  static String identityChanged(SchemaChange.IdentityChanged change) {
    return "make identity column " + change.table() + "." + change.column() + " " + change.identity();
  }

  static String identityOptionsChanged(SchemaChange.IdentityOptionsChanged change) {
    return "change identity options of column " + change.table() + "." + change.column() + " to "
        + (change.to().isDefault() ? "PostgreSQL's defaults" : DdlRenderer.identityOptions(change.to()));
  }

  static String identityDropped(SchemaChange.IdentityDropped change) {
    return "drop identity of column " + change.table() + "." + change.column();
  }

  static String generatedExpressionDropped(SchemaChange.GeneratedExpressionDropped change) {
    return "drop generation expression of column " + change.table() + "." + change.column();
  }

  static String primaryKeyAdded(SchemaChange.PrimaryKeyAdded change) {
    return "add primary key " + change.key().name() + " to " + change.table();
  }

  static String primaryKeyDropped(SchemaChange.PrimaryKeyDropped change) {
    return "drop primary key " + change.key().name() + " of " + change.table();
  }

  static String uniqueAdded(SchemaChange.UniqueAdded change) {
    return "add unique constraint " + change.constraint().name() + " to " + change.table();
  }

  static String uniqueDropped(SchemaChange.UniqueDropped change) {
    return "drop unique constraint " + change.constraint().name() + " of " + change.table();
  }

  static String checkAdded(SchemaChange.CheckAdded change) {
    return "add check " + change.check().name() + " to " + change.table();
  }

  static String checkDropped(SchemaChange.CheckDropped change) {
    return "drop check " + change.check().name() + " of " + change.table();
  }

  static String foreignKeyAdded(SchemaChange.ForeignKeyAdded change) {
    return "add foreign key " + change.key().name() + " to " + change.table();
  }

  static String foreignKeyDropped(SchemaChange.ForeignKeyDropped change) {
    return "drop foreign key " + change.key().name() + " of " + change.table();
  }

  static String constraintRenamed(SchemaChange.ConstraintRenamed change) {
    return "rename constraint " + change.from() + " of " + change.table() + " to " + change.to();
  }

  static String indexCreated(SchemaChange.IndexCreated change) {
    return "create index " + change.index().name() + " on " + change.table();
  }

  static String indexDropped(SchemaChange.IndexDropped change) {
    return "drop index " + change.index().name() + " of " + change.table();
  }

  static String indexRenamed(SchemaChange.IndexRenamed change) {
    return "rename index " + change.from() + " of " + change.table() + " to " + change.to();
  }
}
