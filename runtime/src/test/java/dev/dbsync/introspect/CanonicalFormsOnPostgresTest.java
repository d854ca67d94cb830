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
          "interval day to second", "uuid", "json", "jsonb", "bytea", "text", "inet", "cidr", "citext", "money",
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
        String found = column.type().toString().equals("public.mood") ? "mood" : column.type().toString();
        checks.add(() -> assertEquals(found, SqlTypes.canonical(alias), alias));
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
