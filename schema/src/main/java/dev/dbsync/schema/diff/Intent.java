package dev.dbsync.schema.diff;

import dev.dbsync.schema.model.QualifiedName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the user declared about a change that the models alone cannot tell: renames and confirmed drops.
 * The differ never guesses either; without a declaration a disappearing element next to a similar new one
 * is an error.
 *
 * @param tableRenames new table name to its former names
 * @param columnRenames table (new name) to column to its former names
 * @param enumLabelRenames enum type to label to its former labels
 * @param droppedTables tables whose drop the user confirmed
 * @param droppedColumns table (new name) to columns whose drop the user confirmed
 * @param enumRenames new enum type name to its former names (a former name in another schema is a move)
 */
public record Intent(
    Map<QualifiedName, List<QualifiedName>> tableRenames,
    Map<QualifiedName, Map<String, List<String>>> columnRenames,
    Map<QualifiedName, Map<String, List<String>>> enumLabelRenames,
    Set<QualifiedName> droppedTables,
    Map<QualifiedName, Set<String>> droppedColumns,
    Map<QualifiedName, List<QualifiedName>> enumRenames) {

  public static final Intent NONE = new Intent(Map.of(), Map.of(), Map.of(), Set.of(), Map.of(), Map.of());

  public Intent {
    tableRenames = copyOfLists(tableRenames);
    columnRenames = copyOfNested(columnRenames);
    enumLabelRenames = copyOfNested(enumLabelRenames);
    droppedTables = Set.copyOf(droppedTables);
    Map<QualifiedName, Set<String>> columns = new TreeMap<>();
    droppedColumns.forEach((table, names) -> columns.put(table, Set.copyOf(names)));
    droppedColumns = Map.copyOf(columns);
    enumRenames = copyOfLists(enumRenames);
  }

  public Intent withTableRename(QualifiedName table, QualifiedName formerName) {
    Map<QualifiedName, List<QualifiedName>> renames = new TreeMap<>(tableRenames);
    renames.put(table, appended(renames.getOrDefault(table, List.of()), formerName));
    return new Intent(renames, columnRenames, enumLabelRenames, droppedTables, droppedColumns, enumRenames);
  }

  public Intent withColumnRename(QualifiedName table, String column, String formerName) {
    return new Intent(
        tableRenames,
        withNested(columnRenames, table, column, formerName),
        enumLabelRenames,
        droppedTables,
        droppedColumns,
        enumRenames);
  }

  public Intent withEnumLabelRename(QualifiedName enumType, String label, String formerLabel) {
    return new Intent(
        tableRenames,
        columnRenames,
        withNested(enumLabelRenames, enumType, label, formerLabel),
        droppedTables,
        droppedColumns,
        enumRenames);
  }

  public Intent withDroppedTable(QualifiedName table) {
    Set<QualifiedName> dropped = new TreeSet<>(droppedTables);
    dropped.add(table);
    return new Intent(tableRenames, columnRenames, enumLabelRenames, dropped, droppedColumns, enumRenames);
  }

  public Intent withDroppedColumn(QualifiedName table, String column) {
    Map<QualifiedName, Set<String>> dropped = new TreeMap<>(droppedColumns);
    Set<String> names = new TreeSet<>(dropped.getOrDefault(table, Set.of()));
    names.add(column);
    dropped.put(table, names);
    return new Intent(tableRenames, columnRenames, enumLabelRenames, droppedTables, dropped, enumRenames);
  }

  public Intent withEnumRename(QualifiedName enumType, QualifiedName formerName) {
    Map<QualifiedName, List<QualifiedName>> renames = new TreeMap<>(enumRenames);
    renames.put(enumType, appended(renames.getOrDefault(enumType, List.of()), formerName));
    return new Intent(tableRenames, columnRenames, enumLabelRenames, droppedTables, droppedColumns, renames);
  }

  List<QualifiedName> formerTableNames(QualifiedName table) {
    return tableRenames.getOrDefault(table, List.of());
  }

  List<String> formerColumnNames(QualifiedName table, String column) {
    return columnRenames.getOrDefault(table, Map.of()).getOrDefault(column, List.of());
  }

  List<QualifiedName> formerEnumNames(QualifiedName enumType) {
    return enumRenames.getOrDefault(enumType, List.of());
  }

  Map<String, List<String>> labelRenames(QualifiedName enumType) {
    return enumLabelRenames.getOrDefault(enumType, Map.of());
  }

  boolean columnDropConfirmed(QualifiedName table, String column) {
    return droppedColumns.getOrDefault(table, Set.of()).contains(column);
  }

  private static <T> List<T> appended(List<T> list, T item) {
    List<T> result = new ArrayList<>(list);
    result.add(item);
    return result;
  }

  private static Map<QualifiedName, Map<String, List<String>>> withNested(
      Map<QualifiedName, Map<String, List<String>>> map, QualifiedName key, String name, String former) {
    Map<QualifiedName, Map<String, List<String>>> result = new TreeMap<>(map);
    Map<String, List<String>> inner = new TreeMap<>(result.getOrDefault(key, Map.of()));
    inner.put(name, appended(inner.getOrDefault(name, List.of()), former));
    result.put(key, inner);
    return result;
  }

  private static <K, V> Map<K, List<V>> copyOfLists(Map<K, List<V>> map) {
    Map<K, List<V>> result = new HashMap<>();
    map.forEach((key, list) -> result.put(key, List.copyOf(list)));
    return Map.copyOf(result);
  }

  private static Map<QualifiedName, Map<String, List<String>>> copyOfNested(
      Map<QualifiedName, Map<String, List<String>>> map) {
    Map<QualifiedName, Map<String, List<String>>> result = new HashMap<>();
    map.forEach((key, inner) -> result.put(key, copyOfLists(inner)));
    return Map.copyOf(result);
  }
}
