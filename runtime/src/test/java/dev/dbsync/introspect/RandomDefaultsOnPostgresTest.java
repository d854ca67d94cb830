package dev.dbsync.introspect;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.sql.Identifiers;
import dev.dbsync.schema.sql.SqlDefaults;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Seeded random literal defaults of several types, declared on PostgreSQL and read back: each must stay
 * equivalent to its declaration. The seed is in the failure message; change {@link #SEED} to explore.
 */
@ExtendWith(FreshDatabase.class)
class RandomDefaultsOnPostgresTest {
  private static final long SEED = 20261125L;
  private static final int COLUMNS_PER_TYPE = 40;
  private static final String CHARACTERS = "ab Z'\"\\{},é€\n\t0-.";

  private record Generator(String type, Function<Random, String> declared) {}

  private static final List<Generator> GENERATORS =
      List.of(
          new Generator("text", r -> Identifiers.literal(text(r))),
          new Generator("integer", r -> quotedOrNot(r, String.valueOf(r.nextInt()))),
          new Generator("bigint", r -> quotedOrNot(r, String.valueOf(r.nextLong()))),
          new Generator("smallint", r -> String.valueOf((short) r.nextInt())),
          new Generator("numeric", r -> quotedOrNot(r, decimal(r))),
          new Generator("numeric(20,4)", r -> decimal(r)),
          new Generator("double precision", r -> decimal(r)),
          new Generator("boolean", r -> List.of("true", "FALSE", "'t'", "'no'", "'on'", "'1'").get(r.nextInt(6))),
          new Generator("jsonb", r -> Identifiers.literal(json(r, 2))),
          new Generator("json", r -> Identifiers.literal(json(r, 2))),
          new Generator("text[]", r -> Identifiers.literal(textArray(r))),
          new Generator("integer[]", r -> Identifiers.literal(intArray(r))));

  @Test
  void randomLiteralDefaultsReadBackEquivalent(TestDatabase db) throws SQLException {
    Random random = new Random(SEED);
    List<String> types = new ArrayList<>();
    List<String> declared = new ArrayList<>();
    for (Generator generator : GENERATORS) {
      for (int i = 0; i < COLUMNS_PER_TYPE; i++) {
        types.add(generator.type());
        declared.add(generator.declared().apply(random));
      }
    }
    try (Connection connection = db.connect()) {
      StringBuilder ddl = new StringBuilder("CREATE TABLE random_defaults (");
      for (int i = 0; i < types.size(); i++) {
        ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(' ').append(types.get(i))
            .append(" DEFAULT ").append(declared.get(i));
      }
      IntrospectorTest.execute(connection, ddl.append(")").toString());
      Table table = Introspector.read(connection, List.of("public")).tables().get(0);
      List<Executable> checks = new ArrayList<>();
      for (int i = 0; i < types.size(); i++) {
        Column column = table.columns().get(i);
        String what = "seed " + SEED + ": " + types.get(i) + " DEFAULT " + declared.get(i)
            + ", PostgreSQL prints " + column.defaultValue();
        String declaration = declared.get(i);
        checks.add(() -> assertTrue(SqlDefaults.equivalent(declaration, column.defaultValue(), column.type()), what));
      }
      assertAll(checks);
    }
  }

  private static String quotedOrNot(Random random, String number) {
    return random.nextBoolean() ? number : "'" + number + "'";
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(8);
    for (int i = 0; i < length; i++) {
      text.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
    }
    return text.toString();
  }

  private static String decimal(Random random) {
    BigDecimal value = BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, random.nextInt(5));
    return switch (random.nextInt(3)) {
      case 0 -> value.toPlainString();
      case 1 -> value.toString().replace("E+", "e"); // exponent form where BigDecimal uses one
      default -> value.unscaledValue() + "e-" + value.scale();
    };
  }

  private static String json(Random random, int depth) {
    return switch (depth == 0 ? random.nextInt(4) : random.nextInt(6)) {
      case 0 -> String.valueOf(random.nextInt(1000) - 500);
      case 1 -> decimal(random);
      case 2 -> random.nextBoolean() ? "null" : String.valueOf(random.nextBoolean());
      case 3 -> jsonString(text(random));
      case 4 -> {
        List<String> items = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          items.add(json(random, depth - 1));
        }
        yield "[" + String.join(random.nextBoolean() ? "," : ", ", items) + "]";
      }
      default -> {
        List<String> members = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          members.add(jsonString("k" + text(random).replaceAll("[^a-z]", "")) + ":" + json(random, depth - 1));
        }
        yield "{" + String.join(",", members) + "}";
      }
    };
  }

  private static String jsonString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String textArray(Random random) {
    List<String> elements = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      String element = text(random);
      elements.add('"' + element.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
    }
    return "{" + String.join(random.nextBoolean() ? "," : " , ", elements) + "}";
  }

  private static String intArray(Random random) {
    List<String> elements = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      elements.add(String.valueOf(random.nextInt(200) - 100));
    }
    return "{" + String.join(random.nextBoolean() ? "," : " , ", elements) + "}";
  }
}
