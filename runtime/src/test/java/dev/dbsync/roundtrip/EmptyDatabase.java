package dev.dbsync.roundtrip;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Puts a database back to empty between cases that share it (a fresh database per case would cost seconds). */
final class EmptyDatabase {
  private EmptyDatabase() {}

  /** Drops everything a case created: every non-system schema, and public recreated empty. */
  static void reset(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("""
          DO $$
          DECLARE s text;
          BEGIN
            FOR s IN SELECT nspname FROM pg_namespace
                     WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                       AND nspname NOT LIKE 'pg\\_%' LOOP
              EXECUTE format('DROP SCHEMA %I CASCADE', s);
            END LOOP;
            CREATE SCHEMA public;
          END $$""");
    }
  }
}
