package dev.dbsync.processor;

import dev.dbsync.schema.model.CheckConstraint;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.ReferentialAction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * What one {@code @Table} record declares, with the elements and annotations to report problems on. Column
 * names are resolved here; references to other tables are resolved when all tables are known.
 *
 * @param className binary name of the record, as the snapshot stores it
 * @param uniques the record-level unique constraints; a component's {@code @Unique} is in its {@link ColumnElement}
 */
record TableElement(
    TypeElement record,
    String className,
    AnnotationMirror annotation,
    QualifiedName name,
    List<QualifiedName> formerNames,
    List<ColumnElement> columns,
    List<IndexElement> indexes,
    List<CheckElement> checks,
    Set<QualifiedName> droppedTables,
    Set<String> droppedColumns,
    String primaryKeyName,
    List<ForeignKeyElement> foreignKeys,
    List<UniqueElement> uniques) {

  record ColumnElement(
      RecordComponentElement component,
      Column column,
      List<String> formerNames,
      boolean id,
      String uniqueName,
      ReferenceElement reference,
      EnumElement enumType) {

    String componentName() {
      return component.getSimpleName().toString();
    }
  }

  /** A {@code @References}; {@code column} is as written, empty for the target's primary key. */
  record ReferenceElement(
      AnnotationMirror annotation,
      TypeMirror target,
      String column,
      ReferentialAction onDelete,
      ReferentialAction onUpdate,
      String name) {}

  /**
   * A record-level {@code @ForeignKey}: {@code columns} resolved to SQL names, {@code referencedColumns} as
   * written (empty for the target's primary key), {@code name} as written (empty for the default).
   */
  record ForeignKeyElement(
      AnnotationMirror annotation,
      List<String> columns,
      TypeMirror target,
      List<String> referencedColumns,
      ReferentialAction onDelete,
      ReferentialAction onUpdate,
      String name) {}

  /** A record-level {@code @Unique}: {@code columns} resolved to SQL names, {@code name} with its default applied. */
  record UniqueElement(AnnotationMirror annotation, String name, List<String> columns) {}

  /** A {@code @Check}. */
  record CheckElement(AnnotationMirror annotation, CheckConstraint check) {}

  /** An {@code @Index} with its columns already resolved to SQL names. */
  record IndexElement(
      AnnotationMirror annotation, String name, List<String> columns, boolean unique, String method, String where,
      List<String> include, List<String> with) {}

  /** The PostgreSQL enum type of a Java enum, with its declared label renames and former type names. */
  record EnumElement(
      String javaEnum,
      EnumType type,
      Map<String, List<String>> labelRenames,
      List<QualifiedName> formerNames) {}

  /** The column declared by a component or SQL name, as {@code @Index} and {@code @References} accept. */
  Optional<ColumnElement> column(String componentOrColumnName) {
    return columns.stream()
        .filter(c -> c.componentName().equals(componentOrColumnName))
        .findFirst()
        .or(() -> columns.stream().filter(c -> c.column().name().equals(componentOrColumnName)).findFirst());
  }

  List<String> primaryKey() {
    return columns.stream().filter(ColumnElement::id).map(c -> c.column().name()).toList();
  }
}
