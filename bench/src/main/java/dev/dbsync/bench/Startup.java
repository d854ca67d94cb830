package dev.dbsync.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbsync.DbSync;
import dev.dbsync.schema.snapshot.MigrationIndex;
import dev.dbsync.schema.sql.FlywayChecksum;
import dev.dbsync.testing.TestDatabase;
import dev.dbsync.testing.TestDatabases;
import io.ebean.migration.MigrationConfig;
import io.ebean.migration.MigrationRunner;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;

/**
 * Startup cost of each migration runner over the same N migrations (one table, one index, one row each), each on
 * its own database through a HikariCP pool: the first apply of all N, then the median of warm no-op calls. The
 * migration files are written by {@link #generate} before the JVM starts, because Ebean looks its index up through
 * its own class loader (so they must be on the class path).
 */
final class Startup {
  static final List<String> TOOLS =
      List.of("dbsync", "Flyway", "Liquibase", "Ebean", "Ebean (index)");

  /** Per tool: the first apply, the warm no-op and the first no-op in a fresh JVM, in ms. */
  record Figures(Map<String, Double> apply, Map<String, Double> noOp, Map<String, Double> fresh) {}

  private Startup() {}

  /**
   * {@code <data>/n<N>/db/migration} with dbsync's index as the processor writes it (also read by Flyway and
   * Liquibase), {@code <data>/ebean/n<N>} and {@code <data>/ebeanidx/n<N>} with Ebean's names and index.
   */
  static void generate(Path data, int n) throws IOException {
    Path root = data.resolve("n" + n);
    Path location = root.resolve("db/migration");
    Path ebean = data.resolve("ebean/n" + n);
    Path ebeanIndexed = data.resolve("ebeanidx/n" + n);
    for (Path dir : List.of(location, root.resolve("db/dbsync"), ebean, ebeanIndexed)) {
      Files.createDirectories(dir);
    }
    List<MigrationIndex.Entry> index = new ArrayList<>();
    StringBuilder ebeanIndex = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      String sql = String.format(Locale.ROOT, "CREATE TABLE t%d (\n  id bigint PRIMARY KEY,\n  name text NOT NULL,\n"
          + "  created_at timestamptz NOT NULL DEFAULT now()\n);\n\nCREATE INDEX t%d_name_idx ON t%d (name);\n\n"
          + "INSERT INTO t%d (id, name) VALUES (1, 'row; one');\n", i, i, i, i);
      byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
      String name = "V" + i + "__create_table_" + i + ".sql";
      Files.write(location.resolve(name), bytes);
      index.add(MigrationIndex.Entry.of(name, Integer.toString(i), bytes));
      String ebeanName = i + "__create_table_" + i + ".sql";
      Files.write(ebean.resolve(ebeanName), bytes);
      Files.write(ebeanIndexed.resolve(ebeanName), bytes);
      ebeanIndex.append(FlywayChecksum.of(sql)).append(", ").append(ebeanName).append('\n');
    }
    Files.writeString(root.resolve(MigrationIndex.RESOURCE), new MigrationIndex(index).text());
    Files.writeString(ebeanIndexed.resolve("idx_postgres.migrations"), ebeanIndex.toString());
    Files.writeString(root.resolve("changelog.xml"), """
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
              http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
          <includeAll path="db/migration/"/>
        </databaseChangeLog>
        """);
  }

  static Figures measure(Path data, int n, int warmUp, int runs, int freshRuns) throws Exception {
    Map<String, Double> apply = new LinkedHashMap<>();
    Map<String, Double> noOp = new LinkedHashMap<>();
    Map<String, Double> fresh = new LinkedHashMap<>();
    for (Map.Entry<String, Call> tool : calls(data, n).entrySet()) {
      try (TestDatabase db = TestDatabases.create(); HikariDataSource pool = pool(db.url())) {
        warm(pool);
        long began = System.nanoTime();
        tool.getValue().run(pool);
        apply.put(tool.getKey(), (System.nanoTime() - began) / 1e6);
        noOp.put(tool.getKey(), Stats.median(Stats.time(() -> tool.getValue().run(pool), warmUp, runs)));
        double[] firstCalls = new double[freshRuns];
        for (int i = 0; i < freshRuns; i++) {
          firstCalls[i] = freshJvm(data, n, tool.getKey(), db.url());
        }
        fresh.put(tool.getKey(), Stats.median(firstCalls));
      }
      System.err.printf(Locale.ROOT, "  startup N=%d %-14s apply %9.1f ms, no-op %8.2f ms, fresh JVM no-op %8.1f ms%n",
          n, tool.getKey(), apply.get(tool.getKey()), noOp.get(tool.getKey()), fresh.get(tool.getKey()));
    }
    return new Figures(apply, noOp, fresh);
  }

  /**
   * The first call of {@code tool} in a JVM of its own over a database it migrated already: the no-op as an
   * application's restart sees it, class loading included (the pool is open and has run one statement before the
   * clock starts).
   */
  private static double freshJvm(Path data, int n, String tool, String url) throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Compare.class.getName(), "fresh", data.toString(),
        Integer.toString(n), tool, url)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
    if (child.waitFor() != 0) {
      throw new IllegalStateException(tool + " in a fresh JVM failed: " + out);
    }
    return Double.parseDouble(out.substring(out.lastIndexOf('\n') + 1));
  }

  /** In the fresh JVM: times the first call of {@code tool} and prints the milliseconds. */
  static void firstCall(Path data, int n, String tool, String url) throws Exception {
    Call call = calls(data, n).get(tool);
    try (HikariDataSource pool = pool(url)) {
      warm(pool);
      long began = System.nanoTime();
      call.run(pool);
      System.out.printf(Locale.ROOT, "%n%.3f%n", (System.nanoTime() - began) / 1e6);
    }
  }

  /**
   * One statement through the pool, so that what the pool and the driver load on first use (HikariCP's proxy of a
   * closed connection, the driver's statement classes) is not counted to the first tool that runs.
   */
  private static void warm(DataSource pool) throws SQLException {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
    }
  }

  private static Map<String, Call> calls(Path data, int n) throws IOException {
    Path root = data.resolve("n" + n);
    ClassLoader dbsyncLoader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    String flywayLocation = "filesystem:" + root.resolve("db/migration");
    Map<String, Call> calls = new LinkedHashMap<>();
    calls.put("dbsync", ds -> {
      DbSync.configure().classLoader(dbsyncLoader).apply(ds);
    });
    calls.put("Flyway", ds -> Flyway.configure().dataSource(ds).locations(flywayLocation).load().migrate());
    calls.put("Liquibase", ds -> {
      try (Connection connection = ds.getConnection()) {
        Database database =
            DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        try (Liquibase liquibase = new Liquibase("changelog.xml", new DirectoryResourceAccessor(root), database)) {
          liquibase.update();
        }
      }
    });
    calls.put("Ebean", ds -> ebean(ds, "ebean/n" + n));
    calls.put("Ebean (index)", ds -> ebean(ds, "ebeanidx/n" + n));
    return calls;
  }

  private static void ebean(DataSource ds, String path) {
    MigrationConfig config = new MigrationConfig();
    config.setMigrationPath(path);
    config.setPlatform("postgres");
    config.setBasePlatform("postgres");
    new MigrationRunner(config).run(ds);
  }

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  @FunctionalInterface
  interface Call {
    void run(DataSource dataSource) throws Exception;
  }
}
