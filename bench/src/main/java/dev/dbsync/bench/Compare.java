package dev.dbsync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * dbsync beside its peers at several N (bench/compare.sh runs it):
 * <pre>
 * Compare generate &lt;data&gt; N...          writes the migration files (before the JVM that reads them starts)
 * Compare run &lt;data&gt; &lt;results&gt; N...     measures; writes results.md, startup-noop.png, startup-fresh.png,
 *                                        startup-apply.png,
 *                                        processor.png; reads drizzle.tsv from &lt;results&gt; when present
 * Compare fresh &lt;data&gt; N tool url         (in a child JVM) times the tool's first call, prints ms
 * Compare own &lt;sources&gt; &lt;out&gt; cp opts...  (in a child JVM) javac with dbsync's processor timed from inside
 * </pre>
 * System properties: {@code bench.classpath} (javac's class path for the processor runs), {@code bench.runs}
 * (fresh javac runs per figure, default 3), {@code bench.noopRuns} (warm no-op calls measured, default 31),
 * {@code bench.freshRuns} (fresh JVMs per first-call figure, default 3).
 */
public final class Compare {
  private Compare() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    // Ebean and Liquibase log each migration through java.util.logging; Liquibase prints a summary per update
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    for (java.util.logging.Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
      handler.setLevel(java.util.logging.Level.WARNING);
    }
    System.setProperty("liquibase.showSummary", "OFF");
    System.setProperty("liquibase.showSummaryOutput", "LOG");
    Path data = Path.of(args[1]);
    if (args[0].equals("own")) {
      OwnWork.run(data, Path.of(args[2]), args[3], List.of(args).subList(4, args.length));
      return;
    }
    if (args[0].equals("fresh")) {
      Startup.firstCall(data, Integer.parseInt(args[2]), args[3], args[4]);
      return;
    }
    if (args[0].equals("generate")) {
      for (int i = 2; i < args.length; i++) {
        Startup.generate(data, Integer.parseInt(args[i]));
      }
      return;
    }
    Path results = Path.of(args[2]);
    Files.createDirectories(results);
    List<Integer> sizes = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    int runs = Integer.getInteger("bench.runs", 3);
    int noOpRuns = Integer.getInteger("bench.noopRuns", 31);
    int freshRuns = Integer.getInteger("bench.freshRuns", 3);
    Map<Integer, Startup.Figures> startup = new LinkedHashMap<>();
    Map<Integer, Map<String, Double>> processor = new LinkedHashMap<>();
    for (int n : sizes) {
      startup.put(n, Startup.measure(data, n, Math.max(5, noOpRuns / 3), noOpRuns, freshRuns));
    }
    Path work = ProcessorCost.clean(data.resolve("javac"));
    for (int n : sizes) {
      processor.put(n, ProcessorCost.measure(work, n, runs, System.getProperty("bench.classpath")));
    }
    Map<Integer, Map<String, Double>> drizzle = Drizzle.read(results.resolve("drizzle.tsv"));

    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "Measured %s by `bench/compare.sh` (load average at start: %s).%n%n",
        LocalDate.now(ZoneOffset.UTC), System.getProperty("bench.load", "?")));
    md.append("**Startup**: N migrations (a table, an index, a row each), pooled; the median of ").append(noOpRuns)
        .append(" warm no-op calls; the first no-op call in a fresh JVM (class loading included; the pool open and"
            + " one statement run before; median of ").append(freshRuns)
        .append(" JVMs); the first apply of all N.\n\n");
    md.append("| N | tool | no-op, warm (ms) | ÷ dbsync | no-op, fresh JVM (ms) | ÷ dbsync | apply N (ms) | ÷ dbsync |\n"
        + "|---|---|---|---|---|---|---|---|\n");
    for (int n : sizes) {
      Startup.Figures f = startup.get(n);
      for (String tool : Startup.TOOLS) {
        md.append(String.format(Locale.ROOT, "| %,d | %s | %.2f | %.1f | %.0f | %.1f | %.0f | %.1f |%n", n, tool,
            f.noOp().get(tool), f.noOp().get(tool) / f.noOp().get("dbsync"), f.fresh().get(tool),
            f.fresh().get(tool) / f.fresh().get("dbsync"), f.apply().get(tool),
            f.apply().get(tool) / f.apply().get("dbsync")));
      }
    }
    md.append("\n**Processor**: N records (or JPA entities) of 10 columns, median of ").append(runs)
        .append(" fresh `javac` runs; *added* is the time over javac alone on the same sources; *idle processor* is"
            + " javac with a processor that does nothing, what javac adds for any processor.\n\n");
    md.append("| N | javac | idle processor | added | dbsync | added | no metamodel | added | nothing changed | added"
        + " | javac (entities) | Hibernate processor | added | dbsync added ÷ Hibernate added"
        + " | no metamodel added ÷ Hibernate added |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (int n : sizes) {
      Map<String, Double> p = processor.get(n);
      double javac = p.get("javac (records)");
      double entities = p.get("javac (entities)");
      double hibernateAdded = p.get("Hibernate processor") - entities;
      md.append(String.format(Locale.ROOT,
          "| %,d | %.0f | %.0f | %+.0f | %.0f | %+.0f | %.0f | %+.0f | %.0f | %+.0f | %.0f | %.0f | %+.0f | %.2f"
              + " | %.2f |%n", n, javac, p.get("idle processor"), p.get("idle processor") - javac,
          p.get("dbsync"), p.get("dbsync") - javac, p.get("dbsync, no metamodel"),
          p.get("dbsync, no metamodel") - javac, p.get("dbsync, nothing changed"),
          p.get("dbsync, nothing changed") - javac, entities, p.get("Hibernate processor"), hibernateAdded,
          (p.get("dbsync") - javac) / hibernateAdded, (p.get("dbsync, no metamodel") - javac) / hibernateAdded));
    }
    md.append("\n**Inside dbsync's processor** (a first compile, javac through the compiler API in a fresh JVM, the"
        + " processor timed from inside; median of ").append(runs).append(" runs): its own work, and the time javac's"
        + " Filer takes for its files: the name and existence checks, and creating and flushing its source files"
        + " (what every processor pays per file it writes).\n\n"
        + "| N | dbsync's own work (ms) | javac's Filer, dbsync's files (ms) |\n|---|---|---|\n");
    for (int n : sizes) {
      Map<String, Double> p = processor.get(n);
      md.append(String.format(Locale.ROOT, "| %,d | %.0f | %.0f |%n", n, p.get("dbsync, own work"),
          p.get("javac's Filer, dbsync's files")));
    }
    if (!drizzle.isEmpty()) {
      md.append("\n**drizzle-kit** (its CLI, fresh process each): `generate` first, `generate` with nothing"
          + " changed, `migrate` of the generated migration (N tables in one file) into an empty database;"
          + " not comparable with the startup table above (one JVM, N files).\n\n"
          + "| N | generate (ms) | generate, nothing changed (ms) | migrate (ms) |\n|---|---|---|---|\n");
      drizzle.forEach((n, d) -> md.append(String.format(Locale.ROOT, "| %,d | %.0f | %.0f | %.0f |%n", n,
          d.getOrDefault("generate", 0.0), d.getOrDefault("generate-again", 0.0), d.getOrDefault("migrate", 0.0))));
    }
    Files.writeString(results.resolve("results.md"), md);

    Plot.write(results.resolve("startup-noop.png"), "No-op startup (warm, pooled): ms against N migrations",
        sizes, series(sizes, Startup.TOOLS, n -> startup.get(n).noOp()));
    Plot.write(results.resolve("startup-fresh.png"), "No-op startup, first call in a fresh JVM: ms against N"
        + " migrations", sizes, series(sizes, Startup.TOOLS, n -> startup.get(n).fresh()));
    Plot.write(results.resolve("startup-apply.png"), "Applying N migrations to an empty database: ms", sizes,
        series(sizes, Startup.TOOLS, n -> startup.get(n).apply()));
    Map<String, Map<Integer, Double>> added = new LinkedHashMap<>();
    for (String m : List.of("dbsync", "dbsync, no metamodel", "dbsync, nothing changed", "idle processor")) {
      Map<Integer, Double> line = new LinkedHashMap<>();
      sizes.forEach(n -> line.put(n, processor.get(n).get(m) - processor.get(n).get("javac (records)")));
      added.put(m, line);
    }
    Map<Integer, Double> hibernate = new LinkedHashMap<>();
    sizes.forEach(n -> hibernate.put(n,
        processor.get(n).get("Hibernate processor") - processor.get(n).get("javac (entities)")));
    added.put("Hibernate processor", hibernate);
    Map<Integer, Double> javacAlone = new LinkedHashMap<>();
    sizes.forEach(n -> javacAlone.put(n, processor.get(n).get("javac (records)")));
    added.put("javac alone (total)", javacAlone);
    if (!drizzle.isEmpty()) {
      added.put("drizzle-kit generate (total)", series(sizes, List.of("generate"), drizzle::get).get("generate"));
    }
    Plot.write(results.resolve("processor.png"), "Time a processor adds to javac: ms against N records", sizes,
        added);
    System.out.print(md);
  }

  private static Map<String, Map<Integer, Double>> series(
      List<Integer> sizes, List<String> names, java.util.function.IntFunction<Map<String, Double>> figures) {
    Map<String, Map<Integer, Double>> series = new LinkedHashMap<>();
    for (String name : names) {
      Map<Integer, Double> line = new LinkedHashMap<>();
      for (int n : sizes) {
        Map<String, Double> f = figures.apply(n);
        if (f != null && f.get(name) != null) {
          line.put(n, f.get(name));
        }
      }
      series.put(name, line);
    }
    return series;
  }
}
