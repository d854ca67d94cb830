package dev.dbsync.schema.lint;

import dev.dbsync.schema.lint.LintFinding.Rule;
import dev.dbsync.schema.sql.SqlScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds statements in migrations that hold a lock blocking writes (or reads) on a table for as long as it
 * takes to scan or rewrite that table: harmless on an empty table, an outage on a large one. Tables created
 * earlier in the same scripts are empty and exempt. A sequence of scripts is checked as one: what an earlier
 * script creates or validates counts for the later ones (a NOT VALID check validated in a follow-up
 * migration lets that migration's SET NOT NULL pass).
 *
 * <p>Statements are recognised with regular expressions over their text with comments stripped, not parsed:
 * the lint knows nothing of the database, so a type change is judged by its target type alone.
 */
public final class MigrationLint {
  /** A possibly quoted, possibly schema-qualified name. */
  private static final String NAME =
      "(?:\"(?:[^\"]|\"\")+\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[\\w$]+))?";

  /** Compiled once: a V1 of 1,000 tables has thousands of statements. */
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern CREATE_TABLE = Pattern.compile(
      "(?is)^CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+"
          + "(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME + ").*");
  private static final Pattern CREATE_INDEX = Pattern.compile(
      "(?is)^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:" + NAME
          + "\\s+)?ON\\s+(?:ONLY\\s+)?(" + NAME + ").*");
  private static final Pattern ALTER_TABLE = Pattern.compile(
      "(?is)^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(" + NAME + ")\\s+(.*)");

  private static final Pattern ADD_CONSTRAINT = Pattern.compile(
      "(?is)^ADD\\s+(?:CONSTRAINT\\s+(" + NAME + ")\\s+)?(FOREIGN\\s+KEY|CHECK|UNIQUE|PRIMARY\\s+KEY)\\b(.*)");
  private static final Pattern USING_INDEX = Pattern.compile("(?is)^\\s*USING\\s+INDEX\\b.*");
  private static final Pattern NOT_VALID = Pattern.compile("(?is).*\\bNOT\\s+VALID\\s*$");
  /** The body of a check that says a column is not null: {@code (col IS NOT NULL) [NOT VALID]}. */
  private static final Pattern NOT_NULL_CHECK = Pattern.compile(
      "(?is)^\\s*\\(\\s*\\(?\\s*(" + NAME + ")\\s+IS\\s+NOT\\s+NULL\\s*\\)?\\s*\\)\\s*(?:NOT\\s+VALID\\s*)?$");
  private static final Pattern VALIDATE = Pattern.compile("(?is)^VALIDATE\\s+CONSTRAINT\\s+(" + NAME + ")\\s*$");
  private static final Pattern SET_NOT_NULL =
      Pattern.compile("(?is)^ALTER\\s+(?:COLUMN\\s+)?(" + NAME + ")\\s+SET\\s+NOT\\s+NULL\\s*$");
  private static final Pattern CHANGE_TYPE = Pattern.compile(
      "(?is)^ALTER\\s+(?:COLUMN\\s+)?(" + NAME + ")\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+(.+?)(\\s+USING\\s+.*)?$");
  private static final Pattern ADD_COLUMN = Pattern.compile(
      "(?is)^ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME + ")\\s+(.*)");
  private static final Set<String> ADD_KEYWORDS =
      Set.of("constraint", "check", "foreign", "primary", "unique", "exclude");

  /**
   * Types a string column can change to without a rewrite, when it is widened: {@code varchar(n)} to a longer
   * {@code varchar}, to {@code varchar} or to {@code text}. Any other target rewrites (integer to bigint too).
   */
  private static final Pattern STRING_TARGET = Pattern.compile(
      "(?i)^(?:text|varchar|character\\s+varying)(?:\\s*\\(\\s*\\d+\\s*\\))?(?:\\s+COLLATE\\s+.+)?$");
  /** What makes an added column's value differ per row, so every row is written at once. */
  private static final Pattern PER_ROW_VALUE = Pattern.compile(
      "(?is).*(?:\\bDEFAULT\\b.*\\b(?:random|gen_random_uuid|uuid_generate_v\\w+|clock_timestamp|timeofday|nextval"
          + "|txid_current)\\s*\\(|\\bGENERATED\\b.*\\bAS\\s+IDENTITY\\b"
          + "|\\bGENERATED\\s+ALWAYS\\s+AS\\s*\\(.*\\bSTORED\\b"
          + "|^(?:small|big)?serial\\b|^serial[248]\\b).*");

  private MigrationLint() {}

  /** A migration file's name and text. */
  public record Script(String name, String sql) {
    public Script {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sql, "sql");
    }
  }

  /** The findings of one migration, in statement order. */
  public static List<LintFinding> check(String name, String sql) {
    return check(List.of(new Script(name, sql)));
  }

  /** The findings of migrations that run in this order, in statement order. */
  public static List<LintFinding> check(List<Script> scripts) {
    State state = new State();
    List<LintFinding> findings = new ArrayList<>();
    for (Script script : scripts) {
      for (String statement : SqlScript.split(script.sql())) {
        String stripped = withoutComments(statement).strip();
        Matcher create = CREATE_TABLE.matcher(stripped);
        if (create.matches()) {
          // most statements of a large generated migration: only the name is needed, not the whole text's
          // whitespace folded (the name's is, so that it is the key the other statements look up)
          state.createdTables.add(tableKey(WHITESPACE.matcher(create.group(1)).replaceAll(" ")));
          continue;
        }
        check(script.name(), WHITESPACE.matcher(stripped).replaceAll(" "), state, findings);
      }
    }
    return List.copyOf(findings);
  }

  /** What earlier statements established. */
  private static final class State {
    final Set<String> createdTables = new HashSet<>();
    /** Check constraint name (table-qualified) to the column it says is not null. */
    final Map<String, String> notNullChecks = new HashMap<>();
    /** Table-qualified columns with a validated not-null check. */
    final Set<String> checkedColumns = new HashSet<>();
  }

  /** A statement other than CREATE TABLE, its whitespace folded to single spaces. */
  private static void check(String script, String statement, State state, List<LintFinding> findings) {
    Matcher index = CREATE_INDEX.matcher(statement);
    if (index.matches()) {
      String table = tableKey(index.group(2));
      if (index.group(1) == null && !state.createdTables.contains(table)) {
        findings.add(new LintFinding(script, Rule.INDEX_NOT_CONCURRENT, table, statement, null));
      }
      return;
    }
    Matcher alter = ALTER_TABLE.matcher(statement);
    if (alter.matches()) {
      String table = tableKey(alter.group(1));
      for (String action : actions(alter.group(2))) {
        Hit hit = checkAction(table, action.strip(), state);
        if (hit != null && !state.createdTables.contains(table)) {
          findings.add(new LintFinding(script, hit.rule(), table, statement, hit.subject()));
        }
      }
    }
  }

  /** A rule an ALTER TABLE action breaks, and the constraint or column it names (null if it names none). */
  private record Hit(Rule rule, String subject) {}

  /** The rule one action of an ALTER TABLE breaks, or null; records the not-null checks it adds or validates. */
  private static Hit checkAction(String table, String action, State state) {
    Matcher constraint = ADD_CONSTRAINT.matcher(action);
    if (constraint.matches()) {
      boolean valid = !NOT_VALID.matcher(action).matches();
      String kind = constraint.group(2).toUpperCase(Locale.ROOT);
      if (kind.startsWith("FOREIGN")) {
        return valid ? new Hit(Rule.FOREIGN_KEY_NOT_VALID_MISSING, constraint.group(1)) : null;
      }
      if (!kind.equals("CHECK")) {
        return USING_INDEX.matcher(constraint.group(3)).matches()
            ? null
            : new Hit(Rule.KEY_INDEX_NOT_CONCURRENT, constraint.group(1));
      }
      Matcher notNull = NOT_NULL_CHECK.matcher(constraint.group(3));
      if (notNull.matches() && constraint.group(1) != null) {
        String column = table + "." + identifierKey(notNull.group(1));
        state.notNullChecks.put(table + "." + identifierKey(constraint.group(1)), column);
        if (valid) {
          state.checkedColumns.add(column);
        }
      }
      return valid ? new Hit(Rule.CHECK_NOT_VALID_MISSING, constraint.group(1)) : null;
    }
    Matcher validate = VALIDATE.matcher(action);
    if (validate.matches()) {
      String column = state.notNullChecks.get(table + "." + identifierKey(validate.group(1)));
      if (column != null) {
        state.checkedColumns.add(column);
      }
      return null;
    }
    Matcher setNotNull = SET_NOT_NULL.matcher(action);
    if (setNotNull.matches()) {
      return state.checkedColumns.contains(table + "." + identifierKey(setNotNull.group(1)))
          ? null
          : new Hit(Rule.SET_NOT_NULL_WITHOUT_CHECK, setNotNull.group(1));
    }
    Matcher changeType = CHANGE_TYPE.matcher(action);
    if (changeType.matches()) {
      boolean widening = changeType.group(3) == null && STRING_TARGET.matcher(changeType.group(2).strip()).matches();
      return widening ? null : new Hit(Rule.TYPE_CHANGE_REWRITES, changeType.group(1));
    }
    Matcher addColumn = ADD_COLUMN.matcher(action);
    if (addColumn.matches() && !ADD_KEYWORDS.contains(addColumn.group(1).toLowerCase(Locale.ROOT))) {
      // a function name inside a string literal is no call
      String definition = addColumn.group(2).replaceAll("'(?:[^']|'')*'", "''");
      return PER_ROW_VALUE.matcher(definition).matches() ? new Hit(Rule.ADD_COLUMN_REWRITES, addColumn.group(1)) : null;
    }
    return null;
  }

  /** The comma-separated actions of an ALTER TABLE, split outside parentheses and quotes. */
  static List<String> actions(String text) {
    List<String> actions = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        i = closing(text, i, c);
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        actions.add(text.substring(start, i));
        start = i + 1;
      }
    }
    actions.add(text.substring(start));
    return actions;
  }

  /** The index of the quote closing the one at {@code open} (a doubled quote is part of the text). */
  private static int closing(String text, int open, char quote) {
    int i = open + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return text.length();
  }

  /** {@code statement} with its comments replaced by a space; quoted text and dollar bodies are kept. */
  static String withoutComments(String statement) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int length = statement.length();
    while (i < length) {
      char c = statement.charAt(i);
      if (c == '-' && i + 1 < length && statement.charAt(i + 1) == '-') {
        int end = statement.indexOf('\n', i);
        i = end < 0 ? length : end;
        out.append(' ');
      } else if (c == '/' && i + 1 < length && statement.charAt(i + 1) == '*') {
        int depth = 0;
        do {
          if (statement.startsWith("/*", i)) {
            depth++;
            i += 2;
          } else if (statement.startsWith("*/", i)) {
            depth--;
            i += 2;
          } else {
            i++;
          }
        } while (depth > 0 && i < length);
        out.append(' ');
      } else if (c == '\'' || c == '"') {
        int end = Math.min(closing(statement, i, c) + 1, length);
        out.append(statement, i, end);
        i = end;
      } else if (c == '$') {
        Matcher tag = DOLLAR_TAG.matcher(statement).region(i, length);
        int end = tag.lookingAt() ? statement.indexOf(tag.group(), i + tag.group().length()) : -1;
        end = end < 0 ? i + 1 : end + tag.group().length();
        out.append(statement, i, end);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static final Pattern DOLLAR_TAG = Pattern.compile("\\$(?:[A-Za-z_][\\w]*)?\\$");

  /** A table as one key: identifiers folded as PostgreSQL folds them, the default schema {@code public} dropped. */
  static String tableKey(String name) {
    List<String> parts = new ArrayList<>();
    Matcher part = Pattern.compile("\"(?:[^\"]|\"\")+\"|[\\w$]+").matcher(name);
    while (part.find()) {
      parts.add(identifierKey(part.group()));
    }
    if (parts.size() == 2 && parts.get(0).equals("public")) {
      parts.remove(0);
    }
    return String.join(".", parts);
  }

  private static String identifierKey(String identifier) {
    return identifier.startsWith("\"")
        ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
        : identifier.toLowerCase(Locale.ROOT);
  }
}
