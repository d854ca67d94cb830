package dev.dbsync.schema.sql;

/** User-visible texts of {@code dev.dbsync.schema.sql}; tests assert against these methods. */
public final class SqlMessages {
  private SqlMessages() {}

  public static String emptyType() {
    return "the column type is empty: write a PostgreSQL type such as text, integer or varchar(200)";
  }

  public static String serialType(String serial, String integerType) {
    return "type " + serial + " is not a column type but a shorthand for " + integerType
        + " with a sequence default, which reads back from the database as a different column: declare the"
        + " column as " + integerType + " with @Identity instead";
  }

  public static String unterminated(String what) {
    return what + " is not closed";
  }

  public static String semicolon() {
    return "it contains a ';', which would end dbsync's statement and start another";
  }

  public static String unbalanced(String closing) {
    return "it has a '" + closing + "' without its opening bracket";
  }

  public static String unclosed(String opening) {
    return "a '" + opening + "' is not closed";
  }
}
