package dev.dbsync.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** On an enum constant used as a column type: its label in PostgreSQL and its earlier labels. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface EnumValue {
  /** The label; defaults to the constant's name. */
  String value() default "";

  /** Earlier labels of this value: the next migration renames the label, keeping rows that hold it. */
  String[] renamedFrom() default {};
}
