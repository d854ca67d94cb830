package dev.dbsync.schema.model;

import java.util.Objects;

/**
 * The type of a column. A built-in type carries its canonical spelling, the one PostgreSQL's
 * {@code format_type} prints ({@code character varying(200)}, {@code timestamp with time zone});
 * an enum type carries the qualified name of the type, and whether the column holds an array of it.
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

  /**
   * A user-defined enum type, or an array of it ({@code status[]}). PostgreSQL records no dimensions for an
   * array column ({@code status[][]} is {@code status[]}), so one flag says it all.
   */
  record Enum(QualifiedName name, boolean array) implements TypeRef {
    public Enum {
      Objects.requireNonNull(name, "name");
    }

    public Enum(QualifiedName name) {
      this(name, false);
    }

    /** The same kind of type (scalar or array) of the enum type now called {@code newName}. */
    public Enum withName(QualifiedName newName) {
      return new Enum(newName, array);
    }

    @Override
    public String toString() {
      return name + (array ? "[]" : "");
    }
  }

  static TypeRef builtin(String canonical) {
    return new Builtin(canonical);
  }

  static TypeRef enumType(QualifiedName name) {
    return new Enum(name);
  }

  static TypeRef enumArray(QualifiedName name) {
    return new Enum(name, true);
  }
}
