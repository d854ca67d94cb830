package dev.dbsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The figures bench/drizzle.sh wrote: lines {@code N <tab> measure <tab> ms}. Empty when it did not run. */
final class Drizzle {
  private Drizzle() {}

  static Map<Integer, Map<String, Double>> read(Path file) throws IOException {
    Map<Integer, Map<String, Double>> figures = new TreeMap<>();
    if (!Files.exists(file)) {
      return figures;
    }
    for (String line : Files.readAllLines(file)) {
      String[] fields = line.split("\t");
      if (fields.length == 3) {
        figures.computeIfAbsent(Integer.parseInt(fields[0]), n -> new TreeMap<>())
            .put(fields[1], Double.parseDouble(fields[2]));
      }
    }
    return figures;
  }
}
