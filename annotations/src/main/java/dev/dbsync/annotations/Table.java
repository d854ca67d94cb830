package dev.dbsync.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record as a PostgreSQL table.
 *
 * <pre>{@code
 * @Table("profiles")
 * public record Profile(@Id @DefaultRandom UUID id, @Unique String username) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Table {
  /** Table name; defaults to the snake_case of the record's simple name ({@code BlogPost} → {@code blog_post}). */
  String value() default "";

  /** Schema; defaults to {@code public}. */
  String schema() default "";

  /**
   * Earlier names of this table ({@code "old_name"} or {@code "schema.old_name"}): the next migration renames
   * (or moves) the table instead of dropping and creating it, so its rows are kept.
   */
  String[] renamedFrom() default {};

  /**
   * Columns of this table that are deliberately gone (SQL names): confirms the drop where a column vanished
   * while another appeared, which dbsync would otherwise refuse as a possible undeclared rename. The drop
   * deletes the column's data; the migration marks it {@code -- dbsync:destructive}. Remove the entry once the
   * migration is generated.
   */
  String[] droppedColumns() default {};

  /**
   * Tables deliberately gone ({@code "old_table"} in this table's schema, or {@code "schema.old_table"}):
   * confirms their drop where dbsync would otherwise refuse it as a possible undeclared rename. Any
   * {@code @Table} record may carry it. Remove the entry once the migration is generated.
   */
  String[] droppedTables() default {};

  /**
   * Name of the primary key constraint (and its index); defaults to PostgreSQL's convention {@code <table>_pkey}.
   * Changing it renames the constraint.
   */
  String primaryKeyName() default "";
}
