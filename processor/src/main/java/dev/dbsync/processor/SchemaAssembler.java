package dev.dbsync.processor;

import dev.dbsync.annotations.Table;
import dev.dbsync.processor.TableElement.ColumnElement;
import dev.dbsync.processor.TableElement.ReferenceElement;
import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.ForeignKey;
import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.PrimaryKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;

/**
 * The tables of this compilation as one schema, with the renames and drops their annotations declare;
 * reports duplicates and unresolvable references.
 */
final class SchemaAssembler {
  /** The schema declared by the compiled records, and what they say about renames and drops. */
  record Assembly(Schema schema, Intent intent) {}

  private final TableReader reader;
  private final Types types;

  SchemaAssembler(TableReader reader, Types types) {
    this.reader = reader;
    this.types = types;
  }

  Assembly assemble(List<TableElement> tables, Report.Builder report) {
    Map<QualifiedName, TableElement> byName = new LinkedHashMap<>();
    for (TableElement table : tables) {
      TableElement first = byName.putIfAbsent(table.name(), table);
      if (first != null) {
        report.error(Messages.duplicateTable(table.name(), first.className()), table.record(), table.annotation());
        report.error(Messages.duplicateTable(table.name(), table.className()), first.record(), first.annotation());
      }
    }
    Map<QualifiedName, TableElement.EnumElement> enums = new TreeMap<>();
    List<dev.dbsync.schema.model.Table> modelTables = new ArrayList<>();
    for (TableElement table : byName.values()) {
      checkDuplicateColumns(table, report);
      modelTables.add(table(table, tables, report));
      for (ColumnElement column : table.columns()) {
        TableElement.EnumElement enumType = column.enumType();
        if (enumType != null) {
          TableElement.EnumElement first = enums.putIfAbsent(enumType.type().name(), enumType);
          if (first != null && !first.type().equals(enumType.type())) {
            report.error(
                Messages.conflictingEnum(enumType.type().name(), enumType.javaEnum(), first.javaEnum()),
                column.component(),
                null);
          }
        }
      }
    }
    List<EnumType> enumTypes = enums.values().stream().map(TableElement.EnumElement::type).toList();
    return new Assembly(new Schema(enumTypes, modelTables), intent(byName.values()));
  }

  private static void checkDuplicateColumns(TableElement table, Report.Builder report) {
    Map<String, ColumnElement> seen = new LinkedHashMap<>();
    for (ColumnElement column : table.columns()) {
      ColumnElement first = seen.putIfAbsent(column.column().name(), column);
      if (first != null) {
        report.error(
            Messages.duplicateColumn(table.name(), column.column().name(), first.componentName()),
            column.component(),
            null);
      }
    }
  }

  private dev.dbsync.schema.model.Table table(TableElement table, List<TableElement> all, Report.Builder report) {
    List<String> keyColumns = table.primaryKey();
    PrimaryKey primaryKey = null;
    if (!keyColumns.isEmpty()) {
      String name = table.name().name() + "_pkey";
      TableReader.checkIdentifier(
          "primary key", name, "Shorten the table name: @Table(\"...\")", table.record(), table.annotation(), report);
      primaryKey = new PrimaryKey(name, keyColumns);
    }
    List<UniqueConstraint> uniques = new ArrayList<>();
    List<ForeignKey> foreignKeys = new ArrayList<>();
    for (ColumnElement column : table.columns()) {
      if (column.uniqueName() != null) {
        uniques.add(new UniqueConstraint(column.uniqueName(), List.of(column.column().name())));
      }
      if (column.reference() != null) {
        foreignKey(table, column, all, report).ifPresent(foreignKeys::add);
      }
    }
    List<Index> indexes =
        table.indexes().stream()
            .map(i -> new Index(i.name(), i.columns(), i.unique(), i.method(), i.where()))
            .toList();
    return new dev.dbsync.schema.model.Table(
        table.name(),
        table.className(),
        table.columns().stream().map(ColumnElement::column).toList(),
        primaryKey,
        uniques,
        foreignKeys,
        indexes,
        table.checks());
  }

  private Optional<ForeignKey> foreignKey(
      TableElement table, ColumnElement column, List<TableElement> all, Report.Builder report) {
    ReferenceElement reference = column.reference();
    TypeElement targetType = (TypeElement) types.asElement(reference.target());
    if (targetType == null || targetType.getAnnotation(Table.class) == null) {
      report.error(
          Messages.referenceNotTable(String.valueOf(reference.target())), column.component(), reference.annotation());
      return Optional.empty();
    }
    // a target outside this compilation is read from its class file: names and keys survive there
    Optional<TableElement> found =
        all.stream()
            .filter(t -> t.record().getQualifiedName().equals(targetType.getQualifiedName()))
            .findFirst()
            .or(() -> reader.read(targetType, new Report.Builder()));
    if (found.isEmpty()) {
      report.error(
          Messages.referenceNotTable(String.valueOf(reference.target())), column.component(), reference.annotation());
      return Optional.empty();
    }
    TableElement target = found.get();
    String targetColumn;
    if (reference.column().isEmpty()) {
      if (target.primaryKey().size() != 1) {
        report.error(Messages.referenceNeedsColumn(target.name()), column.component(), reference.annotation());
        return Optional.empty();
      }
      targetColumn = target.primaryKey().get(0);
    } else {
      Optional<ColumnElement> named = target.column(reference.column());
      if (named.isEmpty()) {
        report.error(
            Messages.referencedColumnMissing(
                target.name(), reference.column(), target.columns().stream().map(c -> c.column().name()).toList()),
            column.component(),
            reference.annotation());
        return Optional.empty();
      }
      targetColumn = named.get().column().name();
      if (!isUniqueKey(target, targetColumn)) {
        report.error(
            Messages.referencedColumnNotUnique(target.name(), targetColumn), column.component(), reference.annotation());
        return Optional.empty();
      }
    }
    String name =
        reference.name().isEmpty() ? table.name().name() + "_" + column.column().name() + "_fkey" : reference.name();
    TableReader.checkIdentifier(
        "foreign key", name, "Name it: @References(name = \"...\", ...)", column.component(), reference.annotation(),
        report);
    return Optional.of(
        new ForeignKey(
            name,
            List.of(column.column().name()),
            target.name(),
            List.of(targetColumn),
            reference.onDelete(),
            reference.onUpdate()));
  }

  /** PostgreSQL references only a primary key, a unique constraint or a full unique index, on exactly those columns. */
  private static boolean isUniqueKey(TableElement table, String column) {
    List<String> columns = List.of(column);
    return table.primaryKey().equals(columns)
        || table.columns().stream().anyMatch(c -> c.uniqueName() != null && c.column().name().equals(column))
        || table.indexes().stream().anyMatch(i -> i.unique() && i.where() == null && i.columns().equals(columns));
  }

  private static Intent intent(Iterable<TableElement> tables) {
    Map<QualifiedName, List<QualifiedName>> tableRenames = new TreeMap<>();
    Map<QualifiedName, Map<String, List<String>>> columnRenames = new TreeMap<>();
    Map<QualifiedName, Map<String, List<String>>> labelRenames = new TreeMap<>();
    Set<QualifiedName> droppedTables = new HashSet<>();
    Map<QualifiedName, Set<String>> droppedColumns = new TreeMap<>();
    for (TableElement table : tables) {
      if (!table.formerNames().isEmpty()) {
        tableRenames.put(table.name(), table.formerNames());
      }
      Map<String, List<String>> renames = new TreeMap<>();
      for (ColumnElement column : table.columns()) {
        if (!column.formerNames().isEmpty()) {
          renames.put(column.column().name(), column.formerNames());
        }
        if (column.enumType() != null && !column.enumType().labelRenames().isEmpty()) {
          labelRenames.put(column.enumType().type().name(), column.enumType().labelRenames());
        }
      }
      if (!renames.isEmpty()) {
        columnRenames.put(table.name(), renames);
      }
      droppedTables.addAll(table.droppedTables());
      if (!table.droppedColumns().isEmpty()) {
        droppedColumns.put(table.name(), Set.copyOf(table.droppedColumns()));
      }
    }
    return new Intent(tableRenames, columnRenames, labelRenames, Set.copyOf(droppedTables), droppedColumns);
  }
}
