package dev.dbsync.schema.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A whole managed schema: enum types and tables, each sorted by qualified name. */
public record Schema(List<EnumType> enums, List<Table> tables) {
  public static final Schema EMPTY = new Schema(List.of(), List.of());

  public Schema {
    enums = enums.stream().sorted(Comparator.comparing(EnumType::name)).toList();
    tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
  }

  /** By binary search over the sorted tables: the differ looks every table up, in schemas of thousands. */
  public Optional<Table> table(QualifiedName name) {
    return find(tables, Table::name, name);
  }

  public Optional<EnumType> enumType(QualifiedName name) {
    return find(enums, EnumType::name, name);
  }

  private static <T> Optional<T> find(List<T> sorted, Function<T, QualifiedName> nameOf, QualifiedName name) {
    int low = 0;
    int high = sorted.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = nameOf.apply(sorted.get(middle)).compareTo(name);
      if (order == 0) {
        return Optional.of(sorted.get(middle));
      } else if (order < 0) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return Optional.empty();
  }

  /** This schema as a database can know it: without source class names. */
  public Schema withoutClassNames() {
    return new Schema(enums, tables.stream().map(Table::withoutClassName).toList());
  }
}
