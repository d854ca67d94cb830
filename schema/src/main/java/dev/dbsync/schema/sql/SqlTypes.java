package dev.dbsync.schema.sql;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TEMPORARY stand-in (replaced at merge): user spellings of SQL types to {@code format_type} spellings. */
public final class SqlTypes {
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("int", "integer"),
          Map.entry("int4", "integer"),
          Map.entry("int2", "smallint"),
          Map.entry("int8", "bigint"),
          Map.entry("bool", "boolean"),
          Map.entry("float4", "real"),
          Map.entry("float8", "double precision"),
          Map.entry("timestamptz", "timestamp with time zone"),
          Map.entry("timestamp", "timestamp without time zone"),
          Map.entry("timetz", "time with time zone"),
          Map.entry("time", "time without time zone"),
          Map.entry("varchar", "character varying"),
          Map.entry("decimal", "numeric"));

  private static final Pattern WITH_ARGS = Pattern.compile("([a-z0-9_ ]+?)\\s*\\((.*)\\)");

  private SqlTypes() {}

  public static String canonical(String sqlType) {
    String type = sqlType.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (type.endsWith("[]")) {
      return canonical(type.substring(0, type.length() - 2)) + "[]";
    }
    Matcher withArgs = WITH_ARGS.matcher(type);
    if (withArgs.matches()) {
      return ALIASES.getOrDefault(withArgs.group(1), withArgs.group(1))
          + "(" + withArgs.group(2).replace(" ", "") + ")";
    }
    return ALIASES.getOrDefault(type, type);
  }
}
