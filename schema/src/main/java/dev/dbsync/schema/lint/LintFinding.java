package dev.dbsync.schema.lint;

import java.util.Objects;

/**
 * One statement of a migration that may block traffic on a table holding data.
 *
 * @param script the migration file the statement is in
 * @param rule what the statement does wrong
 * @param table the table it locks, as written in the script ({@code public.} dropped)
 * @param statement the statement, comments stripped and white space collapsed
 * @param subject the constraint or column the statement names, as written; null when it names none (an
 *     unnamed constraint) and for indexes
 */
public record LintFinding(String script, Rule rule, String table, String statement, String subject) {
  /** Kinds of lock-heavy statements, each with a safer form (see {@link LintMessages}). */
  public enum Rule {
    /** {@code ADD ... FOREIGN KEY} without {@code NOT VALID}: scans the table under a lock that blocks writes. */
    FOREIGN_KEY_NOT_VALID_MISSING,
    /** {@code ADD ... CHECK} without {@code NOT VALID}: scans the table under ACCESS EXCLUSIVE. */
    CHECK_NOT_VALID_MISSING,
    /** {@code SET NOT NULL} without a validated {@code CHECK (col IS NOT NULL)}: scans under ACCESS EXCLUSIVE. */
    SET_NOT_NULL_WITHOUT_CHECK,
    /** {@code ALTER COLUMN ... TYPE} that rewrites the table and its indexes under ACCESS EXCLUSIVE. */
    TYPE_CHANGE_REWRITES,
    /** {@code CREATE INDEX} without {@code CONCURRENTLY}: blocks writes while the index is built. */
    INDEX_NOT_CONCURRENT,
    /** {@code ADD PRIMARY KEY / UNIQUE} without {@code USING INDEX}: builds the index under ACCESS EXCLUSIVE. */
    KEY_INDEX_NOT_CONCURRENT,
    /** {@code ADD COLUMN} whose value is computed per row (volatile default, identity, serial, stored generated). */
    ADD_COLUMN_REWRITES
  }

  public LintFinding {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(statement, "statement");
  }

  /** The risk and the safer form, in words. */
  public String message() {
    return LintMessages.finding(this);
  }
}
