package dev.dbsync.commands.bench;

import dev.dbsync.bench.IntrospectionBench;
import dev.dbsync.commands.pull.Pull;
import dev.dbsync.commands.pull.PullReport;
import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.testing.TestDatabase;
import dev.dbsync.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * {@code pull} of N tables x 10 columns (the introspection benchmark's schema), beside the introspection alone:
 * the first pull in this JVM (what one command pays: class loading, pg_dump, JavaPoet, writing every file) and the
 * median of warm pulls. Not a test: run it with {@code bench/pull.sh}.
 */
public final class PullBench {
  private static final int MEASURED = 5;

  private PullBench() {}

  public static void main(String[] args) throws SQLException, IOException {
    int[] sizes =
        args.length == 0 ? new int[] {10, 100, 1000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.printf("%-8s %-8s %-18s %-16s %-16s %-10s%n",
        "tables", "columns", "introspect (ms)", "pull first (ms)", "pull median (ms)", "files");
    try (TestDatabase db = TestDatabases.create(); Connection connection = db.connect()) {
      for (int tables : sizes) {
        IntrospectionBench.createTables(connection, tables);
        Path project = Files.createTempDirectory("dbsync-pull-bench");
        long start = System.nanoTime();
        PullReport first = pull(db, project, false);
        double firstMillis = (System.nanoTime() - start) / 1e6;
        if (first.tables().size() != tables) {
          throw new IllegalStateException("pulled " + first.tables().size() + " tables, expected " + tables);
        }
        double[] pulls = new double[MEASURED];
        double[] reads = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
          start = System.nanoTime();
          pull(db, project, true);
          pulls[i] = (System.nanoTime() - start) / 1e6;
          start = System.nanoTime();
          Introspector.read(connection, List.of("public"));
          reads[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(pulls);
        Arrays.sort(reads);
        System.out.printf("%-8d %-8d %-18.1f %-16.1f %-16.1f %-10d%n", tables, tables * 10, reads[MEASURED / 2],
            firstMillis, pulls[MEASURED / 2], first.files().size());
      }
    }
  }

  private static PullReport pull(TestDatabase db, Path project, boolean overwrite) {
    return Pull.from(db.dataSource())
        .packageName("com.example.db")
        .sourceDir(project.resolve("src/main/java"))
        .resourcesDir(project.resolve("src/main/resources"))
        .overwrite(overwrite)
        .run();
  }
}
