package dev.dbsync.schema.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The expected texts are what jackson-databind 2.20 wrote for the same values: moving to the streaming core
 * changed no byte.
 */
class JsonTest {
  @Test
  void parsesEveryKindOfValue() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("s", "x");
    expected.put("n", new BigDecimal("1.50"));
    expected.put("t", true);
    expected.put("f", false);
    expected.put("z", null);
    expected.put("a", Arrays.asList(new BigDecimal("1"), List.of(), Map.of(), null));
    Object parsed =
        Json.parse(" {\"s\":\"x\",\"n\":1.50,\r\n\t\"t\":true,\"f\":false,\"z\":null,\"a\":[1,[],{},null]} ");
    assertEquals(expected, parsed);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(((Map<?, ?>) parsed).keySet()));
    assertNull(Json.parse("null"));
  }

  @Test
  void duplicateKeyKeepsTheLastValueAtTheFirstPosition() {
    Map<?, ?> object = (Map<?, ?>) Json.parse("{\"b\":1,\"a\":2,\"b\":3}");
    assertEquals(List.of("b", "a"), List.copyOf(object.keySet()));
    assertEquals(new BigDecimal("3"), object.get("b"));
    assertEquals("{\"a\":2,\"b\":3}", Json.compact(object));
  }

  @Test
  void roundTripsCompactAndPretty() {
    String compact = "{\"a\":[1,-2.50,\"x\",true,false,null,{},[]],\"b\":{\"c\":{\"d\":[[0]]}},\"e\":\"\\u0000\\\"\"}";
    assertEquals(compact, Json.compact(Json.parse(compact)));
    String pretty = Json.pretty(Json.parse(compact));
    assertEquals(pretty, Json.pretty(Json.parse(pretty)));
    assertEquals(compact, Json.compact(Json.parse(pretty)));
  }

  @Test
  void prettyLayout() {
    Map<String, Object> inner = new TreeMap<>(Map.of("k", "v", "j", List.of()));
    Map<String, Object> value = new TreeMap<>();
    value.put("l", Arrays.asList(1, "x", true, List.of(), Map.of(), List.of(List.of(2L)), inner, null));
    value.put("e", Map.of());
    value.put("a", List.of());
    value.put("d", new BigDecimal("1.50"));
    assertEquals(
        """
        {
          "a": [],
          "d": 1.50,
          "e": {},
          "l": [
            1,
            "x",
            true,
            [],
            {},
            [
              [
                2
              ]
            ],
            {
              "j": [],
              "k": "v"
            },
            null
          ]
        }""",
        Json.pretty(value));
    assertEquals("{}", Json.pretty(Map.of()));
    assertEquals("[]", Json.pretty(List.of()));
    assertEquals("\"s\"", Json.pretty("s"));
  }

  /** The hand-written writer gives the bytes Jackson's generator gave, set up as it was, for random values. */
  @Test
  void writesWhatJacksonsGeneratorWrote() throws IOException {
    Random random = new Random(11);
    for (int i = 0; i < 2000; i++) {
      Object value = randomValue(random, 0);
      assertEquals(jackson(value, true), Json.pretty(value));
      assertEquals(jackson(value, false), Json.compact(value));
    }
  }

  private static Object randomValue(Random random, int depth) {
    return switch (random.nextInt(depth > 4 ? 6 : 8)) {
      case 0 -> randomString(random);
      case 1 -> new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(41) - 20);
      case 2 -> random.nextBoolean() ? (Object) random.nextInt() : (Object) random.nextLong();
      case 3 -> random.nextBoolean();
      case 4 -> null;
      case 5 -> "";
      case 6 -> {
        List<Object> list = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          list.add(randomValue(random, depth + 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> map = random.nextBoolean() ? new LinkedHashMap<>() : new TreeMap<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          map.put(randomString(random), randomValue(random, depth + 1));
        }
        yield map;
      }
    };
  }

  private static String randomString(Random random) {
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(12); n > 0; n--) {
      // mostly the characters that are escaped or near them, then any UTF-16 unit (lone surrogates too)
      text.append(random.nextBoolean() ? (char) random.nextInt(0x80) : (char) random.nextInt(0x10000));
    }
    return text.toString();
  }

  /** What Json wrote through Jackson before: its generator, plain numbers, the snapshot's pretty printer. */
  private static String jackson(Object value, boolean pretty) throws IOException {
    StringWriter out = new StringWriter();
    JsonFactory factory = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    try (JsonGenerator generator = factory.createGenerator(out)) {
      if (pretty) {
        generator.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      }
      jackson(value, generator);
    }
    return out.toString();
  }

  private static void jackson(Object value, JsonGenerator generator) throws IOException {
    if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
        generator.writeFieldName((String) entry.getKey());
        jackson(entry.getValue(), generator);
      }
      generator.writeEndObject();
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object element : list) {
        jackson(element, generator);
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
    } else {
      generator.writeNull();
    }
  }

  @Test
  void keysAreWrittenSortedWhateverTheMap() {
    Map<String, Object> unsorted = new LinkedHashMap<>();
    unsorted.put("b", 1);
    unsorted.put("B", 2);
    unsorted.put("a", Map.of("y", 1, "x", 2));
    unsorted.put("\u00e9", 3);
    assertEquals("{\"B\":2,\"a\":{\"x\":2,\"y\":1},\"b\":1,\"\u00e9\":3}", Json.compact(unsorted));
  }

  @Test
  void escapesLikeJackson() {
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    assertEquals(
        "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000B\\f\\r\\u000E\\u000F"
            + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001A\\u001B\\u001C\\u001D"
            + "\\u001E\\u001F\"",
        Json.compact(controls.toString()));
    // quote and backslash escaped; slash, DEL, non-ASCII, line separators, surrogates (also lone ones) as they are
    String raw = "\"\\/'\u007f\u00e9\u20ac\u2028\u2029\ufeff\ud83d\ude00\ud800";
    assertEquals("\"\\\"\\\\/'\u007f\u00e9\u20ac\u2028\u2029\ufeff\ud83d\ude00\ud800\"", Json.compact(raw));
    assertEquals(raw, Json.parse(Json.compact(raw)));
  }

  @Test
  void readsEscapes() {
    assertEquals("\"\\/\b\f\n\r\t", Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""));
    assertEquals("\u00e9\u00e9\u001f", Json.parse("\"\\u00E9\\u00e9\\u001F\""));
    assertEquals("\ud83d\ude00", Json.parse("\"\\ud83d\\ude00\""));
    // a lone surrogate is kept, as Jackson keeps it: PostgreSQL refuses it in jsonb, Java strings hold it
    assertEquals("\ud800", Json.parse("\"\\ud800\""));
    assertEquals("\udc00\ud800", Json.parse("\"\\udc00\\ud800\""));
  }

  @ParameterizedTest
  @CsvSource({
    "1, 1",
    "-0, 0",
    "-0.0, 0.0",
    "1.50, 1.50",
    "1e2, 100",
    "1E-2, 0.01",
    "1.0e2, 100",
    "-1.5E+3, -1500",
    "0e5, 0",
    "12345678901234567890, 12345678901234567890",
    "123456789012345678901234567890.5, 123456789012345678901234567890.5",
    "1e30, 1000000000000000000000000000000"
  })
  void numbersKeepTheirScaleAndAreWrittenPlain(String literal, String written) {
    Object number = Json.parse(literal);
    assertEquals(new BigDecimal(literal), number);
    assertEquals(new BigDecimal(literal).scale(), ((BigDecimal) number).scale());
    assertEquals(written, Json.compact(number));
  }

  @Test
  void writesIntegersAndLongs() {
    assertEquals("[1,-9223372036854775808]", Json.compact(List.of(1, Long.MIN_VALUE)));
  }

  @Test
  void refusesToWriteGiganticPlainNumbersAndOtherTypes() {
    assertEquals(10000, Json.compact(Json.parse("1e9999")).length());
    assertThrows(IllegalArgumentException.class, () -> Json.compact(Json.parse("1e10000")));
    assertThrows(IllegalArgumentException.class, () -> Json.compact(Json.parse("1e-10000")));
    assertThrows(IllegalArgumentException.class, () -> Json.compact(1.5));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "[1,]",
        "{\"a\":1,}",
        "{a:1}",
        "{'a':1}",
        "{\"a\" 1}",
        "[1 2]",
        "01",
        "[-01]",
        "1.",
        ".5",
        "+1",
        "-",
        "1e",
        "1e99999999999",
        "NaN",
        "[tru]",
        "\"abc",
        "[1] x",
        "{}{}",
        "/*c*/1",
      })
  void refusesInvalidInputNamingThePosition(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
    assertTrue(e.getMessage().contains(" at line 1, column "), e.getMessage());
  }

  @Test
  void positionCountsLines() {
    assertMessage("{\n  \"a\": [1,\n    2,]\n}", " at line 3, column 7");
  }

  @Test
  void refusesWhitespaceAndControlCharactersJsonDoesNotAllow() {
    assertMessage("[1,\f2]", " at line 1, column 5");
    assertMessage("\u00a0[1]", " at line 1, column 1");
    assertMessage("\"a\tb\"", " at line 1, column 3");
  }

  @Test
  void refusesNestingDeeperThanAThousandLevels() {
    assertEquals(List.of(), unwrap(Json.parse("[".repeat(1000) + "]".repeat(1000)), 999));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Json.parse("[".repeat(1001) + "]".repeat(1001)));
    assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
  }

  private static Object unwrap(Object array, int levels) {
    for (int i = 0; i < levels; i++) {
      array = ((List<?>) array).get(0);
    }
    return array;
  }

  private static void assertMessage(String text, String position) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
    assertTrue(e.getMessage().endsWith(position), e.getMessage());
  }
}
