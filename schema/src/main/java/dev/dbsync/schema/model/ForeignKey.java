package dev.dbsync.schema.model;

import java.util.List;
import java.util.Objects;

/** A foreign key constraint from {@code columns} to {@code targetColumns} of {@code target}. */
public record ForeignKey(
    String name,
    List<String> columns,
    QualifiedName target,
    List<String> targetColumns,
    ReferentialAction onDelete,
    ReferentialAction onUpdate) {

  public ForeignKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(onUpdate, "onUpdate");
    columns = List.copyOf(columns);
    targetColumns = List.copyOf(targetColumns);
    if (columns.size() != targetColumns.size()) {
      throw new IllegalArgumentException(
          "foreign key " + name + ": " + columns + " and " + targetColumns + " differ in length");
    }
  }
}
