package dev.dbsync.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.diff.DdlRenderer;
import dev.dbsync.schema.diff.DiffCase;
import dev.dbsync.schema.diff.DiffCases;
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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every case of the differ's table in its lock-safe rendering ({@code -Adbsync.safeDdl=true}), applied the way
 * the engine applies the migration and its follow-up: enum value additions in autocommit, the migration in one
 * transaction, then each follow-up statement on its own. The database must then hold exactly the case's
 * {@code after}, with every constraint validated and every index valid.
 */
@ExtendWith(FreshDatabase.class)
class LockSafeCasesOnPostgresTest {
  private static final Pattern ENUM_VALUE_ADDITION =
      Pattern.compile("(?is)^\\s*ALTER\\s+TYPE\\s+.+\\s+ADD\\s+VALUE\\s+IF\\s+NOT\\s+EXISTS\\s+.*");

  @Test
  void everyCaseRoundTripsInItsLockSafeForm(TestDatabase db) throws SQLException {
    int withFollowUp = 0;
    try (Connection connection = db.connect()) {
      for (DiffCase c : DiffCases.all()) {
        String context = "case '" + c.name() + "' (lock-safe)";
        DdlRenderer.Statements statements =
            DdlRenderer.statements(
                SchemaDiffer.diff(c.before(), c.after(), c.intent()).changes(), DdlRenderer.Options.LOCK_SAFE);
        withFollowUp += statements.afterCommit().isEmpty() ? 0 : 1;
        try {
          RoundTripTest.execute(connection,
              DdlRenderer.statements(SchemaDiffer.diff(Schema.EMPTY, c.before(), Intent.NONE).changes()),
              context + " (create before)");
          List<String> inTransaction = statements.inTransaction();
          RoundTripTest.execute(connection,
              inTransaction.stream().filter(s -> ENUM_VALUE_ADDITION.matcher(s).matches()).toList(), context);
          connection.setAutoCommit(false);
          RoundTripTest.execute(connection,
              inTransaction.stream().filter(s -> !ENUM_VALUE_ADDITION.matcher(s).matches()).toList(), context);
          connection.commit();
          connection.setAutoCommit(true);
          RoundTripTest.execute(connection, statements.afterCommit(), context + " (follow-up)");
          Schema found = Introspector.read(connection, RoundTripTest.schemasOf(c.before(), c.after()));
          assertEquals(new Drift(List.of(), List.of()), Drift.between(c.after(), found),
              () -> context + ": the database differs from 'after'; statements " + statements);
          assertEquals(0, count(connection, "SELECT count(*) FROM pg_constraint WHERE NOT convalidated"
              + " UNION ALL SELECT count(*) FROM pg_index WHERE NOT indisvalid"), context);
        } finally {
          if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
          }
          EmptyDatabase.reset(connection);
        }
      }
    }
    // the table has cases that add keys, checks, NOT NULL and indexes to existing tables
    assertTrue(withFollowUp >= 10, "cases with a follow-up: " + withFollowUp);
  }

  /** The sum of the counts {@code sql} returns. */
  private static long count(Connection connection, String sql) throws SQLException {
    long sum = 0;
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        sum += rs.getLong(1);
      }
    }
    return sum;
  }
}
