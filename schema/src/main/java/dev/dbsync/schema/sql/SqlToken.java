package dev.dbsync.schema.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One token of an SQL expression, as {@link SqlDefaults} compares them. A string's text is its value (quotes
 * removed, escapes resolved), a word is lower-cased, a number is written in full, a cast carries its type in
 * {@link SqlTypes} spelling.
 */
record SqlToken(Kind kind, String text) {
  enum Kind {
    STRING,
    QUOTED_NAME,
    WORD,
    NUMBER,
    CAST,
    OPERATOR,
    PUNCT
  }

  private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";
  /** Type names of the {@code type 'literal'} syntax that PostgreSQL prints as {@code 'literal'::type}. */
  private static final Set<String> TYPED_LITERAL_WORDS =
      Set.of("date", "time", "timestamp", "timestamptz", "interval", "json", "jsonb", "uuid", "text", "boolean",
          "bool", "integer", "int", "bigint", "smallint", "numeric", "real", "inet", "cidr", "bytea");
  private static final Set<String> MULTI_WORD_TYPE_STARTS = Set.of("character", "char", "national", "double", "bit");
  private static final Set<String> MULTI_WORD_TYPE_CONTINUATIONS = Set.of("varying", "precision", "character");

  static SqlToken number(String text) {
    return new SqlToken(Kind.NUMBER, new BigDecimal(text).toPlainString());
  }

  static SqlToken word(String text) {
    return new SqlToken(Kind.WORD, text);
  }

  static SqlToken string(String value) {
    return new SqlToken(Kind.STRING, value);
  }

  boolean is(Kind expectedKind, String expectedText) {
    return kind == expectedKind && text.equals(expectedText);
  }

  String sql() {
    return switch (kind) {
      case STRING -> Identifiers.literal(text);
      case CAST -> "::" + text;
      default -> text;
    };
  }

  /** The raw tokens of {@code sql} as SQL text, for {@link SqlScript.Statement#words()}. */
  static List<String> words(String sql) {
    return new Lexer(sql).tokens().stream().map(SqlToken::sql).toList();
  }

  /** The tokens of {@code sql} with signs folded into numbers and {@code ::type} read as one cast token. */
  static List<SqlToken> tokenize(String sql) {
    return casts(signedNumbers(likeOperators(new Lexer(sql).tokens())));
  }

  /**
   * The raw tokens of {@code sql}, and what it leaves open at its end: a string, a quoted name, a dollar quote
   * or a comment (null when nothing).
   */
  record Lexed(List<SqlToken> tokens, String unterminated) {}

  static Lexed lex(String sql) {
    Lexer lexer = new Lexer(sql);
    List<SqlToken> tokens = lexer.tokens();
    return new Lexed(tokens, lexer.unterminated);
  }

  /** {@code [NOT] LIKE} / {@code [NOT] ILIKE} as the operators PostgreSQL stores and prints. */
  private static List<SqlToken> likeOperators(List<SqlToken> tokens) {
    List<SqlToken> out = new ArrayList<>(tokens.size());
    for (SqlToken token : tokens) {
      String operator = token.is(Kind.WORD, "like") ? "~~" : token.is(Kind.WORD, "ilike") ? "~~*" : null;
      if (operator == null) {
        out.add(token);
      } else if (!out.isEmpty() && out.get(out.size() - 1).is(Kind.WORD, "not")) {
        out.set(out.size() - 1, new SqlToken(Kind.OPERATOR, "!" + operator));
      } else {
        out.add(new SqlToken(Kind.OPERATOR, operator));
      }
    }
    return out;
  }

  static String render(List<SqlToken> tokens) {
    StringBuilder out = new StringBuilder();
    SqlToken previous = null;
    for (SqlToken token : tokens) {
      if (previous != null && spaceBetween(previous, token)) {
        out.append(' ');
      }
      out.append(token.sql());
      previous = token;
    }
    return out.toString();
  }

  private static boolean spaceBetween(SqlToken previous, SqlToken token) {
    if (token.kind == Kind.CAST || token.kind == Kind.PUNCT && ")],.".contains(token.text)) {
      return false;
    }
    if (previous.kind == Kind.PUNCT && "([.".contains(previous.text)) {
      return false;
    }
    boolean opening = token.is(Kind.PUNCT, "(") || token.is(Kind.PUNCT, "[");
    return !(opening && (previous.kind == Kind.WORD || previous.kind == Kind.QUOTED_NAME));
  }

  /** {@code -} or {@code +} before a number where no operand precedes it is the number's sign. */
  private static List<SqlToken> signedNumbers(List<SqlToken> tokens) {
    List<SqlToken> out = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      boolean sign = token.is(Kind.OPERATOR, "-") || token.is(Kind.OPERATOR, "+");
      if (sign && i + 1 < tokens.size() && tokens.get(i + 1).kind == Kind.NUMBER && noOperandBefore(out)) {
        String digits = tokens.get(++i).text;
        out.add(number(token.text.equals("-") ? "-" + digits : digits));
      } else {
        out.add(token);
      }
    }
    return out;
  }

  private static boolean noOperandBefore(List<SqlToken> before) {
    if (before.isEmpty()) {
      return true;
    }
    SqlToken last = before.get(before.size() - 1);
    return last.kind == Kind.OPERATOR || last.kind == Kind.PUNCT && "([,".contains(last.text);
  }

  private static List<SqlToken> casts(List<SqlToken> tokens) {
    List<SqlToken> out = new ArrayList<>(tokens.size());
    int i = 0;
    while (i < tokens.size()) {
      SqlToken token = tokens.get(i);
      if (token.kind == Kind.WORD && TYPED_LITERAL_WORDS.contains(token.text) && i + 1 < tokens.size()
          && tokens.get(i + 1).kind == Kind.STRING && noOperandBefore(out)) {
        out.add(tokens.get(i + 1)); // interval '1 day' is '1 day'::interval
        out.add(new SqlToken(Kind.CAST, canonicalType(token.text)));
        i += 2;
      } else if (token.is(Kind.OPERATOR, "::") && i + 1 < tokens.size()) {
        StringBuilder type = new StringBuilder();
        i = typeName(tokens, i + 1, type);
        out.add(new SqlToken(Kind.CAST, canonicalType(type.toString())));
      } else {
        out.add(tokens.get(i++));
      }
    }
    return out;
  }

  /** Appends the type name starting at {@code i} to {@code type}; returns the index after it. */
  private static int typeName(List<SqlToken> tokens, int i, StringBuilder type) {
    String first = tokens.get(i).text;
    type.append(first);
    i++;
    while (i + 1 < tokens.size() && tokens.get(i).is(Kind.PUNCT, ".")) {
      type.append('.').append(tokens.get(i + 1).text);
      i += 2;
    }
    if (MULTI_WORD_TYPE_STARTS.contains(first)) {
      while (i < tokens.size() && tokens.get(i).kind == Kind.WORD
          && MULTI_WORD_TYPE_CONTINUATIONS.contains(tokens.get(i).text)) {
        type.append(' ').append(tokens.get(i++).text);
      }
    }
    if (i < tokens.size() && tokens.get(i).is(Kind.PUNCT, "(")) {
      type.append('(');
      for (i++; i < tokens.size() && !tokens.get(i).is(Kind.PUNCT, ")"); i++) {
        type.append(tokens.get(i).text);
      }
      type.append(')');
      i++;
    }
    if ((first.equals("timestamp") || first.equals("time")) && i + 2 < tokens.size()
        && (tokens.get(i).is(Kind.WORD, "with") || tokens.get(i).is(Kind.WORD, "without"))
        && tokens.get(i + 1).is(Kind.WORD, "time") && tokens.get(i + 2).is(Kind.WORD, "zone")) {
      type.append(' ').append(tokens.get(i).text).append(" time zone");
      i += 3;
    }
    while (i + 1 < tokens.size() && tokens.get(i).is(Kind.PUNCT, "[")) {
      int close = tokens.get(i + 1).is(Kind.PUNCT, "]") ? i + 1 : i + 2;
      if (close >= tokens.size() || !tokens.get(close).is(Kind.PUNCT, "]")) {
        break;
      }
      type.append("[]");
      i = close + 1;
    }
    return i;
  }

  private static String canonicalType(String type) {
    return SqlTypes.problem(type) == null ? SqlTypes.canonical(type) : type;
  }

  /** Splits SQL text into raw tokens; comments and whitespace are dropped. */
  private static final class Lexer {
    private final String sql;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int at;
    /** What the text leaves open at its end, e.g. {@code "the string 'abc"}; null when nothing. */
    private String unterminated;

    Lexer(String sql) {
      this.sql = sql;
    }

    List<SqlToken> tokens() {
      while (at < sql.length()) {
        char c = sql.charAt(at);
        if (Character.isWhitespace(c)) {
          at++;
        } else if (sql.startsWith("--", at)) {
          int end = sql.indexOf('\n', at);
          if (end < 0) {
            // it would run on over the rest of the line dbsync writes after the fragment
            unterminated = "the line comment " + sql.substring(at);
          }
          at = end < 0 ? sql.length() : end + 1;
        } else if (sql.startsWith("/*", at)) {
          blockComment();
        } else if (c == '\'') {
          tokens.add(string(quoted('\'')));
        } else if ((c == 'e' || c == 'E') && sql.startsWith("'", at + 1)) {
          at++;
          tokens.add(string(escapeString()));
        } else if (c == '$' && dollarTag() != null) {
          tokens.add(string(dollarQuoted()));
        } else if (c == '"') {
          // "name" is the same identifier as name: spelled the one way Identifiers writes it
          String name = Identifiers.quote(quoted('"'));
          tokens.add(new SqlToken(name.startsWith("\"") ? Kind.QUOTED_NAME : Kind.WORD, name));
        } else if (Character.isDigit(c) || c == '.' && at + 1 < sql.length() && Character.isDigit(sql.charAt(at + 1))) {
          tokens.add(number(numberText()));
        } else if (Character.isLetter(c) || c == '_') {
          int start = at;
          while (at < sql.length()
              && (Character.isLetterOrDigit(sql.charAt(at)) || "_$".indexOf(sql.charAt(at)) >= 0)) {
            at++;
          }
          tokens.add(word(sql.substring(start, at).toLowerCase(Locale.ROOT)));
        } else if (sql.startsWith("::", at)) {
          at += 2;
          tokens.add(new SqlToken(Kind.OPERATOR, "::"));
        } else if ("()[],.;:".indexOf(c) >= 0) {
          at++;
          tokens.add(new SqlToken(Kind.PUNCT, String.valueOf(c)));
        } else {
          tokens.add(new SqlToken(Kind.OPERATOR, operator()));
        }
      }
      return tokens;
    }

    /** The content of a literal quoted by {@code quote}, a doubled quote standing for one. */
    private String quoted(char quote) {
      int start = at;
      StringBuilder value = new StringBuilder();
      at++;
      while (at < sql.length()) {
        char c = sql.charAt(at++);
        if (c == quote) {
          if (at < sql.length() && sql.charAt(at) == quote) {
            at++;
          } else {
            return value.toString();
          }
        }
        value.append(c);
      }
      unterminated = (quote == '"' ? "the quoted name " : "the string ") + sql.substring(start);
      return value.toString();
    }

    private String escapeString() {
      int start = at - 1;
      StringBuilder value = new StringBuilder();
      at++;
      while (at < sql.length()) {
        char c = sql.charAt(at++);
        if (c == '\\' && at < sql.length()) {
          char escaped = sql.charAt(at++);
          value.append(
              switch (escaped) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case 'f' -> '\f';
                default -> escaped;
              });
        } else if (c == '\'' && at < sql.length() && sql.charAt(at) == '\'') {
          at++;
          value.append('\'');
        } else if (c == '\'') {
          return value.toString();
        } else {
          value.append(c);
        }
      }
      unterminated = "the string " + sql.substring(start);
      return value.toString();
    }

    private String dollarTag() {
      int end = at + 1;
      while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
        end++;
      }
      boolean tag = end < sql.length() && sql.charAt(end) == '$' && !Character.isDigit(sql.charAt(at + 1));
      return tag ? sql.substring(at, end + 1) : null;
    }

    private String dollarQuoted() {
      String tag = dollarTag();
      int start = at + tag.length();
      int end = sql.indexOf(tag, start);
      if (end < 0) {
        unterminated = "the dollar quote " + tag;
      }
      at = end < 0 ? sql.length() : end + tag.length();
      return sql.substring(start, end < 0 ? sql.length() : end);
    }

    private void blockComment() {
      int start = at;
      int depth = 0;
      while (at < sql.length()) {
        if (sql.startsWith("/*", at)) {
          depth++;
          at += 2;
        } else if (sql.startsWith("*/", at)) {
          at += 2;
          if (--depth == 0) {
            return;
          }
        } else {
          at++;
        }
      }
      unterminated = "the comment " + sql.substring(start);
    }

    private String numberText() {
      int start = at;
      while (at < sql.length() && (Character.isDigit(sql.charAt(at)) || sql.charAt(at) == '.')) {
        at++;
      }
      if (at < sql.length() && (sql.charAt(at) == 'e' || sql.charAt(at) == 'E')) {
        int exponent = at + 1;
        if (exponent < sql.length() && "+-".indexOf(sql.charAt(exponent)) >= 0) {
          exponent++;
        }
        if (exponent < sql.length() && Character.isDigit(sql.charAt(exponent))) {
          at = exponent;
          while (at < sql.length() && Character.isDigit(sql.charAt(at))) {
            at++;
          }
        }
      }
      return sql.substring(start, at);
    }

    /**
     * PostgreSQL's operator rule: the longest run of operator characters, except that a multi-character
     * operator cannot end in {@code +} or {@code -} unless it contains one of {@code ~!@#%^&|`?}.
     */
    private String operator() {
      int start = at;
      while (at < sql.length() && OPERATOR_CHARS.indexOf(sql.charAt(at)) >= 0
          && !sql.startsWith("--", at) && !sql.startsWith("/*", at)) {
        at++;
      }
      if (at == start) {
        return String.valueOf(sql.charAt(at++));
      }
      String op = sql.substring(start, at);
      boolean special = op.chars().anyMatch(ch -> "~!@#%^&|`?".indexOf(ch) >= 0);
      while (op.length() > 1 && !special && (op.endsWith("+") || op.endsWith("-"))) {
        op = op.substring(0, op.length() - 1);
        at--;
      }
      return op;
    }
  }
}
