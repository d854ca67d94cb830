package dev.dbsync.schema.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An index.
 *
 * @param columns key elements in order: a column's SQL name, optionally followed by an operator class and the
 *     order ({@code created_at DESC}, {@code name text_pattern_ops}, {@code score NULLS FIRST}: {@code ASC} and the
 *     nulls order that goes with the direction are left out, as PostgreSQL leaves them out), or an expression
 *     ({@code lower(email)}, {@code (a || b)})
 * @param method access method, lower case ({@code btree}, {@code gin}, ...)
 * @param where predicate of a partial index, or null
 * @param include non-key columns ({@code INCLUDE (...)}), SQL names
 * @param with storage parameters ({@code WITH (...)}), each {@code name=value}, name lower case
 */
public record Index(
    String name, List<String> columns, boolean unique, String method, String where, List<String> include,
    List<String> with) {
  public static final String DEFAULT_METHOD = "btree";

  /** A key element that is a column, with what may follow it: group 1 the column, group 2 the rest. */
  private static final Pattern COLUMN_ELEMENT = Pattern.compile("([^\\s()\"]+)((?:\\s+[^\\s()]+)*)");

  /** What may follow a column in a key element: an operator class, then ASC or DESC, then NULLS FIRST or LAST. */
  private static final Pattern KEY_OPTIONS = Pattern.compile(
      "(?:\\s+(?!(?i:asc|desc|nulls)\\b)([A-Za-z_][A-Za-z0-9_]*))?(?:\\s+((?i)asc|desc))?"
          + "(?:\\s+(?i:nulls)\\s+((?i)first|last))?\\s*");

  /** {@code name=value} of {@code WITH (...)}: a parameter name, and a value without separators. */
  private static final Pattern STORAGE_PARAMETER =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*([A-Za-z0-9_.+-]+)\\s*");

  public Index {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(method, "method");
    columns = List.copyOf(columns);
    include = List.copyOf(include);
    with = List.copyOf(with);
  }

  /** An index of plain key elements, without {@code INCLUDE} or storage parameters. */
  public Index(String name, List<String> columns, boolean unique, String method, String where) {
    this(name, columns, unique, method, where, List.of(), List.of());
  }

  public Index withName(String newName) {
    return new Index(newName, columns, unique, method, where, include, with);
  }

  public Index withKey(List<String> newColumns, String newWhere) {
    return new Index(name, newColumns, unique, method, newWhere, include, with);
  }

  /** The column a key element starts with ({@code created_at} of {@code created_at DESC}); null for an expression. */
  public static String columnOf(String element) {
    var matcher = COLUMN_ELEMENT.matcher(element.strip());
    return matcher.matches() ? matcher.group(1) : null;
  }

  /** What follows the column in a key element ({@code " DESC"}); empty for a plain column or an expression. */
  public static String optionsOf(String element) {
    var matcher = COLUMN_ELEMENT.matcher(element.strip());
    return matcher.matches() ? matcher.group(2) : "";
  }

  /**
   * What follows the column in a key element, each part after white space ({@code " Text_Pattern_Ops desc nulls
   * first"}), in the model's form: the operator class lower case, the defaults PostgreSQL does not print left out
   * ({@code ASC}, {@code NULLS LAST} ascending, {@code NULLS FIRST} descending): {@code " text_pattern_ops DESC"}.
   * Null when it is not an operator class and an order.
   */
  public static String keyOptions(String written) {
    Matcher options = KEY_OPTIONS.matcher(written);
    if (!options.matches()) {
      return null;
    }
    boolean descending = "desc".equalsIgnoreCase(options.group(2));
    String nulls = options.group(3) == null ? null : options.group(3).toUpperCase(Locale.ROOT);
    return (options.group(1) == null ? "" : " " + options.group(1).toLowerCase(Locale.ROOT))
        + (descending ? " DESC" : "")
        + (nulls == null || nulls.equals(descending ? "FIRST" : "LAST") ? "" : " NULLS " + nulls);
  }

  /**
   * A storage parameter as written ({@code "FillFactor = 70"}) in the model's form, {@code name=value} with the name
   * lower case; null when it is not one.
   */
  public static String storageParameter(String written) {
    Matcher matcher = STORAGE_PARAMETER.matcher(written);
    return matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) + "=" + matcher.group(2) : null;
  }
}
