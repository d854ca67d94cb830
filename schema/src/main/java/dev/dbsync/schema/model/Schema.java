package dev.dbsync.schema.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A whole managed schema: enum types and tables, each sorted by qualified name. */
public record Schema(List<EnumType> enums, List<Table> tables) {
  public static final Schema EMPTY = new Schema(List.of(), List.of());

  public Schema {
    enums = enums.stream().sorted(Comparator.comparing(EnumType::name)).toList();
    tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
  }

  public Optional<Table> table(QualifiedName name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<EnumType> enumType(QualifiedName name) {
    return enums.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** This schema as a database can know it: without source class names. */
  public Schema withoutClassNames() {
    return new Schema(enums, tables.stream().map(Table::withoutClassName).toList());
  }
}
