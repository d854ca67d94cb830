package dev.dbsync.schema.sql;

/**
 * The SQL name dbsync derives from a Java name. One definition for both directions: the processor derives table,
 * column and enum type names with it, and {@code pull} checks with it whether a name it gives a record, a
 * component or an enum derives back to the database's name (otherwise it writes the name explicitly).
 */
public final class SnakeCase {
  private SnakeCase() {}

  /** {@code BlogPost} → {@code blog_post}, {@code userId} → {@code user_id}, {@code HTTPServer} → {@code http_server}. */
  public static String of(String javaName) {
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
}
