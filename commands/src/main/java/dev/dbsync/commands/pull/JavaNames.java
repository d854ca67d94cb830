package dev.dbsync.commands.pull;

import dev.dbsync.schema.sql.SnakeCase;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Java names for SQL names: the name the processor would derive back to the same SQL name where one exists
 * ({@code first_name} → {@code firstName}), otherwise a readable valid name that the caller pairs with an
 * explicit SQL name. Keywords and names a record cannot use get a trailing underscore.
 */
final class JavaNames {
  /** Methods every record has or inherits: a component of that name would not compile or would override them. */
  private static final Set<String> RECORD_METHODS =
      Set.of("getClass", "hashCode", "toString", "equals", "clone", "finalize", "notify", "notifyAll", "wait");

  private JavaNames() {}

  /** {@code film_actor} → {@code FilmActor}, {@code "Album"} → {@code Album}, {@code 2fa} → {@code T2fa}. */
  static String typeName(String sqlName) {
    String camel = camel(sqlName, true);
    if (camel.isEmpty() || !Character.isJavaIdentifierStart(camel.charAt(0))) {
      camel = "T" + camel;
    }
    return SourceVersion.isKeyword(camel) ? camel + "_" : camel;
  }

  /** {@code first_name} → {@code firstName}, {@code class} → {@code class_}, {@code "AlbumId"} → {@code albumId}. */
  static String componentName(String sqlName) {
    String camel = camel(sqlName, false);
    if (camel.isEmpty() || !Character.isJavaIdentifierStart(camel.charAt(0))) {
      camel = "c" + camel;
    }
    return SourceVersion.isKeyword(camel) || RECORD_METHODS.contains(camel) ? camel + "_" : camel;
  }

  /** {@code PG-13} → {@code PG_13}, {@code draft} → {@code DRAFT}, {@code 1st} → {@code V_1ST}. */
  static String constantName(String label) {
    String constant = label.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toUpperCase(Locale.ROOT);
    if (constant.isEmpty()) {
      return "VALUE";
    }
    return Character.isDigit(constant.charAt(0)) ? "V_" + constant : constant;
  }

  /** Whether the processor derives {@code sqlName} from {@code javaName} without an explicit name. */
  static boolean derives(String javaName, String sqlName) {
    return SnakeCase.of(javaName).equals(sqlName);
  }

  /** The metamodel constant of a component, as the processor names it. */
  static String metamodelConstant(String componentName) {
    return SnakeCase.of(componentName).toUpperCase(Locale.ROOT);
  }

  /**
   * Words split at anything that is not a letter or digit; a word written all in upper case is taken as one word
   * ({@code ID} → {@code Id}), a mixed-case word keeps its inner capitals ({@code AlbumId}).
   */
  private static String camel(String sqlName, boolean upperFirst) {
    StringBuilder out = new StringBuilder();
    for (String word : sqlName.split("[^\\p{L}\\p{N}]+")) {
      if (word.isEmpty()) {
        continue;
      }
      String normal = word.equals(word.toUpperCase(Locale.ROOT)) ? word.toLowerCase(Locale.ROOT) : word;
      boolean capital = upperFirst || out.length() > 0;
      out.append(capital ? Character.toUpperCase(normal.charAt(0)) : Character.toLowerCase(normal.charAt(0)));
      out.append(normal, 1, normal.length());
    }
    return out.toString();
  }
}
