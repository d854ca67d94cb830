package dev.dbsync.processor;

import java.util.Map;
import java.util.Optional;

/** A boolean processor option: {@code -Aname=true|false}; {@code -Aname} alone (javac passes no value) is true. */
final class Flag {
  private Flag() {}

  /** The option's value, {@code absent} when not given, empty when given as something else than true or false. */
  static Optional<Boolean> read(Map<String, String> processorOptions, String name, boolean absent) {
    if (!processorOptions.containsKey(name)) {
      return Optional.of(absent);
    }
    String value = processorOptions.get(name);
    if (value == null || value.isEmpty() || value.equalsIgnoreCase("true")) {
      return Optional.of(true);
    }
    return value.equalsIgnoreCase("false") ? Optional.of(false) : Optional.empty();
  }
}
