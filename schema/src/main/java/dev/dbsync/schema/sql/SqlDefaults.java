package dev.dbsync.schema.sql;

import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.schema.snapshot.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Compares column defaults (and other short SQL expressions) in one canonical form, so that a default declared
 * in source and the text {@code pg_get_expr} prints for it compare equal: {@code 'x'} and {@code 'x'::text},
 * {@code -1} and {@code '-1'::integer}, {@code CURRENT_TIMESTAMP} and {@code current_timestamp},
 * {@code '{"a":1}'} and {@code '{"a": 1}'::jsonb}, {@code 'active'} and {@code 'active'::status},
 * {@code 1 + 2} and {@code (1 + 2)}.
 *
 * <p>This is a tokenizer with a few rewriting rules, not an SQL parser: the canonical form is for comparing,
 * never for running. The rules, each one something PostgreSQL itself does when it stores an expression:
 *
 * <ul>
 *   <li>unquoted words are lower-cased and a quoted name is written as {@link Identifiers#quote} writes it
 *       ({@code "col"} is {@code col}), whitespace and comments between tokens do not matter, {@code E'..'} and
 *       dollar-quoted strings become plain string literals, {@code interval '1 day'} is {@code '1 day'::interval};
 *   <li>numbers are compared by value and written in full ({@code 1e3} is {@code 1000}, {@code 1.50} keeps its
 *       scale), a minus sign directly before a number is part of it, and a number, quoted or not, cast to a
 *       numeric type that holds it exactly ({@code '-1'::integer}, {@code (0)::numeric}) is that number;
 *   <li>{@code LIKE} and {@code ILIKE} are the operators PostgreSQL prints for them ({@code ~~}, {@code ~~*});
 *   <li>a string literal loses a cast to {@code text}, {@code character varying}, {@code bpchar} or
 *       {@code regclass} (how PostgreSQL types an untyped literal there), {@code NULL} loses any cast;
 *   <li>parentheses around a single operand, and around the whole expression, are dropped;
 *   <li>a cast of the whole expression to the column's own type is dropped, and then a string literal that is
 *       the whole default is read as a value of the column's type: a number for a numeric column, {@code true}
 *       or {@code false} for a boolean one, lower case for a {@code uuid}, normalized JSON for {@code jsonb}
 *       (sorted keys: PostgreSQL reorders them), normalized array text for an array (of an enum type too). An
 *       enum cast matches qualified or not ({@code 'a'::status}, {@code 'a'::app.status}: PostgreSQL qualifies a
 *       type that is not on the connection's search path).
 * </ul>
 *
 * Two texts that mean the same may still differ: {@code now()} and {@code CURRENT_TIMESTAMP}; a date-time or
 * interval literal PostgreSQL rewrites ({@code '2020-01-01'} on a timestamp column reads back as
 * {@code '2020-01-01 00:00:00'::timestamp without time zone}, {@code '24 hours'} as {@code '24:00:00'}); redundant
 * parentheses around an operation ({@code (a + b) + c}). The differ then sees a change of default, which is
 * harmless and which the user ends by writing it PostgreSQL's way.
 *
 * <p>For a check or an index predicate pass a null type and compare with the pretty form PostgreSQL prints
 * ({@code pg_get_expr(..., true)}, what the introspector returns): the plain form wraps every operation in
 * parentheses. Conditions PostgreSQL rewrites still differ: {@code x BETWEEN 1 AND 9} reads back as
 * {@code x >= 1 AND x <= 9}, {@code x IN (1, 2)} as {@code x = ANY (ARRAY[1, 2])}, and the pretty form sets
 * parentheses by its own precedence rules ({@code (a + b) * 2 < 100} reads back as {@code ((a + b) * 2) < 100},
 * {@code NOT (a = b)} as {@code NOT a = b}).
 */
public final class SqlDefaults {
  private static final Set<String> NUMERIC_TYPES =
      Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision");

  private static final Set<String> STRING_TYPES = Set.of("text", "character varying");

  private static final Set<String> INTEGER_TYPES = Set.of("smallint", "integer", "bigint");

  /** Casts PostgreSQL adds to an untyped string literal where the context expects that type. */
  private static final Set<String> STRING_CASTS =
      Set.of("text", "character varying", "bpchar", "regclass", "character");

  private SqlDefaults() {}

  /** Whether the two defaults are the same for a column of {@code type}; null means no default. */
  public static boolean equivalent(String declared, String found, TypeRef type) {
    return Objects.equals(canonical(declared, type), canonical(found, type));
  }

  /**
   * The canonical form of {@code expression} as the default of a column of {@code type}, or null for no
   * default ({@code null}, blank, or the keyword {@code NULL}, which PostgreSQL does not store). {@code type}
   * is null for a condition (a check, an index predicate): the type-dependent rules are skipped and the casts
   * PostgreSQL adds to literals and text columns in a comparison are dropped.
   */
  public static String canonical(String expression, TypeRef type) {
    if (expression == null || expression.isBlank()) {
      return null;
    }
    List<SqlToken> tokens = new ArrayList<>(SqlToken.tokenize(expression));
    simplify(tokens, type == null);
    stripWholeParentheses(tokens);
    if (type != null) {
      stripOwnCast(tokens, type);
      stripWholeParentheses(tokens);
      readLiteralAsValue(tokens, type);
    }
    if (tokens.size() == 1 && tokens.get(0).is(SqlToken.Kind.WORD, "null")) {
      return null;
    }
    return SqlToken.render(tokens);
  }

  private static void simplify(List<SqlToken> tokens, boolean condition) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < tokens.size() && !changed; i++) {
        changed = simplifyAt(tokens, i, condition);
      }
    }
  }

  /**
   * Applies the first local rule that matches at {@code i}; true when the list changed. In a {@code condition}
   * (a check, an index predicate) PostgreSQL casts every string literal to the type of what it is compared with
   * ({@code state = 'active'::status}) and a {@code varchar} column to {@code text} for text operators
   * ({@code email::text ~~ '%@%'::text}): those casts are dropped too.
   */
  private static boolean simplifyAt(List<SqlToken> tokens, int i, boolean condition) {
    SqlToken token = tokens.get(i);
    SqlToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
    if (next != null && next.kind() == SqlToken.Kind.CAST) {
      String castBase = withoutModifiers(next.text());
      if (token.kind() == SqlToken.Kind.STRING && STRING_CASTS.contains(castBase)) {
        tokens.remove(i + 1);
        return true;
      }
      if (token.kind() == SqlToken.Kind.STRING && isNumber(token.text()) && holdsExactly(castBase, token.text())) {
        tokens.set(i, SqlToken.number(token.text()));
        tokens.remove(i + 1);
        return true;
      }
      if (token.kind() == SqlToken.Kind.NUMBER && holdsExactly(next.text(), token.text())) {
        tokens.remove(i + 1); // a number needs no cast to a numeric type that holds it exactly
        return true;
      }
      if (token.is(SqlToken.Kind.WORD, "null")) {
        tokens.remove(i + 1);
        return true;
      }
      boolean name = token.kind() == SqlToken.Kind.WORD || token.kind() == SqlToken.Kind.QUOTED_NAME;
      if (condition && (token.kind() == SqlToken.Kind.STRING || name && STRING_TYPES.contains(castBase))) {
        tokens.remove(i + 1);
        return true;
      }
    }
    if (token.is(SqlToken.Kind.PUNCT, "(") && !isCallPosition(tokens, i)) {
      int close = closing(tokens, i);
      if (close > 0 && isSingleOperand(tokens, i + 1, close)) {
        tokens.remove(close);
        tokens.remove(i);
        return true;
      }
    }
    return false;
  }

  private static void stripWholeParentheses(List<SqlToken> tokens) {
    while (tokens.size() >= 2
        && tokens.get(0).is(SqlToken.Kind.PUNCT, "(")
        && closing(tokens, 0) == tokens.size() - 1) {
      tokens.remove(tokens.size() - 1);
      tokens.remove(0);
    }
  }

  /** Drops a final cast to the column's own type when it applies to the whole rest of the expression. */
  private static void stripOwnCast(List<SqlToken> tokens, TypeRef type) {
    int last = tokens.size() - 1;
    if (last < 1 || tokens.get(last).kind() != SqlToken.Kind.CAST || !isSingleOperand(tokens, 0, last)) {
      return;
    }
    String cast = tokens.get(last).text();
    boolean own;
    if (type instanceof TypeRef.Enum enumType) {
      String dimensions = enumType.array() ? "[]" : "";
      own =
          cast.equals(Identifiers.quote(enumType.name().name()) + dimensions)
              || cast.equals(Identifiers.quote(enumType.name()) + dimensions)
              || cast.equals(enumType.name() + dimensions);
    } else {
      own = withoutModifiers(cast).equals(withoutModifiers(((TypeRef.Builtin) type).canonical()));
    }
    if (own) {
      tokens.remove(last);
    }
  }

  private static void readLiteralAsValue(List<SqlToken> tokens, TypeRef type) {
    if (tokens.size() != 1 || tokens.get(0).kind() != SqlToken.Kind.STRING) {
      return;
    }
    if (type instanceof TypeRef.Enum enumType && enumType.array()) {
      tokens.set(0, SqlToken.string(ArrayLiteral.normalize(tokens.get(0).text())));
      return;
    }
    if (!(type instanceof TypeRef.Builtin builtin)) {
      return;
    }
    String value = tokens.get(0).text();
    String typeName = withoutModifiers(builtin.canonical());
    if (NUMERIC_TYPES.contains(typeName) && isNumber(value.strip())) {
      tokens.set(0, SqlToken.number(value.strip()));
    } else if (typeName.equals("boolean") && booleanWord(value) != null) {
      tokens.set(0, SqlToken.word(booleanWord(value)));
    } else if (typeName.equals("uuid")) {
      tokens.set(0, SqlToken.string(value.toLowerCase(Locale.ROOT)));
    } else if (typeName.equals("jsonb")) {
      tokens.set(0, SqlToken.string(normalizedJson(value)));
    } else if (typeName.endsWith("[]")) {
      tokens.set(0, SqlToken.string(ArrayLiteral.normalize(value)));
    }
  }

  /** PostgreSQL's spellings of a boolean ({@code boolin}), as the keyword it prints. */
  private static String booleanWord(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "t", "tr", "tru", "true", "y", "ye", "yes", "on", "1" -> "true";
      case "f", "fa", "fal", "fals", "false", "n", "no", "of", "off", "0" -> "false";
      default -> null;
    };
  }

  private static String normalizedJson(String text) {
    try {
      // sorted keys, numbers written plain with their scale: 1e3 is 1000, 1.50 stays 1.50
      return Json.compact(Json.parse(text));
    } catch (IllegalArgumentException e) {
      return text; // not JSON: PostgreSQL would have refused it, so it never compares equal to a stored one
    }
  }

  /** A call's or a keyword construct's parenthesis ({@code lower(}, {@code in (}): not a grouping. */
  private static boolean isCallPosition(List<SqlToken> tokens, int open) {
    return open > 0
        && (tokens.get(open - 1).kind() == SqlToken.Kind.WORD
            || tokens.get(open - 1).kind() == SqlToken.Kind.QUOTED_NAME);
  }

  /** Index of the parenthesis or bracket closing the one at {@code open}, or -1. */
  private static int closing(List<SqlToken> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.is(SqlToken.Kind.PUNCT, "(") || t.is(SqlToken.Kind.PUNCT, "[")) {
        depth++;
      } else if ((t.is(SqlToken.Kind.PUNCT, ")") || t.is(SqlToken.Kind.PUNCT, "]")) && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether tokens {@code [from, to)} are one operand: a literal, a name, a call {@code f(...)}, an
   * {@code ARRAY[...]}, or a parenthesized group, each optionally followed by casts.
   */
  private static boolean isSingleOperand(List<SqlToken> tokens, int from, int to) {
    if (from >= to) {
      return false;
    }
    int i = from;
    SqlToken first = tokens.get(i);
    if (first.is(SqlToken.Kind.PUNCT, "(")) {
      i = closing(tokens, i) + 1;
    } else if (first.kind() == SqlToken.Kind.WORD || first.kind() == SqlToken.Kind.QUOTED_NAME) {
      i++;
      if (i < to && (tokens.get(i).is(SqlToken.Kind.PUNCT, "(") || tokens.get(i).is(SqlToken.Kind.PUNCT, "["))) {
        i = closing(tokens, i) + 1;
      }
    } else if (first.kind() == SqlToken.Kind.STRING || first.kind() == SqlToken.Kind.NUMBER) {
      i++;
    } else {
      return false;
    }
    while (i > 0 && i < to && tokens.get(i).kind() == SqlToken.Kind.CAST) {
      i++;
    }
    return i == to;
  }

  /** Whether {@code number} cast to {@code type} is the same number: no rounding to an integer, no scale. */
  private static boolean holdsExactly(String type, String number) {
    return NUMERIC_TYPES.contains(type) && (!INTEGER_TYPES.contains(type) || !number.contains("."));
  }

  private static boolean isNumber(String text) {
    try {
      new BigDecimal(text);
      return !text.isEmpty() && !text.startsWith("+");
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String withoutModifiers(String type) {
    return type.replaceAll("\\([^)]*\\)", "");
  }
}
