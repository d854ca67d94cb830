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
}
