package dev.dbsync.schema.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table. Columns keep declaration order (it is the table's column order); constraints and indexes are
 * kept sorted by name so equal tables are equal records.
 *
 * @param className binary name of the record that declares it, or null when read from a database: the
 *     processor uses it to tell a table whose record is merely not being compiled from a dropped one
 * @param primaryKey null when the table has none
 */
public record Table(
    QualifiedName name,
    String className,
    List<Column> columns,
    PrimaryKey primaryKey,
    List<UniqueConstraint> uniques,
    List<ForeignKey> foreignKeys,
    List<Index> indexes,
    List<CheckConstraint> checks) {

  public Table {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    uniques = sorted(uniques, Comparator.comparing(UniqueConstraint::name));
    foreignKeys = sorted(foreignKeys, Comparator.comparing(ForeignKey::name));
    indexes = sorted(indexes, Comparator.comparing(Index::name));
    checks = sorted(checks, Comparator.comparing(CheckConstraint::name));
  }

  private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
    return items.stream().sorted(order).toList();
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** The same table without its source class name: what the database can know of it. */
  public Table withoutClassName() {
    return withClassName(null);
  }

  public Table withClassName(String newClassName) {
    return new Table(name, newClassName, columns, primaryKey, uniques, foreignKeys, indexes, checks);
  }

  public Table withName(QualifiedName newName) {
    return new Table(newName, className, columns, primaryKey, uniques, foreignKeys, indexes, checks);
  }

  public Table withColumns(List<Column> newColumns) {
    return new Table(name, className, newColumns, primaryKey, uniques, foreignKeys, indexes, checks);
  }
}
