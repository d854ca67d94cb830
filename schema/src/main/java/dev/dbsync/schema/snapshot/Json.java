package dev.dbsync.schema.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON read into plain Java values and written back, for the snapshot file and jsonb defaults, on Jackson's
 * streaming core: jackson-databind's object mapping is not needed here and loading it cost every javac run of
 * the processor ~150 ms.
 *
 * <p>Values: an object is a {@code Map<String, Object>} (a {@link LinkedHashMap} when parsed; a duplicate key's
 * last value wins), an array a {@code List<Object>}, a string a {@link String}, a number a {@link BigDecimal}
 * with the literal's scale ({@code 1.50} stays {@code 1.50}), {@code true} and {@code false} a {@link Boolean},
 * and JSON {@code null} is Java {@code null}. Writing also takes {@link Integer} and {@link Long}.
 */
public final class Json {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private Json() {}

  /**
   * Reads one JSON value; nothing but whitespace may follow it.
   *
   * @throws IllegalArgumentException naming what is wrong and where ({@code line 2, column 7})
   */
  public static Object parse(String text) {
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

  /**
   * The value as the snapshot is written: two-space indent, {@code "\n"} line ends on every platform,
   * {@code "key": value}, every array element on a line of its own, {@code {}} and {@code []} when empty. Object
   * keys are always written sorted, so equal values give equal text; a {@link BigDecimal} is written plain
   * ({@code 1E+2} as {@code 100}).
   */
  public static String pretty(Object value) {
    return text(value, new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
        // fixed "\n", not the platform's line separator: the file must be byte-stable everywhere
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n")));
  }

  /** The value without any whitespace ({@code {"a":1,"b":[1,2]}}), keys sorted as in {@link #pretty}. */
  public static String compact(Object value) {
    return text(value, null);
  }

  private static String text(Object value, DefaultPrettyPrinter prettyPrinter) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.setPrettyPrinter(prettyPrinter);
      write(value, generator);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e); // e.g. a number too long to write plain
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail to write
    }
    return out.toString();
  }

  private static void write(Object value, JsonGenerator generator) throws IOException {
    if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
        generator.writeFieldName((String) entry.getKey());
        write(entry.getValue(), generator);
      }
      generator.writeEndObject();
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object element : list) {
        write(element, generator);
      }
      generator.writeEndArray();
    } else if (value instanceof String string) {
      generator.writeString(string);
    } else if (value instanceof BigDecimal number) {
      generator.writeNumber(number);
    } else if (value instanceof Integer number) {
      generator.writeNumber(number);
    } else if (value instanceof Long number) {
      generator.writeNumber(number);
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value == null) {
      generator.writeNull();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
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
