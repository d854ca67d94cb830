package dev.dbsync.schema.model;

import java.util.Objects;

/**
 * The type of a column. A built-in type carries its canonical spelling, the one PostgreSQL's
 * {@code format_type} prints ({@code character varying(200)}, {@code timestamp with time zone});
 * an enum type carries the qualified name of the type.
 */
public sealed interface TypeRef {
  /** A built-in (or extension) type in canonical spelling. */
  record Builtin(String canonical) implements TypeRef {
    public Builtin {
      Objects.requireNonNull(canonical, "canonical");
    }

    @Override
    public String toString() {
      return canonical;
    }
  }

  /** A user-defined enum type. */
  record Enum(QualifiedName name) implements TypeRef {
    public Enum {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return name.toString();
    }
  }

  static TypeRef builtin(String canonical) {
    return new Builtin(canonical);
  }

  static TypeRef enumType(QualifiedName name) {
    return new Enum(name);
  }
}
