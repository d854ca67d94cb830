package dev.dbsync.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbsync.ApplyResult;
import dev.dbsync.DbSync;
import dev.dbsync.schema.snapshot.MigrationIndex;
import dev.dbsync.testing.TestDatabase;
import dev.dbsync.testing.TestDatabases;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;

/**
 * Benchmark (not a test): the startup cost of a no-op {@code DbSync.apply} and of a no-op Flyway
 * {@code migrate()} over the same 200 applied migrations, on the same database, through the same HikariCP pool
 * (opening a connection costs ~20 ms and would hide everything else); their ratio; and the time each takes to
 * apply the 200 migrations to an empty database. dbsync reads the migration index the processor would have written.
 * Uses the tests' PostgreSQL ({@code DBSYNC_TEST_JDBC_URL}).
 *
 * <pre>
 * ./mvnw -B -q -pl runtime -am test -DskipTests -Pbench
 * </pre>
 */
public final class NoOpBench {
  private static final int MIGRATIONS = 200;
  private static final int WARM_UP = 300;
  private static final int RUNS = 301;

  private NoOpBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Path root = Files.createTempDirectory("dbsync-bench");
    Path location = root.resolve("db/migration");
    Files.createDirectories(location);
    for (int i = 1; i <= MIGRATIONS; i++) {
      Files.writeString(location.resolve("V" + i + "__create_table_" + i + ".sql"), String.format(Locale.ROOT,
          "CREATE TABLE t%d (\n  id bigint PRIMARY KEY,\n  name text NOT NULL,\n  created_at timestamptz NOT NULL"
              + " DEFAULT now()\n);\n\nCREATE INDEX t%d_name_idx ON t%d (name);\n\nINSERT INTO t%d (id, name)"
              + " VALUES (1, 'row; one');\n", i, i, i, i));
    }
    // the migration index, as the processor writes it beside the snapshot at the end of the build
    List<MigrationIndex.Entry> index = new ArrayList<>();
    for (int i = 1; i <= MIGRATIONS; i++) {
      String name = "V" + i + "__create_table_" + i + ".sql";
      index.add(MigrationIndex.Entry.of(name, Integer.toString(i), Files.readAllBytes(location.resolve(name))));
    }
    Files.createDirectories(root.resolve("db/dbsync"));
    Files.writeString(root.resolve(MigrationIndex.RESOURCE), new MigrationIndex(index).text());
    ClassLoader migrations = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    String flywayLocation = "filesystem:" + location;

    try (TestDatabase dbsyncDb = TestDatabases.create(); TestDatabase flywayDb = TestDatabases.create();
        HikariDataSource dbsyncPool = pool(dbsyncDb); HikariDataSource flywayPool = pool(flywayDb)) {
      long began = System.nanoTime();
      ApplyResult applied = DbSync.configure().classLoader(migrations).apply(dbsyncPool);
      double dbsyncApply = millisSince(began);
      began = System.nanoTime();
      int flywayApplied = flyway(flywayPool, flywayLocation).migrate().migrationsExecuted;
      double flywayApply = millisSince(began);

      // both no-ops on the database dbsync migrated: Flyway reads dbsync's history as its own
      double[] dbsync = measure(() -> {
        if (!DbSync.configure().classLoader(migrations).apply(dbsyncPool).upToDate()) {
          throw new IllegalStateException("dbsync applied something on a no-op");
        }
      });
      double[] flyway = measure(() -> {
        if (flyway(dbsyncPool, flywayLocation).migrate().migrationsExecuted != 0) {
          throw new IllegalStateException("Flyway applied something on a no-op");
        }
      });

      System.out.printf(Locale.ROOT, "PostgreSQL: %s; %d migrations%n", TestDatabases.server().origin(), MIGRATIONS);
      System.out.printf(Locale.ROOT, "apply %d: dbsync %.0f ms (%d applied, one transaction), Flyway %.0f ms"
          + " (%d applied)%n", MIGRATIONS, dbsyncApply, applied.applied().size(), flywayApply, flywayApplied);
      System.out.printf(Locale.ROOT, "no-op, median of %d (p10-p90): dbsync %.2f ms (%.2f-%.2f), Flyway %.2f ms"
          + " (%.2f-%.2f); dbsync/Flyway = 1/%.0f%n", RUNS, median(dbsync), percentile(dbsync, 10),
          percentile(dbsync, 90), median(flyway), percentile(flyway, 10), percentile(flyway, 90),
          median(flyway) / median(dbsync));
    }
  }

  private static HikariDataSource pool(TestDatabase db) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.url());
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  private static Flyway flyway(javax.sql.DataSource dataSource, String location) {
    return Flyway.configure().dataSource(dataSource).locations(location).load();
  }

  private static double[] measure(Runnable call) {
    for (int i = 0; i < WARM_UP; i++) {
      call.run();
    }
    double[] millis = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long began = System.nanoTime();
      call.run();
      millis[i] = millisSince(began);
    }
    Arrays.sort(millis);
    return millis;
  }

  private static double millisSince(long began) {
    return (System.nanoTime() - began) / 1e6;
  }

  private static double median(double[] sorted) {
    return sorted[sorted.length / 2];
  }

  private static double percentile(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
  }
}
