package dev.dbsync.schema.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a PostgreSQL migration script into its statements at top-level semicolons. A semicolon does not
 * end a statement inside a standard string ({@code 'it''s'}), an escape string ({@code E'\''}), a quoted
 * identifier ({@code "a;b"}), a dollar-quoted body ({@code $$ ... $$}, {@code $fn$ ... $fn$}), a line comment
 * or a (nested) block comment. Each statement is returned without its semicolon and without the comments and
 * white space that precede it, so that its first word is its command; statements that are only comments are
 * dropped.
 *
 * SQL-standard routine bodies ({@code CREATE FUNCTION ... BEGIN ATOMIC ...; END}) stay whole.
 *
 * <p>Not understood: {@code COPY ... FROM stdin} data, which migrations should not contain.
 */
public final class SqlScript {
  private SqlScript() {}

  /**
   * One statement of a script.
   *
   * @param sql its text as {@link #split} returns it
   * @param line the line of the script its first word is on, from 1
   */
  public record Statement(String sql, int line) {
    /**
     * Its tokens outside comments, in order: words lower-cased, quoted names as {@link Identifiers#quote}
     * writes them ({@code "Posts"}, but {@code posts} for {@code "posts"}), strings and dollar-quoted bodies
     * as SQL literals ({@code 'text'}), numbers, operators and punctuation as single tokens. A word in a
     * string or a dollar-quoted body is never a word here.
     */
    public List<String> words() {
      return SqlToken.words(sql);
    }
  }

  public static List<String> split(String sql) {
    return statements(sql).stream().map(Statement::sql).toList();
  }

  /** The statements of {@code sql} as {@link #split} finds them, each with the line it starts on. */
  public static List<Statement> statements(String sql) {
    List<Statement> statements = new ArrayList<>();
    LineCounter lines = new LineCounter(sql);
    int start = 0;
    int i = 0;
    int length = sql.length();
    List<String> leadingWords = new ArrayList<>();
    int blockDepth = 0;
    while (i < length) {
      char c = sql.charAt(i);
      if (c == ';' && blockDepth == 0) {
        add(statements, sql, start, i, lines);
        start = ++i;
        leadingWords.clear();
      } else if (isIdentifierPart(c) && c != '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
        int end = i;
        while (end < length && isIdentifierPart(sql.charAt(end)) && sql.charAt(end) != '$') {
          end++;
        }
        String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
        if (leadingWords.size() < 4) {
          leadingWords.add(word);
        }
        blockDepth = nextBlockDepth(blockDepth, word, leadingWords);
        i = end;
      } else if (c == '-' && next(sql, i) == '-') {
        i = lineEnd(sql, i);
      } else if (c == '/' && next(sql, i) == '*') {
        i = blockCommentEnd(sql, i);
      } else if (c == '\'') {
        i = isEscapeStringPrefix(sql, i) ? escapeStringEnd(sql, i) : quotedEnd(sql, i, '\'');
      } else if (c == '"') {
        i = quotedEnd(sql, i, '"');
      } else if (c == '$') {
        i = dollarQuotedEnd(sql, i);
      } else {
        i++;
      }
    }
    add(statements, sql, start, length, lines);
    return List.copyOf(statements);
  }

  /**
   * Inside a routine's SQL-standard body ({@code CREATE FUNCTION ... BEGIN ATOMIC ...; ...; END}) semicolons
   * separate the body's statements: count BEGIN/CASE against END there, as psql does.
   */
  private static int nextBlockDepth(int depth, String word, List<String> leadingWords) {
    if (depth > 0) {
      return switch (word) {
        case "BEGIN", "CASE" -> depth + 1;
        case "END" -> depth - 1;
        default -> depth;
      };
    }
    return word.equals("BEGIN") && isRoutine(leadingWords) ? 1 : 0;
  }

  /** {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}. */
  private static boolean isRoutine(List<String> words) {
    List<String> kind = words.size() > 2 && words.get(1).equals("OR") && words.get(2).equals("REPLACE")
        ? words.subList(3, words.size()) : words.subList(Math.min(1, words.size()), words.size());
    return !words.isEmpty() && words.get(0).equals("CREATE") && !kind.isEmpty()
        && (kind.get(0).equals("FUNCTION") || kind.get(0).equals("PROCEDURE"));
  }

  private static void add(List<Statement> statements, String sql, int start, int end, LineCounter lines) {
    String chunk = sql.substring(start, end);
    int first = leadingCommentsEnd(chunk);
    String statement = chunk.substring(first).strip();
    if (!statement.isEmpty()) {
      statements.add(new Statement(statement, lines.lineOf(start + first)));
    }
  }

  /** Line numbers of increasing offsets, counted once over the script. */
  private static final class LineCounter {
    private final String sql;
    private int offset;
    private int line = 1;

    LineCounter(String sql) {
      this.sql = sql;
    }

    int lineOf(int target) {
      for (; offset < target; offset++) {
        if (sql.charAt(offset) == '\n') {
          line++;
        }
      }
      return line;
    }
  }

  /** Index of the first character of {@code chunk} that is neither white space nor inside a comment. */
  private static int leadingCommentsEnd(String chunk) {
    int i = 0;
    while (i < chunk.length()) {
      char c = chunk.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && next(chunk, i) == '-') {
        i = lineEnd(chunk, i);
      } else if (c == '/' && next(chunk, i) == '*') {
        i = blockCommentEnd(chunk, i);
      } else {
        return i;
      }
    }
    return i;
  }

  private static char next(String s, int i) {
    return i + 1 < s.length() ? s.charAt(i + 1) : '\0';
  }

  private static int lineEnd(String s, int i) {
    int newline = s.indexOf('\n', i);
    return newline < 0 ? s.length() : newline + 1;
  }

  /** PostgreSQL block comments nest: {@code /* a /* b *}{@code / still comment *}{@code /}. */
  private static int blockCommentEnd(String s, int i) {
    int depth = 0;
    while (i < s.length()) {
      if (s.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (s.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return i;
  }

  /** A quote closed by the same character, where a doubled quote stands for itself ({@code 'it''s'}). */
  private static int quotedEnd(String s, int open, char quote) {
    int i = open + 1;
    while (i < s.length()) {
      if (s.charAt(i) == quote) {
        if (next(s, i) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return i;
  }

  /** {@code E'...'}: the E is a word of its own, not the end of an identifier such as {@code some'}. */
  private static boolean isEscapeStringPrefix(String s, int quote) {
    if (quote == 0 || Character.toLowerCase(s.charAt(quote - 1)) != 'e') {
      return false;
    }
    return quote == 1 || !isIdentifierPart(s.charAt(quote - 2));
  }

  /** An escape string: a backslash escapes the next character, and {@code ''} still stands for a quote. */
  private static int escapeStringEnd(String s, int open) {
    int i = open + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '\'') {
        if (next(s, i) == '\'') {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return Math.min(i, s.length());
  }

  /**
   * {@code $tag$ ... $tag$} where the tag is empty or an identifier not starting with a digit. A {@code $}
   * inside an identifier ({@code a$b}) or before a digit ({@code $1}) opens nothing.
   */
  private static int dollarQuotedEnd(String s, int dollar) {
    if (dollar > 0 && isIdentifierPart(s.charAt(dollar - 1))) {
      return dollar + 1;
    }
    int i = dollar + 1;
    if (i < s.length() && Character.isDigit(s.charAt(i))) {
      return i;
    }
    while (i < s.length() && isIdentifierPart(s.charAt(i)) && s.charAt(i) != '$') {
      i++;
    }
    if (i >= s.length() || s.charAt(i) != '$') {
      return dollar + 1;
    }
    String tag = s.substring(dollar, i + 1);
    int close = s.indexOf(tag, i + 1);
    return close < 0 ? s.length() : close + tag.length();
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
