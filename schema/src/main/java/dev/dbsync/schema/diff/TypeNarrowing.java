package dev.dbsync.schema.diff;

import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.schema.sql.SqlTypes;

/**
 * Whether a hand-written {@code ALTER COLUMN ... TYPE} can lose data, told from the column's current type (as
 * PostgreSQL's {@code format_type} prints it) and the target written in the statement, by the same rules the
 * differ uses for generated type changes.
 */
public final class TypeNarrowing {
  private TypeNarrowing() {}

  /**
   * True when the conversion is known to narrow (a shorter varchar, a smaller integer, text parsed into
   * another type, ...); false when it keeps every value, and when a type is not one dbsync knows (an enum,
   * a domain, an extension's type): there the loss cannot be known.
   */
  public static boolean narrows(String currentType, String targetSql) {
    if (SqlTypes.problem(targetSql) != null) {
      return false;
    }
    TypeRef from = TypeRef.builtin(currentType);
    TypeRef to = TypeRef.builtin(SqlTypes.canonical(targetSql));
    if (TypeConversion.family(from) == TypeConversion.Family.UNKNOWN
        || TypeConversion.family(to) == TypeConversion.Family.UNKNOWN) {
      return false;
    }
    return !TypeConversion.of(from, to).lossless();
  }
}
