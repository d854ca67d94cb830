package dev.dbsync.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.diff.DdlRenderer;
import dev.dbsync.schema.diff.DiffCase;
import dev.dbsync.schema.diff.DiffCases;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.diff.RandomSchemaPairs;
import dev.dbsync.schema.diff.SchemaDiffer;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every case of the differ's table, applied to PostgreSQL the way the engine applies a migration: values added
 * to existing enum types first in autocommit, then the rest in one transaction. Afterwards the database must hold
 * exactly the case's {@code after}.
 */
@ExtendWith(FreshDatabase.class)
class DiffCasesOnPostgresTest {
  private static final Pattern ENUM_VALUE_ADDITION =
      Pattern.compile("(?is)^\\s*ALTER\\s+TYPE\\s+.+\\s+ADD\\s+VALUE\\s+IF\\s+NOT\\s+EXISTS\\s+.*");

  @Test
  void everyCaseRoundTrips(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      runEveryCase(connection);
    }
  }

  /**
   * Seeded random pairs (columns, tables and enum values added, dropped, renamed, retyped; constraints and indexes
   * changed): the differ's migration takes PostgreSQL from each {@code before} to exactly its {@code after}.
   */
  @Test
  void seededRandomPairsRoundTrip(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      run(connection, RandomSchemaPairs.generate(20261204L, 150));
    }
  }

  /** Every case on the (empty) database of {@code connection}, which is left empty. */
  static void runEveryCase(Connection connection) throws SQLException {
    run(connection, DiffCases.all());
  }

  private static void run(Connection connection, List<DiffCase> cases) throws SQLException {
    for (DiffCase c : cases) {
      String context = "case '" + c.name() + "'";
      try {
        RoundTripTest.execute(connection,
            DdlRenderer.statements(SchemaDiffer.diff(Schema.EMPTY, c.before(), Intent.NONE).changes()),
            context + " (create before)");
        List<String> statements = c.statements();
        RoundTripTest.execute(connection,
            statements.stream().filter(s -> ENUM_VALUE_ADDITION.matcher(s).matches()).toList(), context);
        connection.setAutoCommit(false);
        RoundTripTest.execute(connection,
            statements.stream().filter(s -> !ENUM_VALUE_ADDITION.matcher(s).matches()).toList(), context);
        connection.commit();
        Schema found = Introspector.read(connection, RoundTripTest.schemasOf(c.before(), c.after()));
        assertEquals(new Drift(List.of(), List.of()), Drift.between(c.after(), found),
            () -> context + ": the database differs from 'after'; statements " + statements);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
        EmptyDatabase.reset(connection);
      }
    }
  }
}
