package dev.dbsync;

/**
 * Applying migrations failed, and the database is as it was before the call. When a statement failed,
 * {@link #script()}, {@link #statement()} and {@link #sqlState()} say which and why; otherwise they are null
 * (validation, lock wait, configuration of the migration files).
 */
public final class MigrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String script;
  private final String statement;
  private final String sqlState;

  public MigrationException(String message) {
    this(message, null, null, null, null);
  }

  public MigrationException(String message, String script, String statement, String sqlState, Throwable cause) {
    super(message, cause);
    this.script = script;
    this.statement = statement;
    this.sqlState = sqlState;
  }

  /** The migration file (relative to {@code db/migration}) whose statement failed, or null. */
  public String script() {
    return script;
  }

  /** The full statement that failed, or null. */
  public String statement() {
    return statement;
  }

  /** PostgreSQL's SQLState of the failure (e.g. {@code 42P07}, {@code 55P03}), or null. */
  public String sqlState() {
    return sqlState;
  }
}
