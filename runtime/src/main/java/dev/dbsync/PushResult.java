package dev.dbsync;

import java.time.Duration;
import java.util.List;

/**
 * What {@link DbSync#push} did.
 *
 * @param statements the DDL run, in order; empty when the database already matched the compiled schema
 * @param unmanaged objects in the managed schemas that the compiled schema does not declare: left alone
 * @param duration the whole call, connection included
 */
public record PushResult(List<String> statements, List<String> unmanaged, Duration duration) {
  public PushResult {
    statements = List.copyOf(statements);
    unmanaged = List.copyOf(unmanaged);
  }

  public boolean upToDate() {
    return statements.isEmpty();
  }

  /** "Pushed 2 statements in 31 ms: ..." or "The database already matches the compiled schema ...". */
  public String summary() {
    String left = unmanaged.isEmpty() ? ""
        : "; not declared by the compiled schema, left alone: " + String.join(", ", unmanaged);
    return (statements.isEmpty()
        ? "The database already matches the compiled schema (" + duration.toMillis() + " ms)"
        : "Pushed " + statements.size() + (statements.size() == 1 ? " statement" : " statements") + " in "
            + duration.toMillis() + " ms:\n  " + String.join("\n  ", statements)) + left;
  }

  @Override
  public String toString() {
    return summary();
  }
}
