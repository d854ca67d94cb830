package dev.dbsync.schema.diff;

import dev.dbsync.schema.model.QualifiedName;
import java.util.Objects;

/**
 * Something the differ refuses (ERROR) or wants a reviewer to see (WARNING), attached to the table (the
 * record) and, when there is one, the column (the record component) it is about. A problem about an enum
 * type (a label renamed twice, a type or value dropped) names the enum type in {@code table}.
 *
 * @param column column name in {@code table}, or null when the problem is about the table as a whole
 */
public record DiffProblem(Severity severity, QualifiedName table, String column, String message) {
  public enum Severity {
    ERROR,
    WARNING
  }

  public DiffProblem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(message, "message");
  }

  static DiffProblem error(QualifiedName table, String column, String message) {
    return new DiffProblem(Severity.ERROR, table, column, message);
  }

  static DiffProblem warning(QualifiedName table, String column, String message) {
    return new DiffProblem(Severity.WARNING, table, column, message);
  }
}
