package dev.dbsync.runtime.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A migration version as Flyway reads it: {@code 1}, {@code 1.2}, {@code 1_2} (underscores are dots), compared
 * part by part as numbers, so {@code 1.10 > 1.9} and {@code 1.0 == 1}. {@link #text()} is what Flyway stores
 * in the history's {@code version} column.
 */
public record MigrationVersion(String text, List<BigInteger> parts) implements Comparable<MigrationVersion> {
  private static final Pattern VALID = Pattern.compile("\\d+(\\.\\d+)*");

  public MigrationVersion {
    parts = List.copyOf(parts);
  }

  /** The version written {@code raw} (from a file name or the history), or null when it is not one. */
  public static MigrationVersion parseOrNull(String raw) {
    String text = raw.replace('_', '.');
    if (!VALID.matcher(text).matches()) {
      return null;
    }
    List<BigInteger> parts = new ArrayList<>();
    for (String part : text.split("\\.")) {
      parts.add(new BigInteger(part));
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
