package dev.dbsync.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Column default, an SQL expression written as PostgreSQL reads it: {@code "0"}, {@code "'draft'"},
 * {@code "now()"}, {@code "'{}'::jsonb"}. It is SQL by design and passes through as written.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
  String value();
}
