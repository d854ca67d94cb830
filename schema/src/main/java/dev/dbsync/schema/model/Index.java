package dev.dbsync.schema.model;

import java.util.List;
import java.util.Objects;

/**
 * An index.
 *
 * @param method access method, lower case ({@code btree}, {@code gin}, ...)
 * @param where predicate of a partial index, or null
 */
public record Index(String name, List<String> columns, boolean unique, String method, String where) {
  public static final String DEFAULT_METHOD = "btree";

  public Index {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(method, "method");
    columns = List.copyOf(columns);
  }
}
