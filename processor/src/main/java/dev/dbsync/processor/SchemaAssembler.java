package dev.dbsync.processor;

import dev.dbsync.annotations.Table;
import dev.dbsync.annotations.Unique;
import dev.dbsync.processor.TableElement.CheckElement;
import dev.dbsync.processor.TableElement.ColumnElement;
import dev.dbsync.processor.TableElement.ForeignKeyElement;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
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
          if (first != null && !first.javaEnum().equals(enumType.javaEnum())) {
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
    ConstraintNames names = new ConstraintNames(table, report);
    if (!keyColumns.isEmpty()) {
      String name = table.primaryKeyName();
      TableReader.checkIdentifier(
          "primary key", name, "Name it: @Table(primaryKeyName = \"...\")", table.record(), table.annotation(), report);
      primaryKey = new PrimaryKey(name, keyColumns);
      names.add(name, "the primary key", table.record(), table.annotation());
    }
    List<UniqueConstraint> uniques = new ArrayList<>();
    List<ForeignKey> foreignKeys = new ArrayList<>();
    for (ColumnElement column : table.columns()) {
      if (column.uniqueName() != null) {
        uniques.add(new UniqueConstraint(column.uniqueName(), List.of(column.column().name())));
        names.add(column.uniqueName(), "@Unique on " + column.componentName(), column.component(),
            Annotations.mirror(column.component(), Unique.class));
      }
      if (column.reference() != null) {
        foreignKey(table, column, all, report).ifPresent(key -> {
          foreignKeys.add(key);
          names.add(key.name(), "@References on " + column.componentName(), column.component(),
              column.reference().annotation());
        });
      }
    }
    for (TableElement.UniqueElement unique : table.uniques()) {
      uniques.add(new UniqueConstraint(unique.name(), unique.columns()));
      names.add(unique.name(), "@Unique(columns = " + unique.columns() + ")", table.record(), unique.annotation());
    }
    for (ForeignKeyElement key : table.foreignKeys()) {
      foreignKey(table, key, all, report).ifPresent(resolved -> {
        foreignKeys.add(resolved);
        names.add(resolved.name(), "@ForeignKey(columns = " + key.columns() + ")", table.record(), key.annotation());
      });
    }
    for (CheckElement check : table.checks()) {
      names.add(check.check().name(), "@Check(name = \"" + check.check().name() + "\")", table.record(),
          check.annotation());
    }
    List<Index> indexes = new ArrayList<>();
    for (TableElement.IndexElement i : table.indexes()) {
      indexes.add(new Index(i.name(), i.columns(), i.unique(), i.method(), i.where(), i.include(), i.with()));
      names.add(i.name(), "@Index(columns = " + i.columns() + ")", table.record(), i.annotation());
    }
    return new dev.dbsync.schema.model.Table(
        table.name(),
        table.className(),
        table.columns().stream().map(ColumnElement::column).toList(),
        primaryKey,
        uniques,
        foreignKeys,
        indexes,
        table.checks().stream().map(CheckElement::check).toList());
  }

  /**
   * The constraint and index names of one table and where each is declared: PostgreSQL keeps constraint names
   * unique per table and index names (a key's index too) per schema, so a second use is an error naming both.
   */
  private static final class ConstraintNames {
    private final TableElement table;
    private final Report.Builder report;
    private final Map<String, Place> places = new HashMap<>();

    private record Place(String description, Element element, AnnotationMirror annotation) {}

    ConstraintNames(TableElement table, Report.Builder report) {
      this.table = table;
      this.report = report;
    }

    void add(String name, String description, Element element, AnnotationMirror annotation) {
      Place place = new Place(description, element, annotation);
      Place first = places.putIfAbsent(name, place);
      if (first != null) {
        report.error(Messages.duplicateConstraintName(table.name(), name, description, first.description()),
            element, annotation);
        if (first.element() != element || first.annotation() != annotation) {
          report.error(Messages.duplicateConstraintName(table.name(), name, first.description(), description),
              first.element(), first.annotation());
        }
      }
    }
  }

  /** A record-level {@code @ForeignKey}: its target, referenced columns (the primary key by default) and name. */
  private Optional<ForeignKey> foreignKey(
      TableElement table, ForeignKeyElement key, List<TableElement> all, Report.Builder report) {
    Optional<TableElement> found = target(key.target(), all);
    if (found.isEmpty()) {
      report.error(Messages.referenceNotTable(String.valueOf(key.target())), table.record(), key.annotation());
      return Optional.empty();
    }
    TableElement target = found.get();
    List<String> referenced = new ArrayList<>();
    if (key.referencedColumns().isEmpty()) {
      referenced.addAll(target.primaryKey());
    } else {
      for (String written : key.referencedColumns()) {
        Optional<ColumnElement> named = target.column(written);
        if (named.isEmpty()) {
          report.error(Messages.referencedColumnMissing(
                  target.name(), written, target.columns().stream().map(c -> c.column().name()).toList()),
              table.record(), key.annotation());
          return Optional.empty();
        }
        referenced.add(named.get().column().name());
      }
    }
    if (referenced.size() != key.columns().size()) {
      report.error(Messages.foreignKeyArity(target.name(), key.columns(), referenced), table.record(),
          key.annotation());
      return Optional.empty();
    }
    if (!isUniqueKey(target, referenced)) {
      report.error(Messages.referencedColumnsNotUnique(target.name(), referenced), table.record(), key.annotation());
      return Optional.empty();
    }
    String name = key.name().isEmpty()
        ? table.name().name() + "_" + String.join("_", key.columns()) + "_fkey" : key.name();
    TableReader.checkIdentifier("foreign key", name, "Name it: @ForeignKey(name = \"...\", ...)", table.record(),
        key.annotation(), report);
    return Optional.of(new ForeignKey(name, key.columns(), target.name(), referenced, key.onDelete(), key.onUpdate()));
  }

  /**
   * The {@code @Table} record {@code type} names: from this compilation, or else read from its class file (names
   * and keys survive there).
   */
  private Optional<TableElement> target(TypeMirror type, List<TableElement> all) {
    TypeElement targetType = (TypeElement) types.asElement(type);
    if (targetType == null || targetType.getAnnotation(Table.class) == null) {
      return Optional.empty();
    }
    return all.stream()
        .filter(t -> t.record().getQualifiedName().equals(targetType.getQualifiedName()))
        .findFirst()
        .or(() -> reader.read(targetType, new Report.Builder()));
  }

  private Optional<ForeignKey> foreignKey(
      TableElement table, ColumnElement column, List<TableElement> all, Report.Builder report) {
    ReferenceElement reference = column.reference();
    Optional<TableElement> found = target(reference.target(), all);
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
    return isUniqueKey(table, List.of(column));
  }

  /** As PostgreSQL matches them: the same set of columns, in any order. */
  private static boolean isUniqueKey(TableElement table, List<String> columns) {
    Set<String> wanted = Set.copyOf(columns);
    return Set.copyOf(table.primaryKey()).equals(wanted) && !table.primaryKey().isEmpty()
        || columns.size() == 1
            && table.columns().stream().anyMatch(c -> c.uniqueName() != null && c.column().name().equals(columns.get(0)))
        || table.uniques().stream().anyMatch(
            u -> u.columns().size() == columns.size() && Set.copyOf(u.columns()).equals(wanted))
        || table.indexes().stream().anyMatch(
            i -> i.unique() && i.where() == null && i.columns().size() == columns.size()
                && Set.copyOf(i.columns()).equals(wanted));
  }

  private static Intent intent(Iterable<TableElement> tables) {
    Map<QualifiedName, List<QualifiedName>> tableRenames = new TreeMap<>();
    Map<QualifiedName, Map<String, List<String>>> columnRenames = new TreeMap<>();
    Map<QualifiedName, Map<String, List<String>>> labelRenames = new TreeMap<>();
    Map<QualifiedName, List<QualifiedName>> enumRenames = new TreeMap<>();
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
        if (column.enumType() != null && !column.enumType().formerNames().isEmpty()) {
          enumRenames.put(column.enumType().type().name(), column.enumType().formerNames());
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
    return new Intent(
        tableRenames, columnRenames, labelRenames, Set.copyOf(droppedTables), droppedColumns, enumRenames);
  }
}
