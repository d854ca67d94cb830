package dev.dbsync.schema.diff;

import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Table;

/** TEMPORARY stand-in (replaced at merge): the change kinds the processor tests need. */
public sealed interface SchemaChange {
  QualifiedName table();

  String description();

  boolean destructive();

  record EnumCreated(EnumType type) implements SchemaChange {
    public QualifiedName table() {
      return type.name();
    }

    public String description() {
      return "create type " + type.name();
    }

    public boolean destructive() {
      return false;
    }
  }

  record TableCreated(Table created) implements SchemaChange {
    public QualifiedName table() {
      return created.name();
    }

    public String description() {
      return "create table " + created.name();
    }

    public boolean destructive() {
      return false;
    }
  }

  record TableDropped(Table dropped) implements SchemaChange {
    public QualifiedName table() {
      return dropped.name();
    }

    public String description() {
      return "drop table " + dropped.name();
    }

    public boolean destructive() {
      return true;
    }
  }

  record ColumnAdded(QualifiedName table, Column column) implements SchemaChange {
    public String description() {
      return "add column " + table + "." + column.name();
    }

    public boolean destructive() {
      return false;
    }
  }

  record ColumnDropped(QualifiedName table, String column) implements SchemaChange {
    public String description() {
      return "drop column " + table + "." + column;
    }

    public boolean destructive() {
      return true;
    }
  }

  record ColumnRenamed(QualifiedName table, String from, String to) implements SchemaChange {
    public String description() {
      return "rename column " + table + "." + from + " to " + to;
    }

    public boolean destructive() {
      return false;
    }
  }
}
