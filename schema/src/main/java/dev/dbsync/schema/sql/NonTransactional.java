package dev.dbsync.schema.sql;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Statements PostgreSQL refuses to run inside a transaction block ({@code CREATE INDEX CONCURRENTLY}, ...). */
public final class NonTransactional {
  private static final Pattern STATEMENT = Pattern.compile("(?is)^\\s*("
      + "CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY|DROP\\s+INDEX\\s+CONCURRENTLY|REINDEX\\b.*\\bCONCURRENTLY"
      + "|ALTER\\s+TABLE\\b.*\\bDETACH\\s+PARTITION\\b.*\\bCONCURRENTLY|VACUUM|CREATE\\s+DATABASE|DROP\\s+DATABASE"
      + "|ALTER\\s+SYSTEM|CREATE\\s+TABLESPACE|DROP\\s+TABLESPACE)\\b.*");

  private NonTransactional() {}

  /** The first of {@code statements} (as {@link SqlScript#split} returns them) that cannot run in a transaction. */
  public static Optional<String> first(List<String> statements) {
    return statements.stream().filter(s -> STATEMENT.matcher(s).matches()).findFirst();
  }
}
