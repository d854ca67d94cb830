package dev.dbsync.schema.sql;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spells a column type the way PostgreSQL's {@code format_type(atttypid, atttypmod)} prints it, so that a type
 * declared in source and the same type read from the catalog compare equal ({@code varchar(200)} and
 * {@code character varying(200)}, {@code int4} and {@code integer}).
 *
 * <p>Names are case-insensitive unless double-quoted, whitespace is normalized, and every array spelling
 * ({@code int[]}, {@code int[3][]}, {@code int array}) becomes {@code integer[]}: PostgreSQL does not enforce
 * array dimensions and prints one pair of brackets. Types this class does not know (extension types such as
 * {@code citext}, enum types) are kept as written, lower-cased outside quotes. The {@code serial} family is
 * refused: it is not a type but a shorthand for an integer column plus a sequence default, which would read
 * back as a different column; an identity column says the same thing and round-trips.
 */
public final class SqlTypes {
  /** Aliases whose canonical spelling takes no modifier handling beyond the name. */
  private static final Map<String, String> SIMPLE =
      Map.ofEntries(
          Map.entry("int", "integer"),
          Map.entry("int4", "integer"),
          Map.entry("integer", "integer"),
          Map.entry("int2", "smallint"),
          Map.entry("smallint", "smallint"),
          Map.entry("int8", "bigint"),
          Map.entry("bigint", "bigint"),
          Map.entry("float4", "real"),
          Map.entry("real", "real"),
          Map.entry("float8", "double precision"),
          Map.entry("double precision", "double precision"),
          Map.entry("bool", "boolean"),
          Map.entry("boolean", "boolean"),
          Map.entry("pg_catalog.int4", "integer"),
          Map.entry("pg_catalog.int2", "smallint"),
          Map.entry("pg_catalog.int8", "bigint"),
          Map.entry("pg_catalog.bool", "boolean"),
          Map.entry("pg_catalog.text", "text"));

  private static final Map<String, String> SERIALS =
      Map.of(
          "serial", "integer", "serial4", "integer", "bigserial", "bigint", "serial8", "bigint",
          "smallserial", "smallint", "serial2", "smallint");

  /** {@code name}, optional {@code (modifiers)}, optional time zone clause; arrays are split off before. */
  private static final Pattern SHAPE =
      Pattern.compile("(?<name>[^(]+?)(?:\\s*\\((?<mods>[^)]*)\\))?(?:\\s+(?<zone>with(?:out)? time zone))?");

  private static final Pattern ARRAY_SUFFIX =
      Pattern.compile("(\\s*\\[\\s*\\d*\\s*\\])+$|\\s+array(\\s*\\[\\s*\\d*\\s*\\])?$");

  private SqlTypes() {}

  /**
   * The {@code format_type} spelling of {@code sqlType}.
   *
   * @throws IllegalArgumentException when {@link #problem(String)} names a problem
   */
  public static String canonical(String sqlType) {
    String problem = problem(sqlType);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    String type = normalize(sqlType);
    Matcher array = ARRAY_SUFFIX.matcher(type);
    if (array.find()) {
      return base(type.substring(0, array.start())) + "[]";
    }
    return base(type);
  }

  /** Why {@code sqlType} cannot be a column type here, or null when it can. */
  public static String problem(String sqlType) {
    if (sqlType == null || sqlType.isBlank()) {
      return SqlMessages.emptyType();
    }
    String type = normalize(sqlType);
    if (SERIALS.containsKey(type)) {
      return SqlMessages.serialType(type, SERIALS.get(type));
    }
    return null;
  }

  private static String base(String type) {
    String simple = SIMPLE.get(type);
    if (simple != null) {
      return simple;
    }
    Matcher shape = SHAPE.matcher(type);
    if (!shape.matches()) {
      return type;
    }
    String name = shape.group("name");
    String mods = shape.group("mods") == null ? null : shape.group("mods").replaceAll("\\s+", "");
    String zone = shape.group("zone");
    return switch (name) {
      case "varchar", "character varying", "char varying", "national character varying" ->
          withMods("character varying", mods);
      case "char", "character", "national character", "nchar" ->
          "character(" + (mods == null ? "1" : mods) + ")";
      case "bpchar" -> mods == null ? "bpchar" : "character(" + mods + ")";
      case "decimal", "numeric", "dec" -> numeric(mods);
      case "float" -> floatType(mods);
      case "timestamp" -> withMods("timestamp", mods) + " " + zoneOrWithout(zone);
      case "timestamptz" -> withMods("timestamp", mods) + " with time zone";
      case "time" -> withMods("time", mods) + " " + zoneOrWithout(zone);
      case "timetz" -> withMods("time", mods) + " with time zone";
      case "bit" -> "bit(" + (mods == null ? "1" : mods) + ")";
      case "varbit", "bit varying" -> withMods("bit varying", mods);
      // an extension type's modifiers are kept as written, minus spaces: geometry(Point,4326)
      default -> mods == null ? type : name + "(" + mods + ")";
    };
  }

  /** {@code float(p)}: up to 24 binary digits fit a {@code real}; PostgreSQL rejects a p outside 1..53. */
  private static String floatType(String mods) {
    boolean small = mods != null && mods.matches("\\d{1,2}") && Integer.parseInt(mods) <= 24;
    return small ? "real" : "double precision";
  }

  private static String numeric(String mods) {
    if (mods == null) {
      return "numeric";
    }
    return mods.contains(",") ? "numeric(" + mods + ")" : "numeric(" + mods + ",0)";
  }

  private static String withMods(String name, String mods) {
    return mods == null ? name : name + "(" + mods + ")";
  }

  private static String zoneOrWithout(String zone) {
    return zone == null ? "without time zone" : zone;
  }

  /**
   * Lower case outside double quotes and modifiers (PostgreSQL folds unquoted names; an extension's modifiers
   * such as PostGIS's {@code Point} are its own business), single spaces, trimmed.
   */
  private static String normalize(String sqlType) {
    StringBuilder out = new StringBuilder(sqlType.length());
    boolean quoted = false;
    int depth = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < sqlType.length(); i++) {
      char c = sqlType.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == ')')) {
        depth += c == '(' ? 1 : -1;
      }
      if (!quoted && Character.isWhitespace(c)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(quoted || depth > 0 ? c : Character.toLowerCase(c));
    }
    return out.toString();
  }
}
