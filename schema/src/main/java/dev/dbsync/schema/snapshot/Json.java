package dev.dbsync.schema.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON read into plain Java values and written back, for the snapshot file and jsonb defaults. Read with Jackson's
 * streaming parser (jackson-databind's object mapping is not needed here and loading it cost every javac run of the
 * processor ~150 ms); written by hand, in the bytes Jackson's generator wrote.
 *
 * <p>Values: an object is a {@code Map<String, Object>} (a {@link LinkedHashMap} when parsed; a duplicate key's
 * last value wins), an array a {@code List<Object>}, a string a {@link String}, a number a {@link BigDecimal}
 * with the literal's scale ({@code 1.50} stays {@code 1.50}), {@code true} and {@code false} a {@link Boolean},
 * and JSON {@code null} is Java {@code null}. Writing also takes {@link Integer} and {@link Long}.
 */
public final class Json {
  /** The largest scale, either way, that a number is written plain with, as Jackson allowed. */
  private static final int MAX_PLAIN_SCALE = 9999;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Json() {}

  /**
   * Reads one JSON value; nothing but whitespace may follow it.
   *
   * @throws IllegalArgumentException naming what is wrong and where ({@code line 2, column 7})
   */
  public static Object parse(String text) {
    return Reading.parse(text);
  }

  /**
   * The value as the snapshot is written: two-space indent, {@code "\n"} line ends on every platform,
   * {@code "key": value}, every array element on a line of its own, {@code {}} and {@code []} when empty. Object
   * keys are always written sorted, so equal values give equal text; a {@link BigDecimal} is written plain
   * ({@code 1E+2} as {@code 100}).
   */
  public static String pretty(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(value, true, 0, out);
    return out.toString();
  }

  /** The value without any whitespace ({@code {"a":1,"b":[1,2]}}), keys sorted as in {@link #pretty}. */
  public static String compact(Object value) {
    StringBuilder out = new StringBuilder(64);
    write(value, false, 0, out);
    return out.toString();
  }

  /**
   * Writes what Jackson's generator wrote before (its default escapes, plain numbers, the pretty printer set up
   * as {@link #pretty} describes), by hand: at 1,000 tables the snapshot is 1.3 MB of text, written at every
   * compile, and Jackson's generator and pretty printer took ~3× as long, ~0.1 s of each compile.
   */
  private static void write(Object value, boolean pretty, int depth, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      boolean first = true;
      // a TreeMap in natural order is sorted already; any other map is sorted by a copy
      Map<?, ?> sorted = map instanceof TreeMap<?, ?> tree && tree.comparator() == null ? map : new TreeMap<>(map);
      for (Map.Entry<?, ?> entry : sorted.entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        newLine(pretty, depth + 1, out);
        string((String) entry.getKey(), out);
        out.append(pretty ? ": " : ":");
        write(entry.getValue(), pretty, depth + 1, out);
      }
      newLine(pretty, depth, out);
      out.append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      boolean first = true;
      for (Object element : list) {
        out.append(first ? "" : ",");
        first = false;
        newLine(pretty, depth + 1, out);
        write(element, pretty, depth + 1, out);
      }
      newLine(pretty, depth, out);
      out.append(']');
    } else if (value instanceof String string) {
      string(string, out);
    } else if (value instanceof BigDecimal number) {
      if (Math.abs(number.scale()) > MAX_PLAIN_SCALE) {
        // as Jackson refused: 1e10000 written plain is 10,001 characters
        throw new IllegalArgumentException("cannot write " + number + " plain: its scale (" + number.scale()
            + ") is outside [-" + MAX_PLAIN_SCALE + ", " + MAX_PLAIN_SCALE + "]");
      }
      out.append(number.toPlainString());
    } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
      out.append(value);
    } else if (value == null) {
      out.append("null");
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void newLine(boolean pretty, int depth, StringBuilder out) {
    if (pretty) {
      out.append('\n');
      for (int i = 0; i < depth; i++) {
        out.append("  ");
      }
    }
  }

  /** Jackson's default escapes: quote, backslash, and control characters (short forms where JSON has one). */
  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Jackson's parser, in a class of its own so that Jackson is loaded only when something is parsed: a compile that
   * writes a snapshot without reading one (the first, or one with nothing changed) never loads it.
   */
  private static final class Reading {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Reading() {}

    static Object parse(String text) {
      try (JsonParser parser = FACTORY.createParser(text)) {
        if (parser.nextToken() == null) {
          throw new IllegalArgumentException("expected a value, found the end of the input" + at(parser));
        }
        Object value = read(parser);
        if (parser.nextToken() != null) {
          throw new IllegalArgumentException("unexpected " + parser.getText() + " after the value" + at(parser));
        }
        return value;
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e.getOriginalMessage() + at(e.getLocation()), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a String source does not fail to read
      }
    }

    /** The value that starts at the parser's current token. */
    private static Object read(JsonParser parser) throws IOException {
      JsonToken token = parser.currentToken();
      switch (token) {
        case START_OBJECT -> {
          Map<String, Object> object = new LinkedHashMap<>();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.put(name, read(parser));
          }
          return object;
        }
        case START_ARRAY -> {
          List<Object> array = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(read(parser));
          }
          return array;
        }
        case VALUE_STRING -> {
          return parser.getText();
        }
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          try {
            return new BigDecimal(parser.getText()); // the literal's scale, which getDecimalValue() may not keep
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("number out of range: " + parser.getText() + at(parser), e);
          }
        }
        case VALUE_TRUE, VALUE_FALSE -> {
          return token == JsonToken.VALUE_TRUE;
        }
        case VALUE_NULL -> {
          return null;
        }
        default -> throw new IllegalArgumentException("unexpected " + token + at(parser));
      }
    }

    private static String at(JsonParser parser) {
      return at(parser.currentTokenLocation());
    }

    private static String at(JsonLocation location) {
      return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
  }
}
