package dev.dbsync.schema.diff;

import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TEMPORARY stand-in (replaced at merge): creates and drops tables and enums; adds, drops and renames
 * columns; reports an unconfirmed drop next to an added column as ambiguous.
 */
public final class SchemaDiffer {
  private SchemaDiffer() {}

  public static SchemaDiff diff(Schema from, Schema to, Intent intent) {
    List<SchemaChange> changes = new ArrayList<>();
    List<DiffProblem> problems = new ArrayList<>();
    for (EnumType type : to.enums()) {
      if (from.enumType(type.name()).isEmpty()) {
        changes.add(new SchemaChange.EnumCreated(type));
      }
    }
    for (Table table : to.tables()) {
      from.table(table.name())
          .ifPresentOrElse(
              old -> diffColumns(old, table, intent, changes, problems),
              () -> changes.add(new SchemaChange.TableCreated(table)));
    }
    for (Table table : from.tables()) {
      if (to.table(table.name()).isEmpty()) {
        changes.add(new SchemaChange.TableDropped(table));
      }
    }
    for (SchemaChange change : changes) {
      if (change.destructive()) {
        problems.add(
            new DiffProblem(
                DiffProblem.Severity.WARNING,
                change.table(),
                null,
                "Destructive change: " + change.description() + "; data can be lost when the migration runs."
                    + " The migration marks it with a '-- dbsync:destructive' header line."));
      }
    }
    return new SchemaDiff(changes, problems);
  }

  private static void diffColumns(
      Table old, Table table, Intent intent, List<SchemaChange> changes, List<DiffProblem> problems) {
    Map<String, List<String>> renames = intent.columnRenames().getOrDefault(table.name(), Map.of());
    Set<String> confirmedDrops = intent.droppedColumns().getOrDefault(table.name(), Set.of());
    List<String> renamedAway = new ArrayList<>();
    List<Column> added = new ArrayList<>();
    for (Column column : table.columns()) {
      if (old.column(column.name()).isPresent()) {
        continue;
      }
      String former =
          renames.getOrDefault(column.name(), List.of()).stream()
              .filter(name -> old.column(name).isPresent())
              .findFirst()
              .orElse(null);
      if (former != null) {
        renamedAway.add(former);
        changes.add(new SchemaChange.ColumnRenamed(table.name(), former, column.name()));
      } else {
        added.add(column);
      }
    }
    List<String> dropped =
        old.columns().stream()
            .map(Column::name)
            .filter(name -> table.column(name).isEmpty() && !renamedAway.contains(name))
            .toList();
    for (Column column : added) {
      String vanished = dropped.stream().filter(d -> !confirmedDrops.contains(d)).findFirst().orElse(null);
      if (vanished != null) {
        problems.add(
            new DiffProblem(
                DiffProblem.Severity.ERROR,
                table.name(),
                column.name(),
                "ambiguous: column " + vanished + " disappeared and " + column.name() + " appeared"));
      } else if (!column.nullable() && column.defaultValue() == null) {
        problems.add(
            new DiffProblem(
                DiffProblem.Severity.ERROR,
                table.name(),
                column.name(),
                "NOT NULL column " + column.name() + " added without a default"));
      } else {
        changes.add(new SchemaChange.ColumnAdded(table.name(), column));
      }
    }
    for (String name : dropped) {
      changes.add(new SchemaChange.ColumnDropped(table.name(), name));
    }
  }
}
