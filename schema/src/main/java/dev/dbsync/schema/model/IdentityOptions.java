package dev.dbsync.schema.model;

import java.util.Optional;

/**
 * The options of an identity column's sequence, each null (or {@code cycle} false) when not declared: then
 * PostgreSQL's default applies. A {@link Column} keeps only what differs from those defaults (see
 * {@link #withoutDefaults}), so two declarations of the same sequence are equal, and a sequence read from the
 * database compares equal to the declaration that created it.
 *
 * <p>PostgreSQL's defaults ({@code CREATE SEQUENCE}): increment 1; an ascending sequence runs from 1 to the
 * column type's maximum, a descending one from the type's minimum to -1; it starts at its minimum when ascending,
 * at its maximum when descending; cache 1; no cycle. The runtime's tests check these against the server.
 */
public record IdentityOptions(Long start, Long increment, Long minValue, Long maxValue, Long cache, boolean cycle) {
  /** Nothing declared: the sequence PostgreSQL creates by default. */
  public static final IdentityOptions DEFAULT = new IdentityOptions(null, null, null, null, null, false);

  /** The values an identity column of this type can hold, and so its sequence's bounds. */
  public record Range(long min, long max) {
    public boolean contains(long value) {
      return value >= min && value <= max;
    }
  }

  /** Every option filled in, as the sequence holds it. */
  public record Effective(long start, long increment, long minValue, long maxValue, long cache, boolean cycle) {}

  public boolean isDefault() {
    return equals(DEFAULT);
  }

  /** The range of {@code smallint}, {@code integer} and {@code bigint}, the types an identity column may have. */
  public static Optional<Range> rangeOf(TypeRef type) {
    if (!(type instanceof TypeRef.Builtin builtin)) {
      return Optional.empty();
    }
    return switch (builtin.canonical()) {
      case "smallint" -> Optional.of(new Range(Short.MIN_VALUE, Short.MAX_VALUE));
      case "integer" -> Optional.of(new Range(Integer.MIN_VALUE, Integer.MAX_VALUE));
      case "bigint" -> Optional.of(new Range(Long.MIN_VALUE, Long.MAX_VALUE));
      default -> Optional.empty();
    };
  }

  /** The increment: declared, or 1. */
  public long step() {
    return increment == null ? 1 : increment;
  }

  /**
   * The first value: declared, or the minimum of an ascending sequence, the maximum of a descending one; those
   * do not depend on the type unless declared (1 and -1).
   */
  public long firstValue() {
    if (start != null) {
      return start;
    }
    return step() > 0 ? (minValue == null ? 1 : minValue) : (maxValue == null ? -1 : maxValue);
  }

  /** The sequence PostgreSQL creates from these options on a column of {@code range}. */
  public Effective effective(Range range) {
    boolean ascending = step() > 0;
    long min = minValue != null ? minValue : ascending ? 1 : range.min();
    long max = maxValue != null ? maxValue : ascending ? range.max() : -1;
    return new Effective(firstValue(), step(), min, max, cache == null ? 1 : cache, cycle);
  }

  /**
   * These options without the values PostgreSQL would choose anyway on a column of {@code type}; unchanged for a
   * type no identity column may have (the processor reports that).
   */
  public IdentityOptions withoutDefaults(TypeRef type) {
    Optional<Range> range = rangeOf(type);
    if (range.isEmpty()) {
      return this;
    }
    Effective sequence = effective(range.get());
    boolean ascending = sequence.increment() > 0;
    long defaultMin = ascending ? 1 : range.get().min();
    long defaultMax = ascending ? range.get().max() : -1;
    return new IdentityOptions(
        unlessEqual(sequence.start(), ascending ? sequence.minValue() : sequence.maxValue()),
        unlessEqual(sequence.increment(), 1),
        unlessEqual(sequence.minValue(), defaultMin),
        unlessEqual(sequence.maxValue(), defaultMax),
        unlessEqual(sequence.cache(), 1),
        sequence.cycle());
  }

  private static Long unlessEqual(long value, long defaultValue) {
    return value == defaultValue ? null : value;
  }
}
