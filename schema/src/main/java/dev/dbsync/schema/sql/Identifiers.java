package dev.dbsync.schema.sql;

import dev.dbsync.schema.model.QualifiedName;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders identifiers so that no name can break out of its quoting: a plain lower-case name that is not a
 * keyword is written bare (readable migrations), anything else is double-quoted with embedded quotes doubled.
 */
public final class Identifiers {
  /** PostgreSQL truncates longer identifiers (NAMEDATALEN - 1). */
  public static final int MAX_BYTES = 63;

  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

  /** Keywords that are not "unreserved" in PostgreSQL 15 ({@code pg_get_keywords() where catcode <> 'U'}). */
  private static final Set<String> KEYWORDS =
      Set.of(
          "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
          "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character",
          "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create",
          "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
          "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct",
          "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
          "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
          "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull",
          "join", "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp",
          "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
          "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position",
          "precision", "primary", "real", "references", "returning", "right", "row", "select", "session_user",
          "setof", "similar", "smallint", "some", "substring", "symmetric", "table", "tablesample", "then",
          "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using",
          "values", "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes",
          "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi",
          "xmlroot", "xmlserialize", "xmltable");

  private Identifiers() {}

  /** The identifier as SQL: bare when that reads back as the same name, double-quoted otherwise. */
  public static String quote(String identifier) {
    if (PLAIN.matcher(identifier).matches() && !KEYWORDS.contains(identifier)) {
      return identifier;
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** {@code schema.name} as SQL, each part quoted as needed. */
  public static String quote(QualifiedName name) {
    return quote(name.schema()) + "." + quote(name.name());
  }

  /** A string as an SQL literal: single-quoted, embedded quotes doubled. */
  public static String literal(String value) {
    return '\'' + value.replace("'", "''") + '\'';
  }

  /** Why {@code identifier} cannot name a PostgreSQL object, or null when it can. */
  public static String problem(String identifier) {
    if (identifier.isEmpty()) {
      return "it is empty";
    }
    if (identifier.indexOf('\0') >= 0) {
      return "it contains a NUL character";
    }
    int bytes = identifier.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return "it is " + bytes + " bytes long and PostgreSQL keeps only " + MAX_BYTES;
    }
    return null;
  }
}
