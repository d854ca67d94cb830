package dev.dbsync.commands.pull;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.dbsync.schema.sql.SqlTypes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The Java type of a column, and the {@code @Column(type = ...)} it needs where the Java type alone would make the
 * processor read another SQL type. The mapping is the inverse of the processor's: a component of type {@code int}
 * is {@code integer}, so an {@code integer} column becomes an {@code int} without an explicit type.
 */
final class ColumnTypes {
  /** SQL types the processor derives from a Java type, to that Java type (primitives where NOT NULL allows). */
  private static final Map<String, TypeName> IMPLIED =
      Map.ofEntries(
          Map.entry("boolean", TypeName.BOOLEAN),
          Map.entry("smallint", TypeName.SHORT),
          Map.entry("integer", TypeName.INT),
          Map.entry("bigint", TypeName.LONG),
          Map.entry("real", TypeName.FLOAT),
          Map.entry("double precision", TypeName.DOUBLE),
          Map.entry("numeric", ClassName.get(BigDecimal.class)),
          Map.entry("text", ClassName.get(String.class)),
          Map.entry("uuid", ClassName.get(UUID.class)),
          Map.entry("timestamp with time zone", ClassName.get(OffsetDateTime.class)),
          Map.entry("timestamp without time zone", ClassName.get(LocalDateTime.class)),
          Map.entry("date", ClassName.get(LocalDate.class)),
          Map.entry("time without time zone", ClassName.get(LocalTime.class)),
          Map.entry("bytea", ArrayTypeName.of(TypeName.BYTE)));

  private ColumnTypes() {}

  /** The Java type of a component and the explicit SQL type it needs (null when the Java type implies it). */
  record JavaType(TypeName type, String explicitType) {}

  /**
   * For a built-in type in {@code format_type} spelling; nullable columns get boxed types. A domain takes the Java
   * type of its base type ({@code domainBases}: domain spelling to base type) and keeps its own name as the SQL type.
   */
  static JavaType of(String canonical, boolean nullable, Map<String, String> domainBases) {
    TypeName implied = IMPLIED.get(canonical);
    if (implied != null) {
      return new JavaType(nullable ? implied.box() : implied, null);
    }
    TypeName impliedElement = canonical.endsWith("[]") && !canonical.equals("bytea[]")
        ? IMPLIED.get(canonical.substring(0, canonical.length() - 2)) : null;
    if (impliedElement != null) {
      // the processor reads an array of a mapped type as an array of its SQL type; elements may be NULL: boxed
      return new JavaType(ArrayTypeName.of(impliedElement.box()), null);
    }
    String base = domainBases.get(canonical);
    TypeName type = base == null ? javaType(canonical) : javaType(base).box();
    return new JavaType(type, explicitSpelling(canonical));
  }

  /** The closest Java type for a type the processor reads from {@code @Column(type = ...)}. */
  private static TypeName javaType(String canonical) {
    if (canonical.endsWith("[]")) {
      TypeName element = javaType(canonical.substring(0, canonical.length() - 2));
      return ArrayTypeName.of(element.box());
    }
    TypeName implied = IMPLIED.get(canonical);
    if (implied != null) {
      return implied;
    }
    if (canonical.startsWith("numeric(")) {
      return ClassName.get(BigDecimal.class);
    }
    if (canonical.startsWith("timestamp(") && canonical.endsWith("with time zone")) {
      return ClassName.get(OffsetDateTime.class);
    }
    if (canonical.startsWith("timestamp(")) {
      return ClassName.get(LocalDateTime.class);
    }
    if (canonical.startsWith("time(") && canonical.endsWith("without time zone")) {
      return ClassName.get(LocalTime.class);
    }
    return ClassName.get(String.class); // varchar, char, json, jsonb, inet, tsvector, domains, extension types
  }

  /**
   * A spelling for {@code @Column(type = ...)} that the processor reads back as exactly {@code canonical}:
   * {@code varchar(45)} for {@code character varying(45)}, else the canonical spelling itself; null when no
   * spelling does.
   */
  static String explicitSpelling(String canonical) {
    String readable = canonical.replace("character varying", "varchar");
    for (String spelling : new String[] {readable, canonical}) {
      if (SqlTypes.problem(spelling) == null && SqlTypes.canonical(spelling).equals(canonical)) {
        return spelling;
      }
    }
    return null;
  }
}
