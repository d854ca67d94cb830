package dev.dbsync.processor;

import dev.dbsync.schema.sql.SnakeCase;
import java.util.Locale;

/** Java names to the SQL and constant names dbsync derives from them. */
final class Names {
  private Names() {}

  /** {@code BlogPost} → {@code blog_post}, {@code userId} → {@code user_id}, {@code HTTPServer} → {@code http_server}. */
  static String snakeCase(String javaName) {
    return SnakeCase.of(javaName);
  }

  /** {@code userId} → {@code USER_ID}: the metamodel constant of a component. */
  static String constantName(String componentName) {
    return snakeCase(componentName).toUpperCase(Locale.ROOT);
  }
}
