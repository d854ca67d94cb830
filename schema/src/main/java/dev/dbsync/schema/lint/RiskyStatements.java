package dev.dbsync.schema.lint;

import dev.dbsync.schema.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Statements of a migration that break the engine's promises unless it knows about them: transaction control
 * (the engine owns the transaction: a {@code COMMIT} in a migration commits half an apply) and statements that
 * can lose data, whether or not the file's header declares them. Read from the statements' tokens
 * ({@link SqlScript.Statement#words()}), so nothing inside a comment, a string or a dollar-quoted body counts.
 */
public final class RiskyStatements {
  private static final Set<String> TRANSACTION_CONTROL = Set.of(
      "begin", "start", "commit", "end", "rollback", "savepoint", "release", "prepare", "abort");
  private static final Set<String> NAME_LIST_END = Set.of("cascade", "restrict", "restart", "continue");

  private RiskyStatements() {}

  /** A statement that ends, opens or splits the engine's transaction. */
  public record TransactionControl(String script, int line, String statement) {
    public String message() {
      return LintMessages.transactionControl(this);
    }
  }

  /** What a statement that can lose data does. */
  public enum Kind {
    DROP_TABLE("drops table", false),
    DROP_COLUMN("drops a column of", false),
    DROP_SCHEMA("drops schema", false),
    DROP_TYPE("drops type", true),
    DROP_VIEW("drops view", false),
    DROP_MATERIALIZED_VIEW("drops materialized view", false),
    DROP_INDEX("drops index", true),
    DROP_CONSTRAINT("drops a constraint of", true),
    TRUNCATE("empties", false),
    DELETE("deletes rows of", false),
    DROP_ENUM_VALUE("drops a value of enum type", false),
    RENAME_ENUM_VALUE("renames a value of enum type", true),
    TYPE_CHANGE("changes the type of a column of", true);

    private final String verb;
    private final boolean written;

    Kind(String verb, boolean written) {
      this.verb = verb;
      this.written = written;
    }

    /** How a message says what the statement does to its objects. */
    public String verb() {
      return verb;
    }

    /**
     * Whether dbsync's generator writes such statements in migrations that lose nothing (an index or
     * constraint dropped and recreated around a type change, an enum type recreated, a widening type change):
     * in a generated migration its header's {@code -- dbsync:destructive} lines decide for these.
     */
    public boolean writtenByGenerator() {
      return written;
    }
  }

  /**
   * A statement that can lose data.
   *
   * @param objects what it drops, empties or changes, as written (quoted where needed): tables for table,
   *     column, constraint, truncate, delete and type changes; the schema, type, view or index otherwise
   * @param column the name of the column of a {@link Kind#TYPE_CHANGE}, as PostgreSQL stores it (unquoted,
   *     folded to lower case unless quoted); null otherwise
   * @param newType the type a {@link Kind#TYPE_CHANGE} converts to, as written (null otherwise): whether the
   *     change narrows can only be told from the column's current type
   */
  public record DataLoss(Kind kind, int line, String statement, List<String> objects, String column, String newType) {
    public DataLoss {
      objects = List.copyOf(objects);
    }

    public String describe() {
      return kind.verb() + " " + String.join(", ", objects) + " (line " + line + ": "
          + LintMessages.abbreviate(statement) + ")";
    }
  }

  /** The transaction control statements of a migration, in order. */
  public static List<TransactionControl> transactionControl(String script, String sql) {
    List<TransactionControl> found = new ArrayList<>();
    for (SqlScript.Statement statement : SqlScript.statements(sql)) {
      List<String> words = statement.words();
      if (!words.isEmpty() && isTransactionControl(words)) {
        found.add(new TransactionControl(script, statement.line(), statement.sql()));
      }
    }
    return List.copyOf(found);
  }

  private static boolean isTransactionControl(List<String> words) {
    String first = words.get(0);
    if (!TRANSACTION_CONTROL.contains(first)) {
      return false;
    }
    String second = words.size() > 1 ? words.get(1) : "";
    return switch (first) {
      case "start" -> second.equals("transaction");
      case "prepare" -> second.equals("transaction");
      default -> true;
    };
  }

  /** The statements of a migration that can lose data, in order. */
  public static List<DataLoss> dataLoss(String sql) {
    List<DataLoss> found = new ArrayList<>();
    for (SqlScript.Statement statement : SqlScript.statements(sql)) {
      found.addAll(dataLoss(statement));
    }
    return List.copyOf(found);
  }

  private static List<DataLoss> dataLoss(SqlScript.Statement statement) {
    Words w = new Words(statement.words());
    List<DataLoss> found = new ArrayList<>();
    if (w.accept("drop")) {
      Kind kind = w.accept("table") ? Kind.DROP_TABLE
          : w.accept("view") ? Kind.DROP_VIEW
          : w.accept("materialized", "view") ? Kind.DROP_MATERIALIZED_VIEW
          : w.accept("index") ? Kind.DROP_INDEX
          : w.accept("schema") ? Kind.DROP_SCHEMA
          : w.accept("type") ? Kind.DROP_TYPE : null;
      if (kind != null) {
        w.accept("concurrently");
        w.accept("if", "exists");
        found.add(loss(kind, statement, w.names()));
      }
    } else if (w.accept("truncate")) {
      w.accept("table");
      found.add(loss(Kind.TRUNCATE, statement, w.names()));
    } else if (w.accept("delete", "from")) {
      w.accept("only");
      String table = w.name();
      if (table != null) {
        found.add(loss(Kind.DELETE, statement, List.of(table)));
      }
    } else if (w.accept("alter", "type")) {
      String type = w.name();
      if (type != null && w.accept("drop", "value")) {
        found.add(loss(Kind.DROP_ENUM_VALUE, statement, List.of(type)));
      } else if (type != null && w.accept("rename", "value")) {
        found.add(loss(Kind.RENAME_ENUM_VALUE, statement, List.of(type)));
      }
    } else if (w.accept("alter", "table")) {
      w.accept("if", "exists");
      w.accept("only");
      String table = w.name();
      if (table != null) {
        w.accept("*");
        for (Words action : w.actions()) {
          DataLoss loss = alterTableAction(statement, table, action);
          if (loss != null) {
            found.add(loss);
          }
        }
      }
    }
    return found;
  }

  private static DataLoss alterTableAction(SqlScript.Statement statement, String table, Words action) {
    if (action.accept("drop", "constraint")) {
      return loss(Kind.DROP_CONSTRAINT, statement, List.of(table));
    }
    if (action.accept("drop")) {
      action.accept("column");
      return loss(Kind.DROP_COLUMN, statement, List.of(table));
    }
    if (action.accept("alter")) {
      action.accept("column");
      String column = action.name();
      if (column != null && (action.accept("type") || action.accept("set", "data", "type"))) {
        String type = action.until("using", "collate");
        return new DataLoss(Kind.TYPE_CHANGE, statement.line(), statement.sql(), List.of(table), stored(column), type);
      }
    }
    return null;
  }

  private static DataLoss loss(Kind kind, SqlScript.Statement statement, List<String> objects) {
    return new DataLoss(kind, statement.line(), statement.sql(), objects, null, null);
  }

  /** A name as PostgreSQL stores it: {@code "Body"} is {@code Body}; unquoted tokens are lower-cased already. */
  private static String stored(String name) {
    return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
  }

  /** A cursor over a statement's tokens. */
  private static final class Words {
    private final List<String> words;
    private int at;

    Words(List<String> words) {
      this.words = words;
    }

    /** Moves past {@code expected} when the next tokens are exactly these. */
    boolean accept(String... expected) {
      if (at + expected.length > words.size()) {
        return false;
      }
      for (int i = 0; i < expected.length; i++) {
        if (!words.get(at + i).equals(expected[i])) {
          return false;
        }
      }
      at += expected.length;
      return true;
    }

    /** A possibly qualified name ({@code app."Posts"}), or null when none comes next. */
    String name() {
      if (!isNamePart(at)) {
        return null;
      }
      StringBuilder name = new StringBuilder(words.get(at++));
      while (at + 1 < words.size() && words.get(at).equals(".") && isNamePart(at + 1)) {
        name.append('.').append(words.get(at + 1));
        at += 2;
      }
      return name.toString();
    }

    /** Comma-separated names, up to CASCADE, RESTRICT or the end. */
    List<String> names() {
      List<String> names = new ArrayList<>();
      while (at < words.size() && !NAME_LIST_END.contains(words.get(at))) {
        String name = name();
        if (name == null) {
          at++;
        } else {
          names.add(name);
        }
      }
      return names;
    }

    /** The tokens up to one of {@code stops} (or a comma at depth 0, or the end), joined by spaces. */
    String until(String... stops) {
      List<String> taken = new ArrayList<>();
      int depth = 0;
      while (at < words.size()) {
        String word = words.get(at);
        if (depth == 0 && (word.equals(",") || Set.of(stops).contains(word))) {
          break;
        }
        depth += word.equals("(") ? 1 : word.equals(")") ? -1 : 0;
        taken.add(word);
        at++;
      }
      return String.join(" ", taken).replace(" ( ", "(").replace(" )", ")").replace("( ", "(")
          .replace(" , ", ",").replace(" [ ] ", "[]").replace(" [ ]", "[]");
    }

    /** The rest as the comma-separated actions of an ALTER TABLE (commas inside parentheses do not count). */
    List<Words> actions() {
      List<Words> actions = new ArrayList<>();
      int depth = 0;
      int start = at;
      for (; at <= words.size(); at++) {
        String word = at < words.size() ? words.get(at) : ",";
        depth += word.equals("(") ? 1 : word.equals(")") ? -1 : 0;
        if (depth == 0 && word.equals(",") || at == words.size()) {
          actions.add(new Words(words.subList(start, at)));
          start = at + 1;
        }
      }
      return actions;
    }

    private boolean isNamePart(int i) {
      if (i >= words.size()) {
        return false;
      }
      char c = words.get(i).charAt(0);
      return Character.isLetter(c) || c == '_' || c == '"';
    }
  }
}
