package dev.dbsync.schema.diff;

import dev.dbsync.schema.model.CheckConstraint;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.ForeignKey;
import dev.dbsync.schema.model.Identity;
import dev.dbsync.schema.model.IdentityOptions;
import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.PrimaryKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.schema.model.UniqueConstraint;
import java.util.List;

/**
 * One change of a schema, carrying everything its statements need. {@link #table()} is the table (or enum
 * type) the statements address: drops name it as it was before the migration's renames, everything else as
 * it is after them (see {@link DdlRenderer} for the order).
 */
public sealed interface SchemaChange {
  /** The table, or for enum changes the enum type, the change is about. */
  QualifiedName table();

  /** What changes, e.g. {@code add column public.posts.published}. */
  String description();

  /** True when the change can lose data. */
  default boolean destructive() {
    return false;
  }

  /** Changes one existing column in place: its type, nullability, default, identity or generation. */
  sealed interface ColumnAltered extends SchemaChange {
    String column();
  }

  /**
   * Creates a schema that no table or type used before (if it does not exist yet: it may hold objects
   * dbsync does not manage). {@link #table()} is the schema with an empty name.
   */
  record SchemaCreated(String schema) implements SchemaChange {
    public QualifiedName table() {
      return new QualifiedName(schema, "");
    }

    public String description() {
      return DiffMessages.schemaCreated(this);
    }
  }

  record EnumCreated(EnumType type) implements SchemaChange {
    public QualifiedName table() {
      return type.name();
    }

    public String description() {
      return DiffMessages.enumCreated(this);
    }
  }

  /**
   * Adds {@code label} before {@code before} or after {@code after} (at most one is set), else at the end. Of a
   * type renamed in the same migration, {@link #table()} is its former name: the engine adds values ahead of the
   * migration's transaction, before the rename.
   */
  record EnumValueAdded(QualifiedName table, String label, String before, String after)
      implements SchemaChange {
    public String description() {
      return DiffMessages.enumValueAdded(this);
    }
  }

  record EnumValueRenamed(QualifiedName table, String from, String to) implements SchemaChange {
    public String description() {
      return DiffMessages.enumValueRenamed(this);
    }
  }

  /**
   * Replaces an enum type whose labels were removed or reordered (PostgreSQL cannot do either in place),
   * converting every column that keeps using it through text.
   */
  record EnumRecreated(EnumType from, EnumType to, List<EnumColumn> columns) implements SchemaChange {
    public EnumRecreated {
      columns = List.copyOf(columns);
    }

    public QualifiedName table() {
      return to.name();
    }

    public List<String> removedLabels() {
      return from.labels().stream().filter(label -> !to.labels().contains(label)).toList();
    }

    public String description() {
      return DiffMessages.enumRecreated(this);
    }

    public boolean destructive() {
      return !removedLabels().isEmpty();
    }
  }

  /**
   * A column converted by {@link EnumRecreated}, with its default before (dropped) and after (set).
   *
   * @param array true when the column holds an array of the type
   */
  record EnumColumn(
      QualifiedName table, String column, boolean array, String defaultBefore, String defaultAfter) {}

  /**
   * Renames an enum type, moves it to another schema, or both; the columns using it keep their data and
   * follow it (PostgreSQL refers to the type by its oid).
   */
  record EnumRenamed(QualifiedName from, QualifiedName table) implements SchemaChange {
    public String description() {
      return DiffMessages.enumRenamed(this);
    }
  }

  record EnumDropped(EnumType type) implements SchemaChange {
    public QualifiedName table() {
      return type.name();
    }

    public String description() {
      return DiffMessages.enumDropped(this);
    }

    public boolean destructive() {
      return true;
    }
  }

  /** Creates a table with its primary key, unique and check constraints; foreign keys and indexes follow. */
  record TableCreated(Table definition) implements SchemaChange {
    public QualifiedName table() {
      return definition.name();
    }

    public String description() {
      return DiffMessages.tableCreated(this);
    }
  }

  record TableDropped(Table definition) implements SchemaChange {
    public QualifiedName table() {
      return definition.name();
    }

    public String description() {
      return DiffMessages.tableDropped(this);
    }

    public boolean destructive() {
      return true;
    }
  }

  /** Renames a table, moves it to another schema, or both. */
  record TableRenamed(QualifiedName from, QualifiedName table) implements SchemaChange {
    public String description() {
      return DiffMessages.tableRenamed(this);
    }
  }

  record ColumnAdded(QualifiedName table, Column column) implements SchemaChange {
    public String description() {
      return DiffMessages.columnAdded(this);
    }
  }

  record ColumnDropped(QualifiedName table, Column column) implements SchemaChange {
    public String description() {
      return DiffMessages.columnDropped(this);
    }

    public boolean destructive() {
      return true;
    }
  }

  record ColumnRenamed(QualifiedName table, String from, String to) implements SchemaChange {
    public String description() {
      return DiffMessages.columnRenamed(this);
    }
  }

  /**
   * Changes a column's type; the default (which PostgreSQL may be unable to cast) is dropped before and set
   * after.
   *
   * @param using the {@code USING} expression, or null when PostgreSQL converts implicitly
   * @param defaultBefore default to drop first, or null
   * @param defaultAfter default to set afterwards, or null
   * @param destructive true when the conversion can lose or reject data
   */
  record ColumnTypeChanged(
      QualifiedName table,
      String column,
      TypeRef from,
      TypeRef to,
      String using,
      String defaultBefore,
      String defaultAfter,
      boolean destructive)
      implements ColumnAltered {
    public String description() {
      return DiffMessages.columnTypeChanged(this);
    }
  }

  record NotNullAdded(QualifiedName table, String column) implements ColumnAltered {
    public String description() {
      return DiffMessages.notNullAdded(this);
    }
  }

  record NotNullDropped(QualifiedName table, String column) implements ColumnAltered {
    public String description() {
      return DiffMessages.notNullDropped(this);
    }
  }

  /** Sets or changes a column's default. */
  record DefaultSet(QualifiedName table, String column, String expression) implements ColumnAltered {
    public String description() {
      return DiffMessages.defaultSet(this);
    }
  }

  record DefaultDropped(QualifiedName table, String column) implements ColumnAltered {
    public String description() {
      return DiffMessages.defaultDropped(this);
    }
  }

  /** Makes a column an identity whose sequence continues after the values the column holds. */
  record IdentityAdded(QualifiedName table, String column, Identity identity, IdentityOptions options)
      implements ColumnAltered {
    /** An identity with PostgreSQL's default sequence options. */
    public IdentityAdded(QualifiedName table, String column, Identity identity) {
      this(table, column, identity, IdentityOptions.DEFAULT);
    }

    public String description() {
      return DiffMessages.identityAdded(this);
    }
  }

  record IdentityChanged(QualifiedName table, String column, Identity identity) implements ColumnAltered {
    public String description() {
      return DiffMessages.identityChanged(this);
    }
  }

  /**
   * Changes the options of an identity column's sequence. The sequence's current value stays: a new {@code start}
   * only sets where a later {@code RESTART} would begin, as restarting could hand out values the column holds.
   *
   * @param type the column's type (after the migration), which the options' defaults depend on
   * @param from the options before, as they read on a column of {@code type}
   */
  record IdentityOptionsChanged(
      QualifiedName table, String column, TypeRef type, IdentityOptions from, IdentityOptions to)
      implements ColumnAltered {
    public String description() {
      return DiffMessages.identityOptionsChanged(this);
    }
  }

  record IdentityDropped(QualifiedName table, String column) implements ColumnAltered {
    public String description() {
      return DiffMessages.identityDropped(this);
    }
  }

  /** Turns a generated column into a plain one, keeping its values. */
  record GeneratedExpressionDropped(QualifiedName table, String column) implements ColumnAltered {
    public String description() {
      return DiffMessages.generatedExpressionDropped(this);
    }
  }

  record PrimaryKeyAdded(QualifiedName table, PrimaryKey key) implements SchemaChange {
    public String description() {
      return DiffMessages.primaryKeyAdded(this);
    }
  }

  record PrimaryKeyDropped(QualifiedName table, PrimaryKey key) implements SchemaChange {
    public String description() {
      return DiffMessages.primaryKeyDropped(this);
    }
  }

  record UniqueAdded(QualifiedName table, UniqueConstraint constraint) implements SchemaChange {
    public String description() {
      return DiffMessages.uniqueAdded(this);
    }
  }

  record UniqueDropped(QualifiedName table, UniqueConstraint constraint) implements SchemaChange {
    public String description() {
      return DiffMessages.uniqueDropped(this);
    }
  }

  record CheckAdded(QualifiedName table, CheckConstraint check) implements SchemaChange {
    public String description() {
      return DiffMessages.checkAdded(this);
    }
  }

  record CheckDropped(QualifiedName table, CheckConstraint check) implements SchemaChange {
    public String description() {
      return DiffMessages.checkDropped(this);
    }
  }

  record ForeignKeyAdded(QualifiedName table, ForeignKey key) implements SchemaChange {
    public String description() {
      return DiffMessages.foreignKeyAdded(this);
    }
  }

  record ForeignKeyDropped(QualifiedName table, ForeignKey key) implements SchemaChange {
    public String description() {
      return DiffMessages.foreignKeyDropped(this);
    }
  }

  /** Renames a primary key, unique, check or foreign key constraint whose definition did not change. */
  record ConstraintRenamed(QualifiedName table, String from, String to) implements SchemaChange {
    public String description() {
      return DiffMessages.constraintRenamed(this);
    }
  }

  record IndexCreated(QualifiedName table, Index index) implements SchemaChange {
    public String description() {
      return DiffMessages.indexCreated(this);
    }
  }

  record IndexDropped(QualifiedName table, Index index) implements SchemaChange {
    public String description() {
      return DiffMessages.indexDropped(this);
    }
  }

  record IndexRenamed(QualifiedName table, String from, String to) implements SchemaChange {
    public String description() {
      return DiffMessages.indexRenamed(this);
    }
  }
}
