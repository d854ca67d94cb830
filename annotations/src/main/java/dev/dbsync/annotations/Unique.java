package dev.dbsync.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A single-column unique constraint. For several columns use {@code @Index(columns = {...}, unique = true)}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Unique {
  /** Constraint name; defaults to PostgreSQL's convention {@code <table>_<column>_key}. */
  String name() default "";
}
