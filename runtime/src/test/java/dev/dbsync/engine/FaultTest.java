package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.ApplyResult;
import dev.dbsync.DbSync;
import dev.dbsync.MigrationException;
import dev.dbsync.runtime.engine.EngineMessages;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FreshDatabase.class)
class FaultTest {
  /** Flyway's lock key for "public"."flyway_schema_history". */
  private static final long FLYWAY_LOCK_KEY = 77433833903597L;

  @TempDir Path temp;

  @Test
  void aBackendTerminatedMidApplyLeavesNothingAndTheNextApplySucceeds(TestDatabase db) throws Exception {
    Migrations migrations = Migrations.copyOf("basic", temp).add("V3__slow.sql", "SELECT pg_sleep(3);");
    CompletableFuture<ApplyResult> applying = CompletableFuture.supplyAsync(() -> migrations.apply(db.dataSource()));

    waitUntilRunning(db, "SELECT pg_sleep(3)");
    Catalog.query(db.dataSource(), "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(3)'"
        + " AND datname = current_database()");

    Exception failure = assertThrows(Exception.class, () -> applying.get(10, TimeUnit.SECONDS));
    MigrationException e = (MigrationException) failure.getCause();
    assertEquals("V3__slow.sql", e.script());
    assertEquals("57P01", e.sqlState());
    assertEquals(List.of(), Catalog.objects(db.dataSource()));

    assertEquals(3, migrations.apply(db.dataSource()).applied().size());
  }

  @Test
  void fourThreadsApplyingAtOnceApplyOnce(TestDatabase db) throws Exception {
    Migrations migrations = Migrations.copyOf("basic", temp).add("V3__slow.sql", "SELECT pg_sleep(0.5);");
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ApplyResult>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        results.add(threads.submit(() -> {
          start.await();
          return migrations.apply(db.dataSource());
        }));
      }
      start.countDown();
      int applied = 0;
      for (Future<ApplyResult> result : results) {
        ApplyResult r = result.get(30, TimeUnit.SECONDS);
        applied += r.applied().size();
        assertEquals("3", r.version());
      }
      assertEquals(3, applied);
      assertEquals(3, Catalog.history(db.dataSource()).size());
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aStatementWaitingForALockFailsAfterTheLockTimeoutAndChangesNothing(TestDatabase db) throws Exception {
    Migrations migrations = Migrations.in(temp).add("V1__create_t.sql", "CREATE TABLE t (id int);");
    migrations.apply(db.dataSource());
    migrations.add("V2__add_t_c.sql", "CREATE TABLE u (id int);\nALTER TABLE t ADD COLUMN c int;");

    try (Connection holder = db.connect()) {
      holder.setAutoCommit(false);
      holder.createStatement().execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
      long began = System.nanoTime();

      MigrationException e = assertThrows(MigrationException.class,
          () -> migrations.configure().lockTimeout(Duration.ofMillis(500)).apply(db.dataSource()));

      long millis = (System.nanoTime() - began) / 1_000_000;
      assertTrue(millis >= 500 && millis < 5000, millis + " ms");
      assertEquals("55P03", e.sqlState());
      assertEquals("ALTER TABLE t ADD COLUMN c int", e.statement());
      int holderPid = holder.unwrap(org.postgresql.PGConnection.class).getBackendPID();
      assertTrue(e.getMessage().contains("waited longer than the lock timeout for a lock that another session holds"
          + " on a table it changes:\n   t: AccessExclusiveLock held by pid " + holderPid + " (idle in transaction"),
          e.getMessage());
      holder.rollback();
    }
    assertEquals(List.of("id"), Catalog.query(db.dataSource(),
        "SELECT attname FROM pg_attribute WHERE attrelid = 't'::regclass AND attnum > 0"));
    assertEquals(List.of("0"), Catalog.query(db.dataSource(), "SELECT count(*) FROM pg_class WHERE relname = 'u'"));
    assertEquals(1, Catalog.history(db.dataSource()).size());
  }

  @Test
  void theLockTimeoutNamesTheSessionThatBlockedNotThoseQueuedBehindTheMigration(TestDatabase db) throws Exception {
    Migrations migrations = Migrations.in(temp).add("V1__create_t.sql", "CREATE TABLE t (id int);");
    migrations.apply(db.dataSource());
    migrations.add("V2__add_t_c.sql", "ALTER TABLE t ADD COLUMN c int;");
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (Connection holder = db.connect(); Connection innocent = db.connect()) {
      holder.setAutoCommit(false);
      holder.createStatement().execute("SELECT count(*) FROM t"); // a long read transaction
      Future<MigrationException> apply = threads.submit(() -> assertThrows(MigrationException.class,
          () -> migrations.configure().lockTimeout(Duration.ofSeconds(3)).apply(db.dataSource())));
      waitFor(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND wait_event_type = 'Lock' AND query = 'ALTER TABLE t ADD COLUMN c int'");
      innocent.setAutoCommit(false);
      Future<?> queued = threads.submit(() -> innocent.createStatement().execute("SELECT count(*) FROM t"));
      waitFor(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND wait_event_type = 'Lock' AND query = 'SELECT count(*) FROM t'");

      MigrationException e = apply.get(30, TimeUnit.SECONDS);
      queued.get(30, TimeUnit.SECONDS); // granted once the migration rolled back

      int holderPid = holder.unwrap(org.postgresql.PGConnection.class).getBackendPID();
      int innocentPid = innocent.unwrap(org.postgresql.PGConnection.class).getBackendPID();
      assertTrue(e.getMessage().contains("on a table it changes:\n   t: AccessShareLock held by pid " + holderPid
          + " (idle in transaction, application PostgreSQL JDBC Driver, last query: SELECT count(*) FROM t)\n"
          + "-> Apply again"), e.getMessage());
      assertTrue(!e.getMessage().contains("pid " + innocentPid), e.getMessage());
      holder.rollback();
      innocent.rollback();
    } finally {
      threads.shutdownNow();
    }
  }

  private static void waitFor(TestDatabase db, String countQuery) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!Catalog.query(db.dataSource(), countQuery).equals(List.of("1"))) {
      assertTrue(System.nanoTime() < deadline, "never true: " + countQuery);
      Thread.sleep(20);
    }
  }

  @Test
  void aStatementRunningLongerThanTheStatementTimeoutRollsBack(TestDatabase db) {
    Migrations migrations = Migrations.in(temp)
        .add("V1__create_t.sql", "CREATE TABLE t (id int);")
        .add("V2__slow.sql", "SELECT pg_sleep(3);");

    MigrationException e = assertThrows(MigrationException.class,
        () -> migrations.configure().statementTimeout(Duration.ofMillis(300)).apply(db.dataSource()));

    assertEquals("57014", e.sqlState());
    assertTrue(e.getMessage().contains("ran longer than the statement timeout; raise DBSYNC_STATEMENT_TIMEOUT"),
        e.getMessage());
    assertEquals(List.of(), Catalog.objects(db.dataSource()));
  }

  @Test
  void operatorsConfigureThroughSystemProperties(TestDatabase db) {
    Migrations migrations = Migrations.in(temp)
        .add("V1__create_t.sql", "CREATE TABLE t (a int, b int);")
        .add("V2__drop_t_b.sql", "-- dbsync:destructive drop column public.t.b\nALTER TABLE t DROP COLUMN b;");
    System.setProperty("dbsync.mode", "production");
    try {
      MigrationException refused = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));
      assertTrue(refused.getMessage().contains("destructive"), refused.getMessage());

      System.setProperty("dbsync.lock.wait", "soon");
      IllegalArgumentException invalid =
          assertThrows(IllegalArgumentException.class, () -> migrations.apply(db.dataSource()));
      assertTrue(invalid.getMessage().contains("DBSYNC_LOCK_WAIT"), invalid.getMessage());
    } finally {
      System.clearProperty("dbsync.mode");
      System.clearProperty("dbsync.lock.wait");
    }
    assertEquals(2, migrations.apply(db.dataSource()).applied().size());
  }

  @Test
  void theMigrationLockIsFlywaysAndWaitingForItIsBounded(TestDatabase db) throws Exception {
    Migrations migrations = Migrations.in(temp).add("V1__create_t.sql", "CREATE TABLE t (id int);");
    try (Connection flyway = db.connect(); Statement s = flyway.createStatement()) {
      s.execute("SELECT pg_advisory_lock(" + FLYWAY_LOCK_KEY + ")");
      long began = System.nanoTime();

      MigrationException e = assertThrows(MigrationException.class,
          () -> migrations.configure().lockWait(Duration.ofMillis(700)).apply(db.dataSource()));

      long millis = (System.nanoTime() - began) / 1_000_000;
      assertTrue(millis >= 700 && millis < 5000, millis + " ms");
      assertEquals(EngineMessages.lockWaitTimeout(Duration.ofMillis(700),
          QualifiedName.of("public", "flyway_schema_history")), e.getMessage());
      assertEquals(List.of(), Catalog.objects(db.dataSource()));

      CompletableFuture<ApplyResult> waiting = CompletableFuture.supplyAsync(() -> migrations.apply(db.dataSource()));
      Thread.sleep(300);
      s.execute("SELECT pg_advisory_unlock(" + FLYWAY_LOCK_KEY + ")");
      assertEquals(1, waiting.get(10, TimeUnit.SECONDS).applied().size());
    }
  }

  @Test
  void productionModeRefusesDestructiveMigrationsUnlessAllowed(TestDatabase db) {
    Migrations migrations = Migrations.in(temp).add("V1__create_t.sql", "CREATE TABLE t (a int, b int);");
    migrations.apply(db.dataSource());
    migrations.add("V2__drop_t_b.sql", "-- dbsync:from 1111111111111111\n-- dbsync:to 2222222222222222\n"
        + "-- dbsync:destructive drop column public.t.b\n\nALTER TABLE t DROP COLUMN b;\n");

    MigrationException refused = assertThrows(MigrationException.class,
        () -> migrations.configure().mode(DbSync.Mode.PRODUCTION).apply(db.dataSource()));
    assertTrue(refused.getMessage().startsWith("Production mode refuses the destructive migration V2__drop_t_b.sql:\n"
        + "  - drop column public.t.b\n  - drops a column of t (line 5: ALTER TABLE t DROP COLUMN b)\n"
        + "Review it, then allow it with DBSYNC_ALLOW_DESTRUCTIVE"), refused.getMessage());
    assertThrows(MigrationException.class,
        () -> migrations.configure().mode(DbSync.Mode.PRODUCTION).allowDestructive("3").apply(db.dataSource()));
    assertEquals(1, Catalog.history(db.dataSource()).size());

    ApplyResult allowed = migrations.configure().mode(DbSync.Mode.PRODUCTION).allowDestructive("2").apply(db.dataSource());

    assertEquals(1, allowed.applied().size());
  }

  @Test
  void developmentModeAppliesDestructiveMigrations(TestDatabase db) {
    Migrations migrations = Migrations.in(temp)
        .add("V1__create_t.sql", "CREATE TABLE t (a int, b int);")
        .add("V2__drop_t_b.sql", "-- dbsync:destructive drop column public.t.b\nALTER TABLE t DROP COLUMN b;\n");

    assertEquals(2, migrations.configure().mode(DbSync.Mode.DEVELOPMENT).apply(db.dataSource()).applied().size());
  }

  private static void waitUntilRunning(TestDatabase db, String query) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!Catalog.query(db.dataSource(), "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query = '"
          + query + "'").isEmpty()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("never saw " + query + " running");
  }
}
