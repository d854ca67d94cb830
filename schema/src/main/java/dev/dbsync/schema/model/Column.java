package dev.dbsync.schema.model;

import java.util.Objects;

/**
 * A column.
 *
 * @param defaultValue SQL expression as declared, or null
 * @param generated expression of a {@code GENERATED ALWAYS AS (...) STORED} column, or null
 */
public record Column(
    String name,
    TypeRef type,
    boolean nullable,
    String defaultValue,
    Identity identity,
    String generated) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(identity, "identity");
  }

  /** A plain column: no default, no identity, not generated. */
  public static Column of(String name, TypeRef type, boolean nullable) {
    return new Column(name, type, nullable, null, Identity.NONE, null);
  }

  public Column withName(String newName) {
    return new Column(newName, type, nullable, defaultValue, identity, generated);
  }

  public Column withType(TypeRef newType) {
    return new Column(name, newType, nullable, defaultValue, identity, generated);
  }

  public Column withNullable(boolean newNullable) {
    return new Column(name, type, newNullable, defaultValue, identity, generated);
  }

  public Column withDefault(String newDefault) {
    return new Column(name, type, nullable, newDefault, identity, generated);
  }

  public Column withIdentity(Identity newIdentity) {
    return new Column(name, type, nullable, defaultValue, newIdentity, generated);
  }

  public Column withGenerated(String newGenerated) {
    return new Column(name, type, nullable, defaultValue, identity, newGenerated);
  }
}
