package dev.dbsync.schema.sql;

import java.util.Locale;

/**
 * PostgreSQL's array text ({@code '{a,"b c"}'}) in the form {@code array_out} prints: no spaces around
 * elements, an element quoted only when it must be. Dimension decorations ({@code [1:2]={..}}) and malformed
 * text are left as they are.
 */
final class ArrayLiteral {
  private final String text;
  private int at;

  private ArrayLiteral(String text) {
    this.text = text;
  }

  static String normalize(String text) {
    ArrayLiteral parser = new ArrayLiteral(text);
    try {
      parser.skipSpace();
      StringBuilder out = new StringBuilder();
      parser.array(out);
      parser.skipSpace();
      return parser.at == text.length() ? out.toString() : text;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return text;
    }
  }

  private void array(StringBuilder out) {
    expect('{');
    out.append('{');
    skipSpace();
    if (text.charAt(at) == '}') {
      at++;
      out.append('}');
      return;
    }
    while (true) {
      skipSpace();
      if (text.charAt(at) == '{') {
        array(out);
      } else {
        out.append(element());
      }
      skipSpace();
      char c = text.charAt(at++);
      if (c == '}') {
        out.append('}');
        return;
      }
      if (c != ',') {
        throw new IllegalArgumentException("expected , or }");
      }
      out.append(',');
    }
  }

  private String element() {
    if (text.charAt(at) == '"') {
      at++;
      StringBuilder value = new StringBuilder();
      while (text.charAt(at) != '"') {
        if (text.charAt(at) == '\\') {
          at++;
        }
        value.append(text.charAt(at++));
      }
      at++;
      return quotedIfNeeded(value.toString());
    }
    StringBuilder value = new StringBuilder();
    while (",}".indexOf(text.charAt(at)) < 0) {
      if (text.charAt(at) == '\\') {
        at++;
      }
      value.append(text.charAt(at++));
    }
    String bare = value.toString().strip();
    return bare.equalsIgnoreCase("null") ? "NULL" : quotedIfNeeded(bare);
  }

  private static String quotedIfNeeded(String value) {
    boolean plain =
        !value.isEmpty()
            && !value.toLowerCase(Locale.ROOT).equals("null")
            && value.chars().noneMatch(c -> "{}\",\\".indexOf(c) >= 0 || Character.isWhitespace(c));
    return plain ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private void expect(char c) {
    if (text.charAt(at++) != c) {
      throw new IllegalArgumentException("expected " + c);
    }
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }
}
