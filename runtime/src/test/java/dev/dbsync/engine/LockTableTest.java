package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.ApplyResult;
import dev.dbsync.MigrationException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pending set too large for one transaction: migrations creating two indexed tables each need more locks
 * than PostgreSQL's lock table holds with the default max_locks_per_transaction (64) and max_connections
 * (100), from about a thousand of them on. They are applied in the largest groups that fit, each committed with
 * its history rows. A throwaway server: filling the lock table of the shared one would fail other sessions'
 * statements meanwhile.
 */
class LockTableTest {
  @TempDir static Path serverDirectory;
  private static EmbeddedPostgres server;

  @TempDir Path temp;

  @BeforeAll
  static void startServer() throws Exception {
    server = EmbeddedPostgres.builder().setDataDirectory(serverDirectory.resolve("data"))
        .setServerConfig("max_locks_per_transaction", "64").setServerConfig("max_connections", "100")
        .setServerConfig("max_prepared_transactions", "0").start();
    assertEquals(List.of("64 | 100 | 0"), Catalog.query(server.getPostgresDatabase(),
        "SELECT current_setting('max_locks_per_transaction'), current_setting('max_connections'),"
            + " current_setting('max_prepared_transactions')"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static DataSource database(String name) throws Exception {
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return server.getDatabase("postgres", name);
  }

  private static String migration(int i) {
    return "CREATE TABLE t" + i + "_a (id int PRIMARY KEY, x int);\nCREATE INDEX ON t" + i + "_a (x);\n"
        + "CREATE TABLE t" + i + "_b (id int PRIMARY KEY, x int);\nCREATE INDEX ON t" + i + "_b (x);\n";
  }

  private Migrations migrations(int count, int broken) {
    Migrations migrations = Migrations.in(temp.resolve("m"));
    for (int i = 1; i <= count; i++) {
      migrations.add("V" + i + "__tables_" + i + ".sql", i == broken ? "SELECT 1/0;" : migration(i));
    }
    return migrations;
  }

  @Test
  void twoThousandMigrationsApplyInTheLargestGroupsTheLockTableAllows() throws Exception {
    DataSource db = database("backlog");

    ApplyResult result = migrations(2000, 0).apply(db);

    assertEquals(2000, result.applied().size());
    List<ApplyResult.Group> groups = result.lockGroups();
    assertTrue(groups.size() >= 2, groups.toString());
    assertEquals("1", groups.get(0).first());
    assertEquals("2000", groups.get(groups.size() - 1).last());
    assertEquals(2000, groups.stream().mapToInt(ApplyResult.Group::migrations).sum());
    for (int i = 1; i < groups.size(); i++) {
      assertEquals(Integer.parseInt(groups.get(i - 1).last()) + 1, Integer.parseInt(groups.get(i).first()));
    }
    assertTrue(result.summary().contains("; committed in " + groups.size() + " transactions, each with its history"
        + " rows, because PostgreSQL's lock table (max_locks_per_transaction) cannot hold all of them at once: V1-V"),
        result.summary());
    assertEquals(List.of("2000 | 2000"),
        Catalog.query(db, "SELECT count(*), count(*) FILTER (WHERE success) FROM flyway_schema_history"));
    assertEquals(List.of("4000"),
        Catalog.query(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't%'"));
  }

  @Test
  void aGroupThatFailsRollsBackAloneAndTheNextApplyContinuesFromIt() throws Exception {
    DataSource db = database("failing");
    Migrations migrations = migrations(1300, 1290);

    MigrationException failed = assertThrows(MigrationException.class, () -> migrations.apply(db));

    assertEquals("V1290__tables_1290.sql", failed.script());
    int committed = Integer.parseInt(Catalog.query(db, "SELECT count(*) FROM flyway_schema_history").get(0));
    assertTrue(committed > 0 && committed < 1289, committed + " committed");
    assertTrue(failed.getMessage().contains("committed before it by this apply (they had to commit first): V1, V2,"),
        failed.getMessage());
    assertEquals(List.of(String.valueOf(committed * 2)), // the failed group's tables are gone
        Catalog.query(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't%'"));

    migrations.add("V1290__tables_1290.sql", migration(1290));
    ApplyResult result = migrations.apply(db);

    assertEquals(1300 - committed, result.applied().size());
    assertEquals(String.valueOf(committed + 1), result.applied().get(0).version());
    assertEquals(List.of("1300 | 1300"),
        Catalog.query(db, "SELECT count(*), count(*) FILTER (WHERE success) FROM flyway_schema_history"));
  }
}
