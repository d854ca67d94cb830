package dev.dbsync.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A unique constraint. On a component: over its column. On the record (repeatable): over {@link #columns()}, in
 * constraint order.
 *
 * <pre>{@code
 * @Table("memberships")
 * @Unique(columns = {"tenantId", "email"})
 * public record Membership(@Id UUID id, UUID tenantId, @Unique String login, String email) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
@Repeatable(Unique.List.class)
public @interface Unique {
  /**
   * Constraint name; defaults to PostgreSQL's convention {@code <table>_<column>_key}, on the record
   * {@code <table>_<column>_<column>_key}.
   */
  String name() default "";

  /**
   * On the record only: the columns in constraint order, record component names or SQL column names. A
   * component's {@code @Unique} is over its own column and leaves this empty.
   */
  String[] columns() default {};

  /** Container of repeated record-level {@link Unique} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Unique[] value();
  }
}
