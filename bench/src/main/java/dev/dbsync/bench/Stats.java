package dev.dbsync.bench;

import java.util.Arrays;

/** Timing helpers: milliseconds, sorted, median. */
final class Stats {
  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  private Stats() {}

  static double[] time(Action action, int warmUp, int runs) throws Exception {
    for (int i = 0; i < warmUp; i++) {
      action.run();
    }
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long began = System.nanoTime();
      action.run();
      millis[i] = (System.nanoTime() - began) / 1e6;
    }
    Arrays.sort(millis);
    return millis;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
