package dev.dbsync.schema.model;

import java.util.List;
import java.util.Objects;

/** A PostgreSQL enum type; labels in sort order. */
public record EnumType(QualifiedName name, List<String> labels) {
  public EnumType {
    Objects.requireNonNull(name, "name");
    labels = List.copyOf(labels);
  }
}
