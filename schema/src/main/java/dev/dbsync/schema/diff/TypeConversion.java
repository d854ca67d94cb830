package dev.dbsync.schema.diff;

import dev.dbsync.schema.model.TypeRef;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How PostgreSQL converts a column from one type to another: whether {@code ALTER COLUMN ... TYPE} needs a
 * {@code USING} cast (there is no implicit or assignment cast), whether a cast exists at all, and whether the
 * conversion keeps every value (widening) or may lose or reject some (narrowing, parsing text).
 *
 * @param possible false when PostgreSQL has no cast: the conversion must be written by hand
 * @param needsUsing true when only an explicit cast exists
 * @param lossless true when every value converts to an equal value
 */
record TypeConversion(boolean possible, boolean needsUsing, boolean lossless) {
  /** Type families: values of one family convert into each other (perhaps with loss). */
  enum Family {
    INTEGER,
    DECIMAL,
    FLOAT,
    STRING,
    BOOLEAN,
    DATETIME,
    TIME,
    JSON,
    ENUM,
    ENUM_ARRAY,
    OTHER_KNOWN,
    UNKNOWN
  }

  private static final TypeConversion IMPLICIT = new TypeConversion(true, false, true);
  private static final TypeConversion ASSIGNMENT_LOSSY = new TypeConversion(true, false, false);
  private static final TypeConversion EXPLICIT = new TypeConversion(true, true, true);
  private static final TypeConversion EXPLICIT_LOSSY = new TypeConversion(true, true, false);
  private static final TypeConversion NONE = new TypeConversion(false, true, false);

  /** Families whose members have implicit or assignment casts between each other. */
  private static final Set<Family> CONVERTIBLE_WITHIN = EnumSet.of(Family.DATETIME, Family.TIME);

  private static final Map<String, Integer> INTEGER_RANK =
      Map.of("smallint", 1, "integer", 2, "bigint", 3);
  /** Decimal digits an integer type needs, to tell whether a numeric(p,s) holds all its values. */
  private static final Map<String, Integer> INTEGER_DIGITS =
      Map.of("smallint", 5, "integer", 10, "bigint", 19);
  private static final Pattern NUMERIC = Pattern.compile("numeric(?:\\((\\d+)(?:,\\s*(\\d+))?\\))?");
  private static final Pattern BOUNDED_STRING =
      Pattern.compile("(?:character varying|character)\\((\\d+)\\)");

  static TypeConversion of(TypeRef from, TypeRef to) {
    if (from.equals(to)) {
      return IMPLICIT;
    }
    Family source = family(from);
    Family target = family(to);
    if (target == Family.STRING) {
      // Every type has an I/O conversion to string types that PostgreSQL applies on assignment.
      return lossless(from, to) ? IMPLICIT : ASSIGNMENT_LOSSY;
    }
    if (source == Family.UNKNOWN || target == Family.UNKNOWN || source == Family.STRING) {
      // Text parses into anything; types this table does not know are left to PostgreSQL's own casts.
      return EXPLICIT_LOSSY;
    }
    boolean numbers = isNumber(source) && isNumber(target);
    if (numbers || source == target && CONVERTIBLE_WITHIN.contains(source)) {
      return lossless(from, to) ? IMPLICIT : ASSIGNMENT_LOSSY;
    }
    if (source == Family.ENUM && target == Family.ENUM || source == Family.ENUM_ARRAY && target == Family.ENUM_ARRAY
        || source == Family.JSON && target == Family.JSON) {
      return lossless(from, to) ? EXPLICIT : EXPLICIT_LOSSY;
    }
    String fromName = canonical(from);
    String toName = canonical(to);
    if (fromName.equals("boolean") && toName.equals("integer")) {
      return EXPLICIT;
    }
    if (fromName.equals("integer") && toName.equals("boolean")) {
      return EXPLICIT_LOSSY;
    }
    return NONE;
  }

  /**
   * Whether a column of type {@code a} and a new column of type {@code b} could hold the same data, so that
   * the pair could be a rename the user did not declare: same family, where all integers, decimals and
   * floats count as one family (numbers) and the catch-all families need the very same type.
   */
  static boolean compatible(TypeRef a, TypeRef b) {
    Family first = family(a);
    Family second = family(b);
    if (first == Family.OTHER_KNOWN || first == Family.UNKNOWN) {
      return a.equals(b);
    }
    return first == second || isNumber(first) && isNumber(second);
  }

  /**
   * Whether a column's default survives the change from {@code from} to {@code to} as it is: a lossless widening
   * of numbers ({@code integer} to {@code bigint}, to {@code numeric}, {@code real} to {@code double precision}),
   * which PostgreSQL applies to the default expression by the same implicit cast as to the values.
   */
  static boolean keepsDefault(TypeRef from, TypeRef to) {
    TypeConversion conversion = of(from, to);
    return conversion.possible() && !conversion.needsUsing() && conversion.lossless()
        && isNumber(family(from)) && isNumber(family(to));
  }

  /** The {@code USING} expression converting {@code column} (already quoted) to {@code to} (SQL). */
  static String usingExpression(String column, TypeRef from, String to) {
    return switch (family(from)) {
      case ENUM -> column + "::text::" + to;
      case ENUM_ARRAY -> column + "::text[]::" + to;
      default -> column + "::" + to;
    };
  }

  static Family family(TypeRef type) {
    if (type instanceof TypeRef.Enum enumType) {
      return enumType.array() ? Family.ENUM_ARRAY : Family.ENUM;
    }
    String name = canonical(type);
    if (INTEGER_RANK.containsKey(name)) {
      return Family.INTEGER;
    }
    if (NUMERIC.matcher(name).matches()) {
      return Family.DECIMAL;
    }
    if (name.equals("real") || name.equals("double precision")) {
      return Family.FLOAT;
    }
    if (name.equals("text")
        || name.equals("character varying")
        || name.equals("character")
        || BOUNDED_STRING.matcher(name).matches()) {
      return Family.STRING;
    }
    if (name.equals("boolean")) {
      return Family.BOOLEAN;
    }
    if (name.equals("date") || name.startsWith("timestamp")) {
      return Family.DATETIME;
    }
    if (name.startsWith("time")) {
      return Family.TIME;
    }
    if (name.equals("json") || name.equals("jsonb")) {
      return Family.JSON;
    }
    if (name.equals("uuid") || name.equals("bytea") || name.startsWith("interval")) {
      return Family.OTHER_KNOWN;
    }
    return Family.UNKNOWN;
  }

  private static boolean isNumber(Family family) {
    return family == Family.INTEGER || family == Family.DECIMAL || family == Family.FLOAT;
  }

  private static String canonical(TypeRef type) {
    return type instanceof TypeRef.Builtin builtin ? builtin.canonical() : "";
  }

  /** Whether every value of {@code from} converts to an equal value of {@code to} (a widening). */
  private static boolean lossless(TypeRef from, TypeRef to) {
    String fromName = canonical(from);
    String toName = canonical(to);
    Family source = family(from);
    Family target = family(to);
    if (target == Family.STRING) {
      Matcher bound = BOUNDED_STRING.matcher(toName);
      if (!bound.matches()) {
        return true;
      }
      Matcher sourceBound = BOUNDED_STRING.matcher(fromName);
      return source == Family.STRING
          && sourceBound.matches()
          && Integer.parseInt(sourceBound.group(1)) <= Integer.parseInt(bound.group(1));
    }
    if (source == Family.INTEGER && target == Family.INTEGER) {
      return INTEGER_RANK.get(fromName) <= INTEGER_RANK.get(toName);
    }
    if (target == Family.DECIMAL) {
      Matcher targetNumeric = NUMERIC.matcher(toName);
      targetNumeric.matches();
      if (targetNumeric.group(1) == null) {
        return source != Family.FLOAT;
      }
      int targetScale = scale(targetNumeric);
      int targetIntegerDigits = Integer.parseInt(targetNumeric.group(1)) - targetScale;
      if (source == Family.INTEGER) {
        return INTEGER_DIGITS.get(fromName) <= targetIntegerDigits;
      }
      Matcher sourceNumeric = NUMERIC.matcher(fromName);
      if (source != Family.DECIMAL || !sourceNumeric.matches() || sourceNumeric.group(1) == null) {
        return false;
      }
      int sourceScale = scale(sourceNumeric);
      return sourceScale <= targetScale
          && Integer.parseInt(sourceNumeric.group(1)) - sourceScale <= targetIntegerDigits;
    }
    if (target == Family.FLOAT) {
      return fromName.equals("real")
          || toName.equals("double precision") && (fromName.equals("smallint") || fromName.equals("integer"))
          || toName.equals("real") && fromName.equals("smallint");
    }
    if (source == Family.DATETIME && target == Family.DATETIME) {
      return fromName.equals("date") || !toName.equals("date") && toName.contains("with time zone");
    }
    if (source == Family.TIME && target == Family.TIME) {
      return toName.contains("with time zone");
    }
    if (source == Family.JSON && target == Family.JSON) {
      return true;
    }
    return false;
  }

  private static int scale(Matcher numeric) {
    return numeric.group(2) == null ? 0 : Integer.parseInt(numeric.group(2));
  }
}
