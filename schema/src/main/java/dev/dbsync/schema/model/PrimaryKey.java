package dev.dbsync.schema.model;

import java.util.List;
import java.util.Objects;

/** A primary key constraint; columns in key order. */
public record PrimaryKey(String name, List<String> columns) {
  public PrimaryKey {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }
}
