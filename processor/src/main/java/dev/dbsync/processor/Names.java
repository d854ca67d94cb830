package dev.dbsync.processor;

import java.util.Locale;

/** Java names to the SQL and constant names dbsync derives from them. */
final class Names {
  private Names() {}

  /** {@code BlogPost} → {@code blog_post}, {@code userId} → {@code user_id}, {@code HTTPServer} → {@code http_server}. */
  static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char before = javaName.charAt(i - 1);
        boolean wordStart =
            Character.isLowerCase(before)
                || Character.isDigit(before)
                || (Character.isUpperCase(before)
                    && i + 1 < javaName.length()
                    && Character.isLowerCase(javaName.charAt(i + 1)));
        if (wordStart && before != '_') {
          out.append('_');
        }
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  /** {@code userId} → {@code USER_ID}: the metamodel constant of a component. */
  static String constantName(String componentName) {
    return snakeCase(componentName).toUpperCase(Locale.ROOT);
  }
}
