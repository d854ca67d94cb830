package dev.dbsync.schema.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.TypeRef;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The "found" texts are what {@code pg_get_expr} printed on PostgreSQL 15 for the declared default (the runtime
 * module's CanonicalFormsOnPostgresTest measures them live).
 */
class SqlDefaultsTest {
  private static final Map<String, TypeRef> TYPES =
      Map.of("status", TypeRef.enumType(QualifiedName.of("public", "status")),
          "app_status", TypeRef.enumType(QualifiedName.of("app", "status")),
          "Mood", TypeRef.enumType(QualifiedName.of("public", "Mood")));

  private static TypeRef type(String name) {
    return TYPES.getOrDefault(name, TypeRef.builtin(name));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '`',
      value = {
        "text ; 'x' ; 'x'::text ; 'x'",
        "text ; 'it''s' ; 'it''s'::text ; 'it''s'",
        "text ; E'it\\'s' ; 'it''s'::text ; 'it''s'",
        "text ; $$it's$$ ; 'it''s'::text ; 'it''s'",
        "integer ; -1 ; '-1'::integer ; -1",
        "integer ; - 1 ; '-1'::integer ; -1",
        "integer ; '5' ; 5 ; 5",
        "integer ; (1 + 2) ; (1 + 2) ; 1 + 2",
        "integer ; 2147483648 - 1 ; ('2147483648'::bigint - 1) ; 2147483648 - 1",
        "bigint ; 1::bigint + 2 ; ((1)::bigint + 2) ; 1 + 2",
        "numeric ; -1.5 ; '-1.5'::numeric ; -1.5",
        "numeric ; 1e3 ; '1000'::numeric ; 1000",
        "numeric ; 10.0 ; 10.0 ; 10.0",
        "real ; 1.5 ; '1.5'::real ; 1.5",
        "boolean ; TRUE ; true ; true",
        "boolean ; 'yes' ; true ; true",
        "timestamp with time zone ; CURRENT_TIMESTAMP ; CURRENT_TIMESTAMP ; current_timestamp",
        "timestamp with time zone ; now() + interval '1 day' ; (now() + '1 day'::interval) ; now() + '1 day'::interval",
        "date ; now()::date ; (now())::date ; now()",
        "uuid ; gen_random_uuid() ; gen_random_uuid() ; gen_random_uuid()",
        "jsonb ; '{}'::jsonb ; '{}'::jsonb ; '{}'",
        "jsonb ; `'{\"b\":1,\"a\":[1,2.50,1e3]}'` ; `'{\"a\": [1, 2.50, 1000], \"b\": 1}'::jsonb`"
            + " ; `'{\"a\":[1,2.50,1000],\"b\":1}'`",
        "json ; `'{\"a\":1}'` ; `'{\"a\":1}'::json` ; `'{\"a\":1}'`",
        "integer[] ; '{ 1 , 2 }' ; '{1,2}'::integer[] ; '{1,2}'",
        "integer[] ; ARRAY[1,2] ; ARRAY[1, 2] ; array[1, 2]",
        "text[] ; `'{\"a\",\"b c\"}'` ; `'{a,\"b c\"}'::text[]` ; `'{a,\"b c\"}'`",
        "character varying(5)[] ; '{}' ; '{}'::character varying[] ; '{}'",
        "status ; 'active' ; 'active'::status ; 'active'",
        "app_status ; 'active' ; 'active'::app.status ; 'active'",
        "Mood ; 'ok' ; 'ok'::\"Mood\" ; 'ok'",
        "text ; lower('X') ; lower('X'::text) ; lower('X')",
        "text ; 'a' || 'b' ; ('a'::text || 'b'::text) ; 'a' || 'b'",
        "text ; coalesce(NULL, 'x') ; COALESCE(NULL::text, 'x'::text) ; coalesce(null, 'x')",
        "bigint ; nextval('s') ; nextval('s'::regclass) ; nextval('s')",
        "uuid ; 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11' ; 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid"
            + " ; 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
        "text ; lower(\"name\") ; lower(name) ; lower(name)",
        "integer ; CASE WHEN true THEN 1 ELSE 2 END ; `\nCASE\n    WHEN true THEN 1\n    ELSE 2\nEND`"
            + " ; case when true then 1 else 2 end",
      })
  void declaredAndPrintedDefaultsAreEquivalent(String typeName, String declared, String found, String canonical) {
    TypeRef type = type(typeName);
    assertEquals(canonical, SqlDefaults.canonical(declared, type));
    assertEquals(canonical, SqlDefaults.canonical(found, type));
    assertTrue(SqlDefaults.equivalent(declared, found, type));
    assertEquals(canonical, SqlDefaults.canonical(canonical, type), "a canonical form is its own canonical form");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '`',
      value = {
        "text ; 'x' ; 'X'::text",
        "text ; 'x' ; 'x '::text",
        "integer ; 1 ; '-1'::integer",
        "numeric ; 1.5 ; 1.50",
        "boolean ; true ; false",
        "text ; '1' ; 1",
        "timestamp with time zone ; now() ; CURRENT_TIMESTAMP",
        "status ; 'active' ; 'inactive'::status",
        "status ; 'active' ; 'active'::other",
        "jsonb ; `'{\"a\":1}'` ; `'{\"a\": \"1\"}'::jsonb`",
        "json ; `'{\"a\":1}'` ; `'{\"a\": 1}'::json`",
        "text[] ; '{a,b}' ; '{b,a}'::text[]",
        "text ; `\"Col\"` ; col",
        "integer ; 1 - -1 ; 1 - 1",
      })
  void differentDefaultsAreNotEquivalent(String typeName, String declared, String found) {
    assertFalse(SqlDefaults.equivalent(declared, found, type(typeName)));
  }

  @Test
  void nullBlankAndTheNullKeywordMeanNoDefault() {
    TypeRef text = TypeRef.builtin("text");
    assertNull(SqlDefaults.canonical(null, text));
    assertNull(SqlDefaults.canonical(" ", text));
    assertNull(SqlDefaults.canonical("NULL", text));
    assertNull(SqlDefaults.canonical("NULL::text", text));
    assertTrue(SqlDefaults.equivalent(null, "null", text));
    assertFalse(SqlDefaults.equivalent(null, "''::text", text));
  }

  @Test
  void comparesExpressionsWithoutAColumnType() {
    // found: pg_get_expr(conbin, conrelid, true), the pretty form the Introspector returns for checks
    assertTrue(SqlDefaults.equivalent("price > 0", "price > 0::numeric", null));
    assertTrue(SqlDefaults.equivalent("name NOT LIKE 'x%'", "name !~~ 'x%'::text", null));
    assertTrue(SqlDefaults.equivalent("a<b and a>0", "a < b AND a > 0", null));
    assertTrue(SqlDefaults.equivalent("state = 'active'", "state = 'active'::status", null));
    assertTrue(SqlDefaults.equivalent("email LIKE '%@%'", "email::text ~~ '%@%'::text", null));
    assertFalse(SqlDefaults.equivalent("(a + b) * 2", "a + b * 2", null));
    assertFalse(SqlDefaults.equivalent("state = 'active'", "state = 'banned'::status", null));
    assertFalse(SqlDefaults.equivalent("amount::integer > 0", "amount > 0", null));
  }
}
