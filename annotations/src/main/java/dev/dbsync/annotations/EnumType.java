package dev.dbsync.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a Java enum used as a column type: the name and schema of its PostgreSQL enum type, and its earlier names.
 * Without it the type is named after the enum and lives in the schema of each table that uses it.
 *
 * <pre>{@code
 * @EnumType(value = "order_state", schema = "shop", renamedFrom = "public.order_status")
 * public enum OrderState { NEW, PAID, SHIPPED }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EnumType {
  /** Type name; defaults to the snake_case of the enum's simple name ({@code OrderState} → {@code order_state}). */
  String value() default "";

  /**
   * Schema; defaults to the schema of the table using the type, so that tables in two schemas get one type
   * each. Set it to share one type between tables of several schemas.
   */
  String schema() default "";

  /**
   * Earlier names of the type ({@code "old_name"} in its schema, or {@code "schema.old_name"}): the next
   * migration renames (or moves) the type instead of dropping and creating it; the columns using it keep their
   * values. Remove the entry once the migration is generated.
   */
  String[] renamedFrom() default {};
}
