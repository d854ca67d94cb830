package dev.dbsync.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A foreign key of the record's table over one or more columns, to another {@link Table} record; repeatable. A
 * single-column key can also be written on the component with {@link References}.
 *
 * <pre>{@code
 * @Table("order_lines")
 * @ForeignKey(columns = {"tenantId", "orderId"}, references = Order.class, onDelete = References.Action.CASCADE)
 * public record OrderLine(@Id UUID tenantId, @Id long orderId, @Id int line, String product) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(ForeignKey.List.class)
public @interface ForeignKey {
  /** The referencing columns in key order: record component names or SQL column names. */
  String[] columns();

  /** The referenced {@code @Table} record. */
  Class<? extends Record> references();

  /**
   * The referenced columns, pairwise with {@link #columns()} (component or SQL names of the target); default:
   * the target's primary key. They must be the target's primary key or unique constraint, as PostgreSQL requires.
   */
  String[] referencedColumns() default {};

  References.Action onDelete() default References.Action.NO_ACTION;

  References.Action onUpdate() default References.Action.NO_ACTION;

  /** Constraint name; defaults to PostgreSQL's convention {@code <table>_<column>_<column>_fkey}. */
  String name() default "";

  /** Container of repeated {@link ForeignKey} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    ForeignKey[] value();
  }
}
