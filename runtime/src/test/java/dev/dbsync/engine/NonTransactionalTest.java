package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.ApplyResult;
import dev.dbsync.MigrationException;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A migration PostgreSQL cannot run in a transaction runs alone, its history row written after it succeeded. */
@ExtendWith(FreshDatabase.class)
class NonTransactionalTest {
  @TempDir Path temp;

  @Test
  void aConcurrentIndexMigrationRunsOutsideTheTransaction(TestDatabase db) throws Exception {
    Migrations migrations = Migrations.in(temp)
        .add("V1__create_t.sql", "CREATE TABLE t (a int);\nINSERT INTO t SELECT generate_series(1, 100);")
        .add("V2__index_t_a.sql", "CREATE INDEX CONCURRENTLY t_a_idx ON t (a);")
        .add("V3__create_u.sql", "CREATE TABLE u (id int);");

    try (Connection connection = db.connect()) {
      DataSource single = RoundTripTest.sharing(connection);
      ApplyResult result = migrations.configure().statementTimeout(Duration.ofMinutes(1)).apply(single);

      assertEquals(List.of("1", "2", "3"), result.applied().stream().map(ApplyResult.Migration::version).toList());
      // the session settings and the session lock the migration used are gone
      assertEquals(List.of("0 | 0 | 0"), Catalog.query(single, "SELECT current_setting('lock_timeout'),"
          + " current_setting('statement_timeout'), (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
          + " AND pid = pg_backend_pid())")); // this session's: other tests on the server hold theirs
    }
    assertEquals(List.of("t"), Catalog.query(db.dataSource(),
        "SELECT indisvalid FROM pg_index WHERE indexrelid = 't_a_idx'::regclass"));
    assertEquals(3, Catalog.history(db.dataSource()).size());
    Flyway.configure().dataSource(db.dataSource()).locations(migrations.flywayLocation()).load().validate();
  }

  @Test
  void aFailureThereKeepsWhatWasCommittedAndWritesNoRowForIt(TestDatabase db) {
    Migrations migrations = Migrations.in(temp)
        .add("V1__create_t.sql", "CREATE TABLE t (a int);")
        .add("V2__index_t_a.sql", "CREATE INDEX CONCURRENTLY t_a_idx ON t (a);\n"
            + "CREATE INDEX CONCURRENTLY missing_a_idx ON missing (a);");

    MigrationException e = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));

    assertEquals("V2__index_t_a.sql", e.script());
    assertTrue(e.getMessage().contains("V2__index_t_a.sql cannot run in a transaction"), e.getMessage());
    assertTrue(e.getMessage().endsWith("Committed before it by this apply: V1."), e.getMessage());
    assertEquals(List.of("1"), Catalog.query(db.dataSource(), "SELECT version FROM flyway_schema_history"));
    assertEquals(List.of("1"), Catalog.query(db.dataSource(), "SELECT count(*) FROM pg_class WHERE relname = 't_a_idx'"));
  }
}
