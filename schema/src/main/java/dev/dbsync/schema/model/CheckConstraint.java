package dev.dbsync.schema.model;

import java.util.Objects;

/** A check constraint; the expression is SQL as declared. */
public record CheckConstraint(String name, String expression) {
  public CheckConstraint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
  }
}
