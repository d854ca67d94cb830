package dev.dbsync.schema.diff;

import dev.dbsync.schema.model.CheckConstraint;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.ForeignKey;
import dev.dbsync.schema.model.Identity;
import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.PrimaryKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.ReferentialAction;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.schema.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/** A terse way to write schema models in tests. */
public final class Models {
  private Models() {}

  /** A schema of {@link EnumType}s and {@link TableBuilder}s. */
  public static Schema schema(Object... parts) {
    List<EnumType> enums = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof EnumType type) {
        enums.add(type);
      } else {
        tables.add(((TableBuilder) part).build());
      }
    }
    return new Schema(enums, tables);
  }

  public static QualifiedName name(String qualified) {
    return QualifiedName.parse(qualified);
  }

  public static EnumType enumType(String name, String... labels) {
    return new EnumType(name(name), List.of(labels));
  }

  public static TypeRef type(String canonical) {
    return TypeRef.builtin(canonical);
  }

  public static TypeRef enumRef(String name) {
    return TypeRef.enumType(name(name));
  }

  /** An array of the enum type {@code name}. */
  public static TypeRef enumArrayRef(String name) {
    return TypeRef.enumArray(name(name));
  }

  /** A NOT NULL column. */
  public static Column column(String name, String type) {
    return Column.of(name, type(type), false);
  }

  public static Column column(String name, TypeRef type) {
    return Column.of(name, type, false);
  }

  public static Column nullable(String name, String type) {
    return Column.of(name, type(type), true);
  }

  public static TableBuilder table(String name) {
    return new TableBuilder(name(name));
  }

  /** Builds a {@link Table}; columns in call order. */
  public static final class TableBuilder {
    private final QualifiedName name;
    private final List<Column> columns = new ArrayList<>();
    private PrimaryKey primaryKey;
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();

    private TableBuilder(QualifiedName name) {
      this.name = name;
    }

    public TableBuilder with(Column column) {
      columns.add(column);
      return this;
    }

    public TableBuilder col(String columnName, String type) {
      return with(column(columnName, type));
    }

    public TableBuilder nullableCol(String columnName, String type) {
      return with(nullable(columnName, type));
    }

    /** A bigint identity primary key column {@code id} with the key {@code <table>_pkey}. */
    public TableBuilder id() {
      with(column("id", "bigint").withIdentity(Identity.BY_DEFAULT));
      return pk(name.name() + "_pkey", "id");
    }

    public TableBuilder pk(String keyName, String... keyColumns) {
      primaryKey = new PrimaryKey(keyName, List.of(keyColumns));
      return this;
    }

    public TableBuilder unique(String constraintName, String... constraintColumns) {
      uniques.add(new UniqueConstraint(constraintName, List.of(constraintColumns)));
      return this;
    }

    public TableBuilder fk(String keyName, String keyColumn, String target, String targetColumn) {
      return fk(keyName, keyColumn, target, targetColumn, ReferentialAction.NO_ACTION,
          ReferentialAction.NO_ACTION);
    }

    public TableBuilder fk(String keyName, String keyColumn, String target, String targetColumn,
        ReferentialAction onDelete, ReferentialAction onUpdate) {
      foreignKeys.add(new ForeignKey(keyName, List.of(keyColumn), name(target), List.of(targetColumn),
          onDelete, onUpdate));
      return this;
    }

    public TableBuilder fk(ForeignKey key) {
      foreignKeys.add(key);
      return this;
    }

    public TableBuilder index(String indexName, String... indexColumns) {
      return index(new Index(indexName, List.of(indexColumns), false, Index.DEFAULT_METHOD, null));
    }

    public TableBuilder index(Index index) {
      indexes.add(index);
      return this;
    }

    public TableBuilder check(String checkName, String expression) {
      checks.add(new CheckConstraint(checkName, expression));
      return this;
    }

    public Table build() {
      return new Table(name, null, columns, primaryKey, uniques, foreignKeys, indexes, checks);
    }
  }
}
