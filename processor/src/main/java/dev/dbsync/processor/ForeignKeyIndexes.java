package dev.dbsync.processor;

import dev.dbsync.processor.TableElement.ColumnElement;
import dev.dbsync.schema.diff.SchemaChange;
import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.UniqueConstraint;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A foreign key added without an index that leads with its columns: PostgreSQL does not index the referencing
 * side by itself, so every DELETE (or key UPDATE) on the referenced table scans the referencing one. Warned
 * when the foreign key is added, with the {@code @Index} to paste.
 */
final class ForeignKeyIndexes {
  private ForeignKeyIndexes() {}

  static void warn(List<SchemaChange> changes, Schema schema, List<TableElement> tables, Report.Builder report) {
    for (SchemaChange change : changes) {
      if (!(change instanceof SchemaChange.ForeignKeyAdded added)) {
        continue;
      }
      Optional<Table> table = schema.table(added.table());
      Optional<TableElement> element = tables.stream().filter(t -> t.name().equals(added.table())).findFirst();
      if (table.isEmpty() || element.isEmpty() || isIndexed(table.get(), added.key().columns())) {
        continue;
      }
      List<ColumnElement> columns = added.key().columns().stream()
          .map(column -> element.get().column(column).orElseThrow())
          .toList();
      String paste = "@Index(columns = "
          + (columns.size() == 1
              ? "\"" + columns.get(0).componentName() + "\""
              : columns.stream().map(c -> "\"" + c.componentName() + "\"").collect(Collectors.joining(", ", "{", "}")))
          + ")";
      report.warning(Messages.foreignKeyWithoutIndex(added.table(), added.key(), paste),
          columns.get(0).component(), null);
    }
  }

  /** Whether an index, the primary key or a unique constraint of {@code table} starts with {@code columns}. */
  private static boolean isIndexed(Table table, List<String> columns) {
    return leads(table.primaryKey() == null ? List.of() : table.primaryKey().columns(), columns)
        || table.uniques().stream().map(UniqueConstraint::columns).anyMatch(c -> leads(c, columns))
        || table.indexes().stream()
            .filter(index -> index.where() == null)
            .map(Index::columns)
            .anyMatch(c -> leads(c, columns));
  }

  private static boolean leads(List<String> indexColumns, List<String> columns) {
    return indexColumns.size() >= columns.size()
        && List.copyOf(indexColumns.subList(0, columns.size())).stream().sorted().toList()
            .equals(columns.stream().sorted().toList());
  }
}
