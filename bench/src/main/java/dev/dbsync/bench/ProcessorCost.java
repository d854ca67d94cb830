package dev.dbsync.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What an annotation processor adds to javac, fresh {@code javac} process per run, medians of {@code runs}: N dbsync
 * records of 10 columns (javac alone; with a processor that does nothing, javac's cost for any processor; with
 * dbsync's processor, first compile; the same without the metamodel; a recompile with nothing changed) and N
 * equivalent JPA entities (javac alone; with Hibernate's processor, which writes its static metamodel
 * {@code <Entity>_}).
 */
final class ProcessorCost {
  static final List<String> MEASURES = List.of("javac (records)", "idle processor", "dbsync",
      "dbsync, no metamodel", "dbsync, nothing changed", "javac (entities)", "Hibernate processor",
      "dbsync, own work", "javac's Filer, dbsync's files");

  private ProcessorCost() {}

  /** Per measure, in ms. */
  static Map<String, Double> measure(Path work, int n, int runs, String classpath) throws Exception {
    Path records = work.resolve("records" + n);
    Path entities = work.resolve("entities" + n);
    writeSources(records, entities, n);
    Map<String, List<Double>> times = new LinkedHashMap<>();
    MEASURES.forEach(m -> times.put(m, new ArrayList<>()));
    for (int run = 0; run < runs; run++) {
      Path resources = clean(work.resolve("resources"));
      times.get("javac (records)").add(javac(work, records, classpath, List.of("-proc:none")));
      times.get("idle processor").add(
          javac(work, records, classpath, List.of("-processor", IdleProcessor.class.getName())));
      times.get("dbsync").add(javac(work, records, classpath, dbsync(resources)));
      double[] inside = ownWork(work, records, classpath, dbsync(clean(work.resolve("resources-own"))));
      times.get("dbsync, own work").add(inside[1] - inside[2]);
      times.get("javac's Filer, dbsync's files").add(inside[2]);
      List<String> noMetamodel = new ArrayList<>(dbsync(clean(work.resolve("resources-bare"))));
      noMetamodel.add("-Adbsync.metamodel=false");
      times.get("dbsync, no metamodel").add(javac(work, records, classpath, noMetamodel));
      // the resources of the first compile: snapshot and V1 committed, records unchanged
      times.get("dbsync, nothing changed").add(javac(work, records, classpath, dbsync(resources)));
      try (Stream<Path> written = Files.list(resources.resolve("db/migration"))) {
        if (written.count() != 1) {
          throw new IllegalStateException("a recompile with nothing changed wrote a migration");
        }
      }
      times.get("javac (entities)").add(javac(work, entities, classpath, List.of("-proc:none")));
      times.get("Hibernate processor").add(javac(work, entities, classpath,
          List.of("-processor", "org.hibernate.processor.HibernateProcessor")));
    }
    clean(work.resolve("outputs"));
    Map<String, Double> medians = new LinkedHashMap<>();
    times.forEach((measure, values) ->
        medians.put(measure, Stats.median(values.stream().mapToDouble(Double::doubleValue).toArray())));
    System.err.printf(Locale.ROOT, "  processor N=%d %s%n", n, medians);
    return medians;
  }

  private static List<String> dbsync(Path resources) {
    return List.of("-processor", "dev.dbsync.processor.DbSyncProcessor", "-Adbsync.resources=" + resources);
  }

  /** One fresh javac, writing into a new output directory ({@link #newOutput}). Milliseconds. */
  private static double javac(Path work, Path sources, String classpath, List<String> options) throws Exception {
    Path out = newOutput(work);
    List<String> command = new ArrayList<>(List.of(javaHome("javac"), "-d", out.toString(), "-cp", classpath,
        "-processorpath", classpath, "-implicit:none"));
    command.addAll(options);
    try (Stream<Path> files = Files.list(sources)) {
      files.map(Path::toString).sorted().forEach(command::add);
    }
    Path log = work.resolve("javac.log");
    long began = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("javac failed:\n" + Files.readString(log));
    }
    return (System.nanoTime() - began) / 1e6;
  }

  /**
   * A first compile in a fresh JVM through the compiler API, dbsync's processor timed from inside
   * ({@link OwnWork}): javac in all, inside the processor, inside javac's Filer and the file objects it hands out
   * on its behalf. Milliseconds.
   */
  private static double[] ownWork(Path work, Path sources, String classpath, List<String> options) throws Exception {
    List<String> command = new ArrayList<>(List.of(javaHome("java"), "-cp", classpath, Compare.class.getName(),
        "own", sources.toString(), newOutput(work).toString(), classpath));
    command.addAll(options);
    Path log = work.resolve("own.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("javac through the compiler API failed:\n" + Files.readString(log));
    }
    List<String> lines = Files.readAllLines(log);
    String[] figures = lines.get(lines.size() - 1).trim().split(" ");
    return new double[] {
        Double.parseDouble(figures[0]), Double.parseDouble(figures[1]), Double.parseDouble(figures[2])};
  }

  private static String javaHome(String tool) {
    return Path.of(System.getProperty("java.home"), "bin", tool).toString();
  }

  private static void writeSources(Path records, Path entities, int n) throws IOException {
    clean(records);
    clean(entities);
    for (int i = 1; i <= n; i++) {
      StringBuilder record = new StringBuilder("package bench;\nimport dev.dbsync.annotations.*;\n@Table(\"t" + i
          + "\")\npublic record T" + i + "(\n    @Id long id,\n");
      StringBuilder entity = new StringBuilder("package bench;\nimport jakarta.persistence.*;\n@Entity\n"
          + "@jakarta.persistence.Table(name = \"e" + i + "\")\npublic class E" + i + " {\n  @Id long id;\n");
      for (int c = 1; c <= 8; c++) {
        record.append("    String c").append(c).append(",\n");
        entity.append("  String c").append(c).append(";\n");
      }
      record.append("    @DefaultNow java.time.Instant createdAt) {}\n");
      entity.append("  java.time.Instant createdAt;\n}\n");
      Files.writeString(records.resolve("T" + i + ".java"), record);
      Files.writeString(entities.resolve("E" + i + ".java"), entity);
    }
  }

  /**
   * A new, empty output directory for one javac, deleted with the others after all runs of a size: on this machine
   * creating files just after thousands were deleted costs up to ~1 ms per file for seconds, which emptying one
   * directory before each javac measured as compile time (javac alone writes N class files, dbsync 2N more).
   */
  private static Path newOutput(Path work) throws IOException {
    Files.createDirectories(work.resolve("outputs"));
    return Files.createTempDirectory(work.resolve("outputs"), "out");
  }

  static Path clean(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> walk = Files.walk(directory)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(directory);
    return directory;
  }

  static String classpathOf(String... entries) {
    return String.join(File.pathSeparator, entries);
  }
}
