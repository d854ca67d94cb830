package dev.dbsync.engine;

import static dev.dbsync.schema.diff.Models.column;
import static dev.dbsync.schema.diff.Models.nullable;
import static dev.dbsync.schema.diff.Models.schema;
import static dev.dbsync.schema.diff.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbsync.runtime.engine.Verification;
import dev.dbsync.schema.diff.DdlRenderer;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.diff.SchemaDiffer;
import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The property behind verification through canonical forms: a table created with one spelling of its
 * expressions verifies against any other spelling of the same expressions. Each seed writes checks, a generated
 * column, an index predicate and defaults twice, independently at random (qualified or quoted columns,
 * {@code !=} or {@code <>}, explicit casts, string and number literal forms, keyword case, parentheses,
 * whitespace), creates the first and verifies it against the second, in a transaction rolled back afterwards.
 */
@ExtendWith(FreshDatabase.class)
class EquivalentSpellingsTest {
  private static final int SEEDS = Integer.getInteger("dbsync.spellings.seeds", 150);

  /** Templates: {column}, {#number}, {'string'}, {ne}, {and}, {or} are spelled at random. */
  private static final List<String> CONDITIONS = List.of(
      "{age} > {#21}",
      "{name} {ne} {'Alex'}",
      "{age} BETWEEN {#1} {and} {#200}",
      "{name} IS NOT NULL {and} {age} >= {#0}",
      "length({name}) < {#100}",
      "lower({name}) {ne} {'bob'} {or} {age} < {#10}",
      "{note} LIKE {'%x%'}",
      "{age} IN ({#1}, {#2}, {#3})",
      "NOT ({age} = {#5})");

  private static final List<String> GENERATED = List.of(
      "{name} || {'hello'}", "{age} * {#2}", "upper({name})", "coalesce({note}::text, {'none'})");

  private static final List<String> PREDICATES = List.of(
      "true", "{age} > {#21}", "{name} IS NOT NULL", "{note} {ne} {''}");

  private static final Pattern MARKER = Pattern.compile("\\{([^}]*)}");

  @Test
  void randomEquivalentSpellingsNeverFailVerification(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      connection.setAutoCommit(false);
      for (long seed = 1; seed <= SEEDS; seed++) {
        Random random = new Random(seed);
        String check = pick(CONDITIONS, random);
        String generated = pick(GENERATED, random);
        String predicate = pick(PREDICATES, random);
        long spellingSeed = random.nextLong();
        Schema created = users(new Speller(new Random(spellingSeed)), check, generated, predicate);
        Schema declared = users(new Speller(new Random(~spellingSeed)), check, generated, predicate);
        try (Statement statement = connection.createStatement()) {
          for (String sql : DdlRenderer.statements(SchemaDiffer.diff(Schema.EMPTY, created, Intent.NONE).changes())) {
            statement.execute(sql);
          }
          Drift drift = Verification.compare(connection, declared);
          assertEquals(List.of(), drift.differences(),
              "seed " + seed + ": created " + created + "\ndeclared " + declared);
        } finally {
          connection.rollback();
        }
      }
    }
  }

  private static Schema users(Speller speller, String check, String generated, String predicate) {
    return schema(table("public.users").id()
        .col("age", "integer")
        .col("name", "text")
        .nullableCol("note", "character varying(40)")
        .with(nullable("derived", generated.startsWith("{age}") ? "integer" : "text")
            .withGenerated(speller.spell(generated)))
        .with(column("period", "interval month").withDefault(speller.pick("'1 mon'", "'1 month'",
            "'1 mon'::interval month", "'1 month'::interval month", "'1 mons'")))
        .with(column("label", "text").withDefault(speller.literal("'x'")))
        .with(column("score", "integer").withDefault(speller.number("7")))
        .check("users_check", speller.spell(check))
        .index(new Index("users_age_idx", List.of("age"), false, Index.DEFAULT_METHOD, speller.spell(predicate))));
  }

  private static String pick(List<String> items, Random random) {
    return items.get(random.nextInt(items.size()));
  }

  /** Writes one template in a random one of its equivalent spellings. */
  private record Speller(Random random) {
    String spell(String template) {
      Matcher marker = MARKER.matcher(template);
      StringBuilder text = new StringBuilder();
      while (marker.find()) {
        String m = marker.group(1);
        String spelled = switch (m) {
          case "ne" -> pick("<>", "!=");
          case "and" -> pick("AND", "and", "And");
          case "or" -> pick("OR", "or");
          default -> m.startsWith("#") ? number(m.substring(1)) : m.startsWith("'") ? literal(m) : column(m);
        };
        marker.appendReplacement(text, Matcher.quoteReplacement(spelled));
      }
      marker.appendTail(text);
      String spelled = text.toString().replace(" ", pick(" ", "  ", "\n  ", " "));
      return random.nextInt(4) == 0 && !spelled.equals("true") ? "(" + spelled + ")" : spelled;
    }

    String column(String name) {
      return pick(name, "\"" + name + "\"", "users." + name, "\"users\".\"" + name + "\"", "\"users\"." + name,
          "(" + name + ")");
    }

    String number(String value) {
      return pick(value, "(" + value + ")", value + "::integer", value + "::int4", "CAST(" + value + " AS integer)",
          "'" + value + "'::integer");
    }

    String literal(String quoted) {
      String value = quoted.substring(1, quoted.length() - 1);
      return pick(quoted, quoted + "::text", "E" + quoted, "$$" + value + "$$", "CAST(" + quoted + " AS text)",
          "(" + quoted + ")");
    }

    String pick(String... spellings) {
      return spellings[random.nextInt(spellings.length)];
    }
  }
}
