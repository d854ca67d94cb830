package dev.dbsync.schema.model;

import java.util.List;
import java.util.Objects;

/** A unique constraint (as opposed to a unique index); columns in constraint order. */
public record UniqueConstraint(String name, List<String> columns) {
  public UniqueConstraint {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }
}
