package dev.dbsync.schema.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spellings measured with {@code format_type} on PostgreSQL 15 (the runtime module re-checks them live). */
class SqlTypesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "int | integer",
        "INT4 | integer",
        "int2 | smallint",
        "int8 | bigint",
        "float4 | real",
        "float8 | double precision",
        "double   precision | double precision",
        "float | double precision",
        "float(24) | real",
        "float(25) | double precision",
        "decimal | numeric",
        "decimal(12,2) | numeric(12,2)",
        "numeric( 12 , 2 ) | numeric(12,2)",
        "numeric(7) | numeric(7,0)",
        "varchar | character varying",
        "varchar(200) | character varying(200)",
        "Character Varying(200) | character varying(200)",
        "char | character(1)",
        "char(3) | character(3)",
        "bpchar | bpchar",
        "bool | boolean",
        "timestamptz | timestamp with time zone",
        "timestamptz(3) | timestamp(3) with time zone",
        "timestamp | timestamp without time zone",
        "timestamp (6) | timestamp(6) without time zone",
        "timetz | time with time zone",
        "time | time without time zone",
        "time(3) with time zone | time(3) with time zone",
        "interval day to second | interval day to second",
        "bit | bit(1)",
        "varbit(5) | bit varying(5)",
        "uuid | uuid",
        "JSONB | jsonb",
        "citext | citext",
        "geometry(Point, 4326) | geometry(Point,4326)",
        "interval day to second (3) | interval day to second(3)",
        "\"char\" | \"char\"",
        "\"MyType\" | \"MyType\"",
        "int[] | integer[]",
        "int[3][] | integer[]",
        "int array | integer[]",
        "varchar(10) [] | character varying(10)[]",
        "timestamptz[] | timestamp with time zone[]",
      })
  void spellsAsFormatTypeDoes(String alias, String canonical) {
    assertEquals(canonical, SqlTypes.canonical(alias));
    assertEquals(canonical, SqlTypes.canonical(canonical), "a canonical spelling is its own canonical form");
  }

  @ParameterizedTest
  @ValueSource(strings = {"serial", "SERIAL4", "bigserial", "smallserial"})
  void refusesSerialTypes(String serial) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SqlTypes.canonical(serial));
    assertEquals(SqlTypes.problem(serial), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void refusesAnEmptyType(String empty) {
    assertEquals(SqlMessages.emptyType(), SqlTypes.problem(empty));
  }

  @ParameterizedTest
  @ValueSource(strings = {"integer", "text[]", "status"})
  void findsNoProblemInARealType(String type) {
    assertNull(SqlTypes.problem(type));
  }
}
