package dev.dbsync.runtime.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration version as Flyway reads it: {@code 1}, {@code 1.2}, {@code 1_2} (underscores are dots), compared
 * part by part as numbers, so {@code 1.10 > 1.9} and {@code 1.0 == 1}. {@link #text()} is what Flyway stores
 * in the history's {@code version} column.
 */
public record MigrationVersion(String text, List<BigInteger> parts) implements Comparable<MigrationVersion> {
  public MigrationVersion {
    parts = List.copyOf(parts);
  }

  /** The version written {@code raw} (from a file name or the history), or null when it is not one. */
  public static MigrationVersion parseOrNull(String raw) {
    // by hand, not by regular expression: every no-op startup parses each history row's version
    String text = raw.replace('_', '.');
    List<BigInteger> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '.') {
        if (i == start) {
          return null; // empty, or an empty part: "", "1.", ".1", "1..2"
        }
        parts.add(new BigInteger(text.substring(start, i)));
        start = i + 1;
      } else if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return null;
      }
    }
    return new MigrationVersion(text, parts);
  }

  @Override
  public int compareTo(MigrationVersion other) {
    int n = Math.max(parts.size(), other.parts.size());
    for (int i = 0; i < n; i++) {
      int c = part(i).compareTo(other.part(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private BigInteger part(int i) {
    return i < parts.size() ? parts.get(i) : BigInteger.ZERO;
  }

  /** Same version for Flyway ({@code 1.0} is {@code 1}), whatever the spelling. */
  public boolean sameAs(MigrationVersion other) {
    return compareTo(other) == 0;
  }

  @Override
  public String toString() {
    return text;
  }
}
