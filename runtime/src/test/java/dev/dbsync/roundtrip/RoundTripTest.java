package dev.dbsync.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.diff.DdlRenderer;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.diff.SchemaDiff;
import dev.dbsync.schema.diff.SchemaDiffer;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The differ's round-trip property on real PostgreSQL: create {@code before}, apply {@code diff(before, after)},
 * introspect, and the differ finds nothing left between the result and {@code after}. Each pair runs in its own
 * transaction, rolled back afterwards (PostgreSQL DDL is transactional), so hundreds of pairs share one database.
 */
@ExtendWith(FreshDatabase.class)
class RoundTripTest {
  private static final int PAIRS = Integer.getInteger("dbsync.roundtrip.pairs", 300);

  @Test
  void randomSchemaPairsRoundTrip(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      connection.setAutoCommit(false);
      for (long seed = 1; seed <= PAIRS; seed++) {
        RandomSchemas.Pair pair = RandomSchemas.pair(seed);
        String context = "seed " + seed + ", edits " + pair.edits();
        try {
          assertRoundTrip(connection, Schema.EMPTY, pair.before(), Intent.NONE, context + " (create before)");
          assertRoundTrip(connection, pair.before(), pair.after(), pair.intent(), context);
        } finally {
          connection.rollback();
        }
      }
    }
  }

  /** Applies {@code diff(from, to)} on a database holding {@code from} and checks it now holds {@code to}. */
  static void assertRoundTrip(Connection connection, Schema from, Schema to, Intent intent, String context)
      throws SQLException {
    SchemaDiff diff = SchemaDiffer.diff(from, to, intent);
    assertFalse(diff.hasErrors(), () -> context + ": unexpected errors " + diff.problems());
    execute(connection, DdlRenderer.statements(diff.changes()), context);
    Schema found = Introspector.read(connection, schemasOf(to, from));
    assertEquals(new Drift(List.of(), List.of()), Drift.between(to, found), () -> context
        + ": the database differs from the target\n"
        + "statements: " + DdlRenderer.statements(diff.changes()) + "\nfound: " + found);
  }

  static Set<String> schemasOf(Schema... schemas) {
    Set<String> names = new TreeSet<>(Set.of("public"));
    for (Schema schema : schemas) {
      schema.tables().stream().map(Table::name).forEach(n -> names.add(n.schema()));
      schema.enums().forEach(e -> names.add(e.name().schema()));
    }
    return names;
  }

  static void execute(Connection connection, List<String> statements, String context) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          throw new AssertionError(context + ": statement failed: " + sql + "\n" + e.getMessage(), e);
        }
      }
    }
  }
}
