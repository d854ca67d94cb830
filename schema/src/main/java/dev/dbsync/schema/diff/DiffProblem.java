package dev.dbsync.schema.diff;

import dev.dbsync.schema.model.QualifiedName;

/** TEMPORARY stand-in (replaced at merge): a change the differ refuses or warns about. */
public record DiffProblem(Severity severity, QualifiedName table, String column, String message) {
  public enum Severity {
    ERROR,
    WARNING
  }
}
