package dev.dbsync.schema.diff;

import dev.dbsync.schema.model.QualifiedName;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** TEMPORARY stand-in (replaced at merge): what the user declared about renames and drops. */
public record Intent(
    Map<QualifiedName, List<QualifiedName>> tableRenames,
    Map<QualifiedName, Map<String, List<String>>> columnRenames,
    Map<QualifiedName, Map<String, List<String>>> enumLabelRenames,
    Set<QualifiedName> droppedTables,
    Map<QualifiedName, Set<String>> droppedColumns) {
  public static final Intent NONE = new Intent(Map.of(), Map.of(), Map.of(), Set.of(), Map.of());
}
