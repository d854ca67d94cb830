package dev.dbsync.schema.model;

import java.util.Objects;

/** A schema-qualified name of a table or type, e.g. {@code public.profiles}. */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {
  public static final String DEFAULT_SCHEMA = "public";

  public QualifiedName {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
  }

  public static QualifiedName of(String schema, String name) {
    return new QualifiedName(schema, name);
  }

  /** Parses {@code name} (in {@code public}) or {@code schema.name}. */
  public static QualifiedName parse(String text) {
    int dot = text.indexOf('.');
    return dot < 0
        ? new QualifiedName(DEFAULT_SCHEMA, text)
        : new QualifiedName(text.substring(0, dot), text.substring(dot + 1));
  }

  @Override
  public int compareTo(QualifiedName other) {
    // written out rather than Comparator.comparing(..).thenComparing(..): the runtime loads this class on every
    // start, and each lambda costs a generated class at first use
    int bySchema = schema.compareTo(other.schema);
    return bySchema != 0 ? bySchema : name.compareTo(other.name);
  }

  /** {@code schema.name}, unquoted: for messages and snapshot keys, never for SQL. */
  @Override
  public String toString() {
    return schema + "." + name;
  }
}
