package dev.dbsync.schema.model;

import java.util.Objects;

/**
 * A column.
 *
 * @param defaultValue SQL expression as declared, or null
 * @param generated expression of a {@code GENERATED ALWAYS AS (...) STORED} column, or null
 * @param identityOptions the identity sequence's options without PostgreSQL's defaults for the column's type
 *     ({@link IdentityOptions#withoutDefaults}); {@link IdentityOptions#DEFAULT} when the column is no identity
 */
public record Column(
    String name,
    TypeRef type,
    boolean nullable,
    String defaultValue,
    Identity identity,
    String generated,
    IdentityOptions identityOptions) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(identityOptions, "identityOptions");
    if (identity == Identity.NONE && !identityOptions.isDefault()) {
      throw new IllegalArgumentException("column " + name + " is no identity and has identity options");
    }
    identityOptions = identityOptions.withoutDefaults(type);
  }

  /** A column whose identity, if any, has PostgreSQL's default sequence options. */
  public Column(String name, TypeRef type, boolean nullable, String defaultValue, Identity identity, String generated) {
    this(name, type, nullable, defaultValue, identity, generated, IdentityOptions.DEFAULT);
  }

  /** A plain column: no default, no identity, not generated. */
  public static Column of(String name, TypeRef type, boolean nullable) {
    return new Column(name, type, nullable, null, Identity.NONE, null);
  }

  public Column withName(String newName) {
    return new Column(newName, type, nullable, defaultValue, identity, generated, identityOptions);
  }

  public Column withType(TypeRef newType) {
    return new Column(name, newType, nullable, defaultValue, identity, generated, identityOptions);
  }

  public Column withNullable(boolean newNullable) {
    return new Column(name, type, newNullable, defaultValue, identity, generated, identityOptions);
  }

  public Column withDefault(String newDefault) {
    return new Column(name, type, nullable, newDefault, identity, generated, identityOptions);
  }

  /** The column with another identity; {@link Identity#NONE} also drops the identity's options. */
  public Column withIdentity(Identity newIdentity) {
    return new Column(name, type, nullable, defaultValue, newIdentity, generated,
        newIdentity == Identity.NONE ? IdentityOptions.DEFAULT : identityOptions);
  }

  public Column withIdentityOptions(IdentityOptions newOptions) {
    return new Column(name, type, nullable, defaultValue, identity, generated, newOptions);
  }

  public Column withGenerated(String newGenerated) {
    return new Column(name, type, nullable, defaultValue, identity, newGenerated, identityOptions);
  }
}
