package dev.dbsync.roundtrip;

import static dev.dbsync.schema.diff.Models.column;
import static dev.dbsync.schema.diff.Models.schema;
import static dev.dbsync.schema.diff.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.diff.DdlRenderer;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.diff.SchemaDiffer;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several column type changes of one table are one ALTER TABLE, so PostgreSQL rewrites the table once:
 * counted by a {@code table_rewrite} event trigger and by the table's {@code relfilenode}. A lossless widening
 * keeps its default without DROP/SET DEFAULT.
 */
@ExtendWith(FreshDatabase.class)
class OneRewritePerTableTest {
  private static final Schema BEFORE = schema(table("measurements").id()
      .with(column("count", "integer").withDefault("0"))
      .col("small", "smallint")
      .col("ratio", "real"));
  private static final Schema AFTER = schema(table("measurements").id()
      .with(column("count", "bigint").withDefault("0"))
      .col("small", "integer")
      .col("ratio", "double precision"));

  @Test
  void threeTypeChangesRewriteTheTableOnce(TestDatabase db) throws SQLException {
    List<String> statements = DdlRenderer.statements(SchemaDiffer.diff(BEFORE, AFTER, Intent.NONE).changes());
    assertEquals(1, statements.size(), statements::toString);
    assertTrue(statements.stream().noneMatch(s -> s.contains("DEFAULT")), statements::toString);

    try (Connection connection = db.connect(); Statement st = connection.createStatement()) {
      RoundTripTest.execute(connection,
          DdlRenderer.statements(SchemaDiffer.diff(Schema.EMPTY, BEFORE, Intent.NONE).changes()), "create");
      st.execute("INSERT INTO measurements (count, small, ratio) SELECT g, g % 100, g / 7.0 FROM generate_series(1, 1000) g");
      st.execute("CREATE TABLE rewrites (relation oid)");
      st.execute("""
          CREATE FUNCTION count_rewrite() RETURNS event_trigger LANGUAGE plpgsql AS $$
          BEGIN INSERT INTO rewrites VALUES (pg_event_trigger_table_rewrite_oid()); END $$""");
      st.execute("CREATE EVENT TRIGGER count_rewrites ON table_rewrite EXECUTE FUNCTION count_rewrite()");
      long fileBefore = relfilenode(st);

      RoundTripTest.execute(connection, statements, "widen three columns");

      assertEquals(1, count(st, "SELECT count(*) FROM rewrites WHERE relation = 'measurements'::regclass"));
      assertNotEquals(fileBefore, relfilenode(st));
      st.execute("DROP EVENT TRIGGER count_rewrites");
      st.execute("DROP TABLE rewrites");
      assertEquals(new Drift(List.of(), List.of()),
          Drift.between(AFTER, Introspector.read(connection, Set.of("public"))));
      assertEquals(1000, count(st, "SELECT count(*) FROM measurements"));
    }
  }

  private static long relfilenode(Statement st) throws SQLException {
    return count(st, "SELECT relfilenode FROM pg_class WHERE oid = 'measurements'::regclass");
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
