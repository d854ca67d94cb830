package dev.dbsync.schema.diff;

import java.util.List;

/**
 * The changes from one schema to another, in the order their statements run, and what the differ found
 * wrong or worth a warning on the way.
 */
public record SchemaDiff(List<SchemaChange> changes, List<DiffProblem> problems) {
  public SchemaDiff {
    changes = List.copyOf(changes);
    problems = List.copyOf(problems);
  }

  /** True when there is nothing to migrate. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == DiffProblem.Severity.ERROR);
  }

  /** Descriptions of the changes that can lose data, for the migration header and reviewers. */
  public List<String> destructive() {
    return changes.stream().filter(SchemaChange::destructive).map(SchemaChange::description).toList();
  }
}
