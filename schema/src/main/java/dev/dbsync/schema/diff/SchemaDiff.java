package dev.dbsync.schema.diff;

import java.util.List;

/** TEMPORARY stand-in (replaced at merge). */
public record SchemaDiff(List<SchemaChange> changes, List<DiffProblem> problems) {
  public SchemaDiff {
    changes = List.copyOf(changes);
    problems = List.copyOf(problems);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == DiffProblem.Severity.ERROR);
  }

  public List<String> destructive() {
    return changes.stream().filter(SchemaChange::destructive).map(SchemaChange::description).toList();
  }
}
