package dev.dbsync.schema.lint;

/** Every text the migration lint shows a user; the tests assert with the same methods. */
public final class LintMessages {
  /** Statements are quoted up to this many characters. */
  static final int STATEMENT_LENGTH = 100;

  private LintMessages() {}

  /** {@code <file>: `<statement>` <risk>; safer: <form>}. */
  public static String finding(LintFinding finding) {
    return finding.script() + ": `" + abbreviate(finding.statement()) + "` " + risk(finding) + "; safer: "
        + saferForm(finding);
  }

  public static String risk(LintFinding finding) {
    String table = finding.table();
    return switch (finding.rule()) {
      case FOREIGN_KEY_NOT_VALID_MISSING ->
          "checks every row of " + table + " while holding a lock that blocks writes to it and to the"
              + " referenced table";
      case CHECK_NOT_VALID_MISSING ->
          "checks every row of " + table + " while holding an ACCESS EXCLUSIVE lock (no reads, no writes)";
      case SET_NOT_NULL_WITHOUT_CHECK ->
          "scans every row of " + table + " while holding an ACCESS EXCLUSIVE lock (no reads, no writes)";
      case TYPE_CHANGE_REWRITES ->
          "rewrites " + table + " and rebuilds its indexes while holding an ACCESS EXCLUSIVE lock (no reads,"
              + " no writes)";
      case INDEX_NOT_CONCURRENT -> "blocks writes to " + table + " until the index is built";
      case KEY_INDEX_NOT_CONCURRENT ->
          "builds the key's index while holding an ACCESS EXCLUSIVE lock on " + table + " (no reads, no writes)";
      case ADD_COLUMN_REWRITES ->
          "computes a value for every row, rewriting " + table + " while holding an ACCESS EXCLUSIVE lock (no"
              + " reads, no writes)";
    };
  }

  public static String saferForm(LintFinding finding) {
    String table = finding.table();
    String name = finding.subject() == null ? "<name>" : finding.subject();
    return switch (finding.rule()) {
      case FOREIGN_KEY_NOT_VALID_MISSING, CHECK_NOT_VALID_MISSING ->
          "add the constraint NOT VALID, then `ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name + "` in a"
              + " later migration (VALIDATE takes only a SHARE UPDATE EXCLUSIVE lock)";
      case SET_NOT_NULL_WITHOUT_CHECK -> {
        String check = notNullCheckName(table, name);
        yield "`ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + name + " IS NOT NULL) NOT VALID`,"
            + " then in a later migration `ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check + "`, the SET NOT"
            + " NULL (it uses the validated check instead of scanning) and `ALTER TABLE " + table
            + " DROP CONSTRAINT " + check + "`";
      }
      case TYPE_CHANGE_REWRITES ->
          "add a column of the new type next to " + name + ", backfill it in batches, then swap the columns in a"
              + " short migration (only widening a varchar or changing it to text avoids the rewrite)";
      case INDEX_NOT_CONCURRENT ->
          "`" + abbreviate(finding.statement().replaceFirst("(?i)\\bINDEX\\s+", "INDEX CONCURRENTLY ")) + "`, alone"
              + " in its own migration (it cannot run in a transaction; dbsync runs such a migration outside one)";
      case KEY_INDEX_NOT_CONCURRENT ->
          "`CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + table + " (<columns>)` in its own migration, then"
              + " `ALTER TABLE " + table + " ADD CONSTRAINT " + name + " PRIMARY KEY|UNIQUE USING INDEX " + name + "`";
      case ADD_COLUMN_REWRITES ->
          "add " + name + " without the default (or with a constant one), set the default in a second statement,"
              + " and fill existing rows in batches";
    };
  }

  /**
   * {@code <file>:<line>: `COMMIT` ...}: the engine runs every migration of an apply in its one transaction and
   * writes the history rows in it; a migration's own transaction control would commit part of the apply.
   */
  public static String transactionControl(RiskyStatements.TransactionControl found) {
    return found.script() + ":" + found.line() + ": `" + abbreviate(found.statement()) + "` controls the"
        + " transaction, but dbsync runs every pending migration and its history row in one transaction of its"
        + " own: this statement would commit (or end) part of an apply, so that a later failure could not roll it"
        + " back and a retry would run it again. Remove it (each migration is atomic already); a statement that"
        + " cannot run in a transaction (CREATE INDEX CONCURRENTLY, ...) goes in a migration of its own, which"
        + " dbsync runs outside a transaction.";
  }

  /** A compile warning for a hand-written migration's statement that can lose data. */
  public static String dataLoss(String script, RiskyStatements.DataLoss loss) {
    return script + ":" + loss.line() + ": `" + abbreviate(loss.statement()) + "` " + loss.kind().verb() + " "
        + String.join(", ", loss.objects()) + " and can lose data: production mode refuses it unless it is"
        + " allowed (DBSYNC_ALLOW_DESTRUCTIVE), and then copies the tables it touches into dbsync_backup first.";
  }

  /** {@code <table>_<column>_not_null}, the name dbsync's lock-safe forms give the check. */
  private static String notNullCheckName(String table, String column) {
    String bare = (table.substring(table.lastIndexOf('.') + 1) + "_" + column + "_not_null").replace("\"", "");
    return bare.matches("[a-z_][a-z0-9_]*") ? bare : "\"" + bare + "\"";
  }

  /** The statement on one line, cut to {@value #STATEMENT_LENGTH} characters. */
  public static String abbreviate(String statement) {
    String line = statement.strip().replaceAll("\\s+", " ");
    return line.length() <= STATEMENT_LENGTH ? line : line.substring(0, STATEMENT_LENGTH - 3) + "...";
  }
}
