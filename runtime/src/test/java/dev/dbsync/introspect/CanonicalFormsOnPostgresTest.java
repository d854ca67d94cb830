package dev.dbsync.introspect;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.sql.SqlDefaults;
import dev.dbsync.schema.sql.SqlTypes;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link SqlTypes} and {@link SqlDefaults} checked against what PostgreSQL itself prints: each alias and each
 * default is declared on a real column and read back through the {@link Introspector}.
 */
@ExtendWith(FreshDatabase.class)
class CanonicalFormsOnPostgresTest {
  private static final List<String> TYPE_ALIASES =
      List.of(
          "int", "int4", "integer", "INTEGER", "int2", "smallint", "int8", "bigint", "float4", "real", "float8",
          "double precision", "Double   Precision", "float", "float(10)", "float(40)", "decimal", "decimal(12,2)",
          "numeric(12, 2)", "numeric(7)", "dec(3,1)", "varchar", "varchar(200)", "character varying(200)",
          "VARCHAR( 20 )", "char varying(4)", "char", "char(3)", "character(3)", "bpchar", "bpchar(4)", "bool",
          "boolean", "timestamptz", "timestamp with time zone", "timestamptz(3)", "timestamp", "timestamp(6)",
          "timestamp without time zone", "timestamp (3) with time zone", "timetz", "timetz(2)", "time",
          "time(3) with time zone", "time without time zone", "date", "interval", "interval(3)",
          "interval day to second", "interval day to second (3)", "uuid", "json", "jsonb", "bytea", "text",
          "inet", "cidr", "citext", "money",
          "bit", "bit(3)", "varbit", "bit varying(5)", "\"char\"", "int[]", "int4[]", "integer[][]", "int[3]",
          "int array", "varchar(10)[]", "text[]", "timestamptz[]", "double precision[]", "jsonb[]",
          "pg_catalog.int4", "mood", "mood[]");

  @Test
  void everyTypeAliasIsSpelledTheWayFormatTypePrintsIt(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      StringBuilder ddl = new StringBuilder("CREATE EXTENSION citext; CREATE TYPE mood AS ENUM ('ok');");
      ddl.append("CREATE TABLE types (");
      for (int i = 0; i < TYPE_ALIASES.size(); i++) {
        ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(' ').append(TYPE_ALIASES.get(i));
      }
      IntrospectorTest.execute(connection, ddl.append(")").toString());
      Table table = Introspector.read(connection, List.of("public")).tables().get(0);
      List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
      for (int i = 0; i < TYPE_ALIASES.size(); i++) {
        String alias = TYPE_ALIASES.get(i);
        Column column = table.columns().get(i);
        // an enum type (or an array of it) is read as the type itself, qualified
        String found = column.type().toString().replace("public.mood", "mood");
        checks.add(() -> assertEquals(found, SqlTypes.canonical(alias), alias));
      }
      assertAll(checks);
    }
  }

  /** Column type and default as a user declares them. */
  private record DefaultCase(String type, String declared) {}

  private static final List<DefaultCase> DEFAULTS =
      List.of(
          new DefaultCase("text", "'x'"),
          new DefaultCase("text", "'it''s'"),
          new DefaultCase("text", "E'it\\'s'"),
          new DefaultCase("text", "$$it's$$"),
          new DefaultCase("text", "''"),
          new DefaultCase("text", "'x'::text"),
          new DefaultCase("text", "-1"),
          new DefaultCase("varchar(10)", "'x'"),
          new DefaultCase("char(3)", "'ab'"),
          new DefaultCase("integer", "-1"),
          new DefaultCase("integer", "- 1"),
          new DefaultCase("integer", "42"),
          new DefaultCase("integer", "'5'"),
          new DefaultCase("integer", "1::int"),
          new DefaultCase("integer", "(1 + 2)"),
          new DefaultCase("integer", "1 + 2"),
          new DefaultCase("integer", "2147483648 - 1"),
          new DefaultCase("integer", "case when true then 1 else 2 end"),
          new DefaultCase("smallint", "-1"),
          new DefaultCase("bigint", "-1"),
          new DefaultCase("bigint", "3000000000"),
          new DefaultCase("bigint", "1::bigint + 2"),
          new DefaultCase("bigint", "nextval('s'::regclass)"),
          new DefaultCase("bigint", "nextval('s')"),
          new DefaultCase("numeric", "-1.5"),
          new DefaultCase("numeric", "1.5"),
          new DefaultCase("numeric", "-0.5"),
          new DefaultCase("numeric", "1e3"),
          new DefaultCase("numeric", "10.0"),
          new DefaultCase("numeric", "'-1.5'"),
          new DefaultCase("numeric(12,2)", "0"),
          new DefaultCase("numeric(12,2)", "'1.5'"),
          new DefaultCase("real", "1.5"),
          new DefaultCase("real", "'1.5'"),
          new DefaultCase("double precision", "-1.5"),
          new DefaultCase("double precision", "1e300"),
          new DefaultCase("boolean", "true"),
          new DefaultCase("boolean", "FALSE"),
          new DefaultCase("boolean", "'t'"),
          new DefaultCase("boolean", "'yes'"),
          new DefaultCase("timestamptz", "now()"),
          new DefaultCase("timestamptz", "NOW()"),
          new DefaultCase("timestamptz", "CURRENT_TIMESTAMP"),
          new DefaultCase("timestamptz", "current_timestamp"),
          new DefaultCase("timestamptz", "now() + interval '1 day'"),
          new DefaultCase("timestamp", "localtimestamp"),
          new DefaultCase("date", "CURRENT_DATE"),
          new DefaultCase("date", "'2020-01-01'::date"),
          new DefaultCase("date", "'2020-01-01'"),
          new DefaultCase("date", "now()::date"),
          new DefaultCase("interval", "'1 day'"),
          new DefaultCase("uuid", "gen_random_uuid()"),
          new DefaultCase("uuid", "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'"),
          new DefaultCase("jsonb", "'{}'::jsonb"),
          new DefaultCase("jsonb", "'{}'"),
          new DefaultCase("jsonb", "'{\"a\":1}'"),
          new DefaultCase("jsonb", "'{\"b\": 1, \"a\": [1, 2.50, 1e3], \"aa\": null}'"),
          new DefaultCase("jsonb", "'[]'"),
          new DefaultCase("json", "'{\"a\":1}'"),
          new DefaultCase("integer[]", "'{1,2}'"),
          new DefaultCase("integer[]", "'{ 1 , 2 }'"),
          new DefaultCase("integer[]", "ARRAY[1,2]"),
          new DefaultCase("text[]", "'{}'"),
          new DefaultCase("text[]", "'{\"a\",\"b c\"}'"),
          new DefaultCase("text[]", "ARRAY['a', 'b']"),
          new DefaultCase("varchar(5)[]", "'{}'"),
          new DefaultCase("mood", "'active'"),
          new DefaultCase("mood", "'active'::mood"),
          new DefaultCase("mood[]", "'{active}'"),
          new DefaultCase("billing.currency", "'EUR'"),
          new DefaultCase("billing.\"Coin\"", "'gold'"),
          new DefaultCase("text", "lower('X')"),
          new DefaultCase("text", "'a' || 'b'"),
          new DefaultCase("text", "coalesce(null, 'x')"),
          new DefaultCase("text", "current_user"),
          new DefaultCase("text", "null"),
          new DefaultCase("bytea", "'\\x00'"));

  @Test
  void everyDefaultReadsBackEquivalent(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      StringBuilder ddl =
          new StringBuilder(
              "CREATE SEQUENCE s; CREATE TYPE mood AS ENUM ('active'); CREATE SCHEMA billing;"
                  + " CREATE TYPE billing.currency AS ENUM ('EUR'); CREATE TYPE billing.\"Coin\" AS ENUM ('gold');");
      ddl.append("CREATE TABLE defaults (");
      for (int i = 0; i < DEFAULTS.size(); i++) {
        DefaultCase c = DEFAULTS.get(i);
        ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(' ').append(c.type())
            .append(" DEFAULT ").append(c.declared());
      }
      IntrospectorTest.execute(connection, ddl.append(")").toString());
      Table table = Introspector.read(connection, List.of("public")).tables().get(0);
      List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
      for (int i = 0; i < DEFAULTS.size(); i++) {
        DefaultCase c = DEFAULTS.get(i);
        Column column = table.columns().get(i);
        String found = column.defaultValue();
        String what = c.type() + " DEFAULT " + c.declared() + ", PostgreSQL prints " + found;
        checks.add(() -> assertTrue(SqlDefaults.equivalent(c.declared(), found, column.type()), what));
        checks.add(
            () -> assertEquals(
                SqlDefaults.canonical(found, column.type()),
                SqlDefaults.canonical(c.declared(), column.type()),
                what));
      }
      assertAll(checks);
    }
  }

  /** Conditions whose parentheses PostgreSQL re-arranges are left out: see SqlDefaults' documentation. */
  private static final List<String> CONDITIONS =
      List.of(
          "price > 0",
          "price >= 0.5 AND price < 1000",
          "email LIKE '%@%'",
          "email NOT ILIKE '%@example.com'",
          "name <> ''",
          "lower(name) = name",
          "state = 'active'",
          "state <> 'banned' OR price IS NULL",
          "a < b AND a > 0",
          "a IS NOT NULL",
          "tags @> ARRAY['x']",
          "data ? 'key'",
          "length(name) < 10 OR name IS NULL");

  @Test
  void everyConditionReadsBackEquivalentAsCheckAndAsIndexPredicate(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      StringBuilder ddl =
          new StringBuilder(
              "CREATE TYPE status AS ENUM ('active', 'banned'); CREATE TABLE conditions (price numeric,"
                  + " email varchar(200), name text, state status, a int, b int, tags text[], data jsonb");
      for (int i = 0; i < CONDITIONS.size(); i++) {
        ddl.append(", CONSTRAINT c").append(i).append(" CHECK (").append(CONDITIONS.get(i)).append(')');
      }
      ddl.append(");");
      for (int i = 0; i < CONDITIONS.size(); i++) {
        ddl.append("CREATE INDEX i").append(i).append(" ON conditions (a) WHERE ").append(CONDITIONS.get(i))
            .append(';');
      }
      IntrospectorTest.execute(connection, ddl.toString());
      Table table = Introspector.read(connection, List.of("public")).tables().get(0);
      List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
      for (int i = 0; i < CONDITIONS.size(); i++) {
        String declared = CONDITIONS.get(i);
        int number = i;
        String check = table.checks().stream().filter(c -> c.name().equals("c" + number)).findFirst()
            .orElseThrow().expression();
        String predicate = table.indexes().stream().filter(x -> x.name().equals("i" + number)).findFirst()
            .orElseThrow().where();
        checks.add(() -> assertTrue(SqlDefaults.equivalent(declared, check, null), declared + " / " + check));
        checks.add(() -> assertTrue(SqlDefaults.equivalent(declared, predicate, null), declared + " / " + predicate));
      }
      assertAll(checks);
    }
  }

  @Test
  void serialIsRefusedWithAMessageNamingTheReplacement() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SqlTypes.canonical("serial"));
    assertTrue(e.getMessage().contains("@Identity"), e.getMessage());
  }
}
