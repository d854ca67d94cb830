package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Application instances as separate processes: started together, or killed in the middle of applying. */
@ExtendWith(FreshDatabase.class)
class ProcessTest {
  @TempDir Path temp;

  private static Process start(TestDatabase db, Migrations migrations) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ChildApply.class.getName(),
        db.url(), migrations.root().toString())
        .redirectErrorStream(true)
        .start();
  }

  @Test
  void eightProcessesStartingTogetherApplyOnceAndAllSucceed(TestDatabase db) throws Exception {
    Migrations migrations = Migrations.copyOf("basic", temp).add("V3__slow.sql", "SELECT pg_sleep(0.5);");
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      processes.add(start(db, migrations));
    }
    List<String> outputs = new ArrayList<>();
    for (Process p : processes) {
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a process did not finish");
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), output);
      outputs.add(output);
    }
    assertEquals(1, outputs.stream().filter(o -> o.contains("Applied 3 migrations to public")).count(),
        outputs.toString());
    assertEquals(7, outputs.stream().filter(o -> o.contains("Database is up to date (version 3)")).count(),
        outputs.toString());
    assertEquals(3, Catalog.history(db.dataSource()).size());
  }

  @Test
  void aJvmKilledWhileApplyingLeavesNothingAndTheNextApplySucceeds(TestDatabase db) throws Exception {
    Migrations migrations = Migrations.copyOf("basic", temp).add("V3__slow.sql", "SELECT pg_sleep(2);");
    Process instance = start(db, migrations);
    waitFor(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND query = 'SELECT pg_sleep(2)'", "1");

    instance.destroyForcibly().waitFor();

    // the orphaned backend notices its client is gone when the sleep returns, and rolls back
    waitFor(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND query = 'SELECT pg_sleep(2)'", "0");
    assertEquals(List.of(), Catalog.objects(db.dataSource()));
    assertEquals(3, migrations.apply(db.dataSource()).applied().size());
  }

  @Test
  void aJvmKilledDuringALongStatementReleasesItsLocksWithinThreeSeconds(TestDatabase db) throws Exception {
    Migrations migrations = Migrations.in(temp).add("V1__posts.sql", "CREATE TABLE posts (id int);");
    migrations.apply(db.dataSource());
    migrations.add("V2__slow.sql", "ALTER TABLE posts ADD COLUMN title text;\nSELECT pg_sleep(60);");
    Process instance = start(db, migrations);
    String locks = "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        + " WHERE a.datname = current_database() AND a.query = 'SELECT pg_sleep(60)'"
        + " AND (l.locktype = 'advisory' OR l.mode = 'AccessExclusiveLock' AND l.relation = 'posts'::regclass)";
    waitFor(db, locks, "2");

    instance.destroyForcibly().waitFor();
    long killed = System.nanoTime();

    waitFor(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND query = 'SELECT pg_sleep(60)'", "0");
    long goneMillis = (System.nanoTime() - killed) / 1_000_000;
    assertTrue(goneMillis < 3000, "the backend held its locks " + goneMillis + " ms after the kill");
    assertEquals(List.of("0"), Catalog.query(db.dataSource(), "SELECT count(*) FROM pg_locks WHERE"
        + " locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
    assertEquals(List.of("id | integer | NULL | - | "), Catalog.columns(db.dataSource(), "posts"));
  }

  private static void waitFor(TestDatabase db, String query, String expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (Catalog.query(db.dataSource(), query).equals(List.of(expected))) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("never got " + expected + " from " + query);
  }
}
