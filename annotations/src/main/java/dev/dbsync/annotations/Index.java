package dev.dbsync.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An index on the record's table; repeatable. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Index.List.class)
public @interface Index {
  /**
   * Key elements in index order: record component names ({@code "authorId"}) or SQL column names
   * ({@code "author_id"}), each optionally followed by an operator class and the order, as in SQL
   * ({@code "createdAt DESC NULLS LAST"}, {@code "name text_pattern_ops"}); or an expression, SQL as written, a call
   * or in parentheses ({@code "lower(email)"}, {@code "(first_name || ' ' || last_name)"}).
   */
  String[] columns();

  boolean unique() default false;

  /** Index name; defaults to {@code <table>_<columns>_idx} ({@code _key} when unique). */
  String name() default "";

  /** Predicate of a partial index, SQL as written: {@code "published"}, {@code "deleted_at IS NULL"}. */
  String where() default "";

  /** Index method: {@code "btree"} (default), {@code "gin"}, {@code "gist"}, {@code "hash"}, {@code "brin"}. */
  String using() default "";

  /** Non-key columns stored in the index ({@code INCLUDE}), by component or SQL name. */
  String[] include() default {};

  /** Storage parameters ({@code WITH (...)}), each {@code "name=value"}: {@code "fillfactor=70"}. */
  String[] with() default {};

  /** Container of repeated {@link Index} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Index[] value();
  }
}
