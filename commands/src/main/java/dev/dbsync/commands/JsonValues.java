package dev.dbsync.commands;

import dev.dbsync.schema.snapshot.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the plain values {@link Json} writes; keys come out sorted, so equal reports give equal JSON. */
final class JsonValues {
  private JsonValues() {}

  /** An object from alternating keys and values; null values are written as JSON null. */
  static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  static String write(Object value) {
    return Json.pretty(value);
  }
}
