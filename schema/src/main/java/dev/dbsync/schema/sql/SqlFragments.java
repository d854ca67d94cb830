package dev.dbsync.schema.sql;

import dev.dbsync.schema.sql.SqlToken.Kind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Checks the SQL fragments a user writes into annotations (a column type, a default, a check, a generation
 * expression, an index predicate) before dbsync pastes them into a statement: each must be exactly one type or
 * expression, so that nothing in it can end the statement, open a second one, or swallow what dbsync writes
 * after it.
 */
public final class SqlFragments {
  /** Words that are values in a default, not column references. */
  private static final Set<String> VALUE_KEYWORDS =
      Set.of("true", "false", "null", "current_date", "current_time", "current_timestamp", "localtime",
          "localtimestamp", "current_user", "session_user", "user", "current_role", "current_catalog",
          "current_schema");

  private SqlFragments() {}

  /**
   * Why {@code fragment} is not one self-contained type or expression, or null when it is: a top-level or any
   * {@code ;}, parentheses or brackets that do not pair up, or a string, quoted name, dollar quote or comment
   * left open.
   */
  public static String problem(String fragment) {
    SqlToken.Lexed lexed = SqlToken.lex(fragment);
    if (lexed.unterminated() != null) {
      return SqlMessages.unterminated(lexed.unterminated());
    }
    Deque<String> open = new ArrayDeque<>();
    for (SqlToken token : lexed.tokens()) {
      if (token.is(Kind.PUNCT, ";")) {
        return SqlMessages.semicolon();
      }
      if (token.is(Kind.PUNCT, "(") || token.is(Kind.PUNCT, "[")) {
        open.push(token.text());
      } else if (token.is(Kind.PUNCT, ")") || token.is(Kind.PUNCT, "]")) {
        String expected = token.text().equals(")") ? "(" : "[";
        if (open.isEmpty() || !open.peek().equals(expected)) {
          return SqlMessages.unbalanced(token.text());
        }
        open.pop();
      }
    }
    return open.isEmpty() ? null : SqlMessages.unclosed(open.peek());
  }

  /**
   * The name {@code fragment} consists of, when it is a single word or quoted name that is not a value keyword
   * ({@code true}, {@code current_timestamp}, ...): in a default PostgreSQL reads it as a column reference and
   * refuses it. Null otherwise.
   */
  public static String bareIdentifier(String fragment) {
    SqlToken.Lexed lexed = SqlToken.lex(fragment);
    List<SqlToken> tokens = lexed.tokens();
    if (lexed.unterminated() != null || tokens.size() != 1) {
      return null;
    }
    SqlToken token = tokens.get(0);
    boolean name = token.kind() == Kind.QUOTED_NAME
        || token.kind() == Kind.WORD && !VALUE_KEYWORDS.contains(token.text());
    if (!name) {
      return null;
    }
    String written = fragment.strip();
    return written.startsWith("\"") ? written.substring(1, written.length() - 1).replace("\"\"", "\"") : written;
  }

  /**
   * Whether {@code fragment} is a call {@code f(...)} or in parentheses {@code (...)} as a whole: the first
   * parenthesis closes at the very end. An index key element that is an expression must be one of these.
   */
  public static boolean isCallOrParenthesized(String fragment) {
    int open = fragment.indexOf('(');
    if (open < 0 || !fragment.substring(0, open).strip().matches("([A-Za-z_][\\w.]*)?")) {
      return false;
    }
    int depth = 0;
    char quote = 0;
    for (int i = open; i < fragment.length(); i++) {
      char c = fragment.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote; // a doubled quote closes and reopens: same effect
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i == fragment.length() - 1;
      }
    }
    return false;
  }
}
