package dev.dbsync.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Overrides the column name or SQL type of a record component. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Column {
  /** Column name; defaults to the snake_case of the component name ({@code userId} → {@code user_id}). */
  String value() default "";

  /** Explicit SQL type, e.g. {@code "varchar(200)"}, {@code "jsonb"}, {@code "numeric(12,2)"}. */
  String type() default "";

  /** Earlier names of this column: the next migration renames it instead of dropping and adding, keeping its data. */
  String[] renamedFrom() default {};
}
