package dev.dbsync.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A foreign key to another {@link Table} record. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface References {
  /** The referenced {@code @Table} record. */
  Class<? extends Record> value();

  /** Referenced column (SQL name or component name); defaults to the target's single-column primary key. */
  String column() default "";

  Action onDelete() default Action.NO_ACTION;

  Action onUpdate() default Action.NO_ACTION;

  /** Constraint name; defaults to PostgreSQL's convention {@code <table>_<column>_fkey}. */
  String name() default "";

  /** The referential actions of PostgreSQL. */
  enum Action {
    NO_ACTION,
    RESTRICT,
    CASCADE,
    SET_NULL,
    SET_DEFAULT
  }
}
