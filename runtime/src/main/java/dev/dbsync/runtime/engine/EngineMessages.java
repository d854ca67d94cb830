package dev.dbsync.runtime.engine;

import dev.dbsync.schema.lint.RiskyStatements;
import dev.dbsync.schema.model.QualifiedName;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Every text the engine shows a user: the code and the tests use these, so they cannot drift apart. */
public final class EngineMessages {
  private static final int STATEMENT_SHOWN = 200;
  private static final int MIGRATIONS_LISTED = 10;

  private EngineMessages() {}

  public static String statementFailed(
      String script, String statement, SQLException e, List<String> lockHolders, List<String> committed) {
    return "Migration " + script + " failed at statement: " + abbreviate(statement) + "\n-> PostgreSQL: "
        + postgresMessage(e) + "\n" + hint(e.getSQLState(), lockHolders) + rolledBack(committed);
  }

  public static String nonTransactionalFailed(
      String script, String statement, SQLException e, List<String> lockHolders, List<String> committed) {
    return "Migration " + script + " failed at statement: " + abbreviate(statement) + "\n-> PostgreSQL: "
        + postgresMessage(e) + "\n" + hint(e.getSQLState(), lockHolders) + "-> " + script + " cannot run in a"
        + " transaction (it contains statements such as CREATE INDEX CONCURRENTLY), so its statements before this"
        + " one stay applied and no history row was written for it. Undo or complete them by hand (a failed"
        + " CREATE INDEX CONCURRENTLY leaves an INVALID index to drop), then apply again."
        + (committed.isEmpty() ? "" : "\nCommitted before it by this apply: " + listed(committed) + ".");
  }

  /** One session holding a lock the failed statement waited for. */
  public static String lockHolder(
      String table, String mode, int pid, String state, String application, String query) {
    return table + ": " + mode + " held by pid " + pid + " (" + state
        + (application.isEmpty() ? "" : ", application " + application)
        + (query.isEmpty() ? "" : ", last query: " + query.replaceAll("\\s+", " ")) + ")";
  }

  /** An enum value added ahead of the transaction, which a rollback does not take back. */
  public static String keptEnumValue(String addition) {
    return abbreviate(addition) + " (kept: ALTER TYPE ... ADD VALUE is idempotent and unused)";
  }

  private static String rolledBack(List<String> committed) {
    return committed.isEmpty()
        ? "Nothing was applied: the transaction was rolled back."
        : "Its transaction was rolled back; committed before it by this apply (they had to commit first): "
            + listed(committed) + ".";
  }

  private static String hint(String sqlState, List<String> lockHolders) {
    if ("55P03".equals(sqlState)) {
      return "-> The statement waited longer than the lock timeout for a lock that another session holds on a"
          + " table it changes" + (lockHolders.isEmpty() ? " (see pg_locks and pg_stat_activity)"
              : ":\n   " + String.join("\n   ", lockHolders))
          + "\n-> Apply again when that session is done (or end it with pg_terminate_backend), or raise "
          + Settings.describe(Settings.LOCK_TIMEOUT) + ".\n";
    }
    if ("57014".equals(sqlState)) {
      return "-> The statement ran longer than the statement timeout; raise "
          + Settings.describe(Settings.STATEMENT_TIMEOUT) + " if it needs more time.\n";
    }
    return "";
  }

  public static String failed(SQLException e) {
    return "dbsync could not apply migrations: " + postgresMessage(e)
        + "\nNothing was applied: the transaction was rolled back.";
  }

  /** A failure of {@code task} ("check", "baseline", ...) that is not a migration's. */
  public static String failed(String task, SQLException e) {
    return "dbsync " + task + " failed: " + postgresMessage(e) + "\nNothing was changed.";
  }

  private static String postgresMessage(SQLException e) {
    return e.getMessage() + " (SQLState " + e.getSQLState() + ")";
  }

  /** The statement on one line, cut after {@value #STATEMENT_SHOWN} characters. */
  private static String abbreviate(String statement) {
    String oneLine = statement.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= STATEMENT_SHOWN ? oneLine : oneLine.substring(0, STATEMENT_SHOWN) + " ...";
  }

  public static String lockWaitTimeout(Duration waited, QualifiedName historyTable) {
    return "Another process held the migration lock of " + historyTable + " (a dbsync or Flyway migration of"
        + " this database) for longer than " + format(waited) + "; nothing was applied. Apply again when it is"
        + " done, or raise " + Settings.describe(Settings.LOCK_WAIT) + ".";
  }

  public static String backupFailed(String detail) {
    return "The backup before migrating failed, so nothing was applied: " + detail;
  }

  public static String backupNeedsPassword() {
    return "\n-> The server asks for a password and the DataSource dbsync was given does not tell it (it has no"
        + " getPassword() and no password in its URL). Put it in ~/.pgpass of the user running the application, or in"
        + " a file named by PGPASSFILE (host:port:database:user:password, mode 0600).";
  }

  public static String restoreWithoutCopies(String version) {
    return "Nothing to restore for V" + version + ": dbsync_backup holds no copy taken before it. Production mode copies"
        + " the tables an allowed destructive migration touches into dbsync_backup before it runs; a migration"
        + " applied in development mode, or whose copies were pruned (DBSYNC_BACKUP_RETENTION), can only be restored"
        + " from a pg_dump (DBSYNC_BACKUP_DIR). Nothing was changed.";
  }

  public static String restoreWithoutKey(String table) {
    return "Cannot restore the dropped columns of " + table + ": its rows are matched with the copy through the"
        + " primary key, and the table as it is now has none (or lost a key column). Nothing was changed.";
  }

  public static String restoreFailed(String statement, SQLException e) {
    return "Restore failed at: " + abbreviate(statement) + "\n-> PostgreSQL: " + postgresMessage(e)
        + "\nNothing was changed: the transaction was rolled back.";
  }

  public static String restoreNothingMissing(List<String> tables) {
    return "nothing was missing: " + String.join(", ", tables) + " already have every column the copies have";
  }

  public static String restoredTable(String table, String copy, long rows, int constraints, int indexes) {
    return "table " + table + " created again with " + rows + (rows == 1 ? " row" : " rows") + " from "
        + TableBackup.SCHEMA + "." + copy + ", its defaults, NOT NULL, " + constraints + " constraints and " + indexes
        + " indexes";
  }

  public static String restoredColumn(String table, String column, String copy, String key) {
    return "column " + table + "." + column + " added again, values from " + TableBackup.SCHEMA + "." + copy
        + " matched by " + key + ", with its default, NOT NULL and the constraints and indexes on it";
  }

  public static String interrupted() {
    return "Interrupted while waiting for the migration lock; nothing was applied.";
  }

  /**
   * @param declared the header's {@code -- dbsync:destructive} descriptions
   * @param statements the statements that can lose data, quoted with their lines
   */
  public static String destructiveRefused(
      MigrationFile file, List<String> declared, List<RiskyStatements.DataLoss> statements, List<String> committed) {
    List<String> what = new ArrayList<>(declared);
    statements.forEach(s -> what.add(s.describe()));
    return "Production mode refuses the destructive migration " + file.script() + ":\n  - "
        + String.join("\n  - ", what) + "\nReview it, then allow it with "
        + Settings.describe(Settings.ALLOW_DESTRUCTIVE) + " = " + file.version().text() + " (or true), or"
        + " DbSync.configure().allowDestructive(\"" + file.version().text() + "\"): the tables it touches are then"
        + " copied into " + TableBackup.SCHEMA + " first. " + rolledBack(committed);
  }

  /** Transaction control found in pending migrations, before anything ran. */
  public static String transactionControlRefused(List<RiskyStatements.TransactionControl> found) {
    return "dbsync refuses to apply migrations that control the transaction; nothing was applied:\n  - "
        + String.join("\n  - ", found.stream().map(RiskyStatements.TransactionControl::message).toList());
  }

  public static String invalidHistory(List<String> problems) {
    return "Validation of the schema history failed; nothing was applied:\n" + String.join("\n", problems);
  }

  public static String checksumMismatch(MigrationFile file, Integer applied, int resolved) {
    return "Migration checksum mismatch for migration version " + file.version().text() + " (" + file.origin()
        + ")\n-> Applied to database : " + applied + "\n-> Resolved locally    : " + resolved
        + "\nEither revert the changes to " + file.script() + " (an applied migration must not change; put new"
        + " changes in a new migration), or, if the edit is harmless, record the new checksum with " + REPAIR + ".";
  }

  public static String descriptionMismatch(MigrationFile file, String applied) {
    return "Migration description mismatch for migration version " + file.version().text() + " (" + file.origin()
        + ")\n-> Applied to database : " + applied + "\n-> Resolved locally    : " + file.description()
        + "\nEither rename the file back, or record the new description with " + REPAIR + ".";
  }

  /** dbsync's own repair, in each of its forms (Flyway's repair does the same to the same table). */
  private static final String REPAIR =
      "dbsync repair (CLI), mvn dbsync:repair or DbSync.configure().repair(dataSource)";

  public static String appliedButMissing(String version, String script) {
    return "Detected applied migration not resolved locally: " + version + " (" + script + "). Restore the file"
        + " under db/migration, or deploy the release that contains it.";
  }

  public static String failedRow(String version, String description) {
    return "Detected failed migration to version " + version + " (" + description + "). Remove any"
        + " half-completed changes, then delete the failed row with " + REPAIR + ".";
  }

  public static String outOfOrder(MigrationFile file, MigrationVersion latest) {
    return "Detected resolved migration not applied to database: " + file.version().text() + " (" + file.script()
        + ") is older than the applied version " + latest.text() + ". Give it a version above " + latest.text()
        + " (rename the file), or delete it if its changes are already in the database.";
  }

  public static String unreadableHistoryVersion(String version) {
    return "The schema history holds a version dbsync cannot read: " + version;
  }

  public static String duplicateVersion(MigrationVersion version, String first, String second) {
    return "Found more than one migration with version " + version.text() + ": " + first + " and " + second
        + ". Give one of them another version.";
  }

  public static String invalidVersion(String origin) {
    return "Invalid migration file name " + origin + ": the version (between V and __) may contain only digits"
        + " and . or _ separators, e.g. V2__add_posts.sql or V1_1__fix.sql.";
  }

  public static String repeatableUnsupported(String origin) {
    return "dbsync does not run repeatable migrations (" + origin + "): Flyway would re-run it whenever it"
        + " changes, dbsync never would. Turn it into a versioned migration (V<next>__<description>.sql).";
  }

  public static String ignoredFile(String origin) {
    return "Ignoring " + origin + ": not a versioned migration (V<version>__<description>.sql).";
  }

  public static String indexUnreadable(String origin) {
    return "Ignoring the migration index " + origin + ": it is not one the processor writes. The migrations are"
        + " read from their files; recompile to write the index again.";
  }

  public static String notInIndex(String origin, String index) {
    return "Migration " + origin + " is not in the migration index " + index + " (added after the build?): read"
        + " from the file. Recompile to add it to the index.";
  }

  public static String differsFromIndex(String origin, String index) {
    return "Migration " + origin + " differs from its line in the migration index " + index + " (changed after the"
        + " build?): its content is what counts. Recompile to update the index.";
  }

  public static String indexedButMissing(String script, String index) {
    return "The migration index " + index + " lists " + script + ", which is not there (removed after the build?):"
        + " not a migration. Recompile to update the index.";
  }

  public static String unreadable(String origin) {
    return "Cannot read migration " + origin;
  }

  public static String unlistable(String location) {
    return "Cannot list the migration location " + location;
  }

  public static String unsupportedLocation(String url) {
    return "Cannot list migrations at " + url + ": only directories and jar files are supported.";
  }

  /** What became of the migrations whose result did not match the snapshot. */
  public enum DriftOutcome { ROLLED_BACK, LOGGED, ALREADY_COMMITTED }

  public static String verificationFailed(
      String lastScript, List<String> differences, DriftOutcome outcome, List<String> committed) {
    String fix = " A migration does something the records do not declare: change the migration, or the records"
        + " (and recompile), so that both say the same.";
    return "After the pending migrations (the last one " + lastScript + ") the database does not match the"
        + " compiled schema (db/dbsync/schema.json):\n  - " + String.join("\n  - ", differences) + "\n"
        + switch (outcome) {
          case ROLLED_BACK -> (committed.isEmpty() ? "Everything was rolled back."
              : "Everything else was rolled back; committed before it by this apply: " + listed(committed)
                  + ".") + fix
              + " To only log such differences in development, set DBSYNC_FAIL_ON_DRIFT=false.";
          case LOGGED -> "The migrations were committed anyway (DBSYNC_FAIL_ON_DRIFT=false).";
          case ALREADY_COMMITTED -> "The last migration cannot run in a transaction and was committed before this"
              + " check, so nothing could be rolled back." + fix;
        };
  }

  public static String snapshotUnreadable(String location, String problem) {
    return "The compiled schema " + location + " cannot be read (" + problem + "): rebuild the project so that"
        + " the annotation processor writes it again, and do not edit it by hand.";
  }

  private static final String PUSH_INSTEAD = "generate a migration instead (mvn compile writes it under"
      + " db/migration) and apply it with DbSync.apply(dataSource).";

  public static String pushInProduction() {
    return "Push is refused in production mode (" + Settings.describe(Settings.MODE) + " = production): a"
        + " production database changes only through reviewed, recorded migrations. Compile the project (mvn"
        + " compile writes the migration under db/migration), review and commit it, and deploy: DbSync.apply"
        + " applies it at startup. Nothing was changed.";
  }

  public static String pushWithoutSnapshot() {
    return "Nothing to push: the compiled schema " + Verification.SNAPSHOT + " is not on the class path. Compile"
        + " the @Table records with the dbsync annotation processor first.";
  }

  public static String pushAmbiguous(List<String> problems) {
    return "Push cannot make the database match the compiled schema without a guess; nothing was changed:\n  - "
        + String.join("\n  - ", problems) + "\nA push knows only the schema, not what was renamed: "
        + PUSH_INSTEAD;
  }

  public static String pushDestructive(List<String> changes) {
    return "Push refuses destructive changes unless they are allowed; nothing was changed:\n  - "
        + String.join("\n  - ", changes) + "\nAllow them with DbSync.configure().allowDestructive(true) or "
        + Settings.describe(Settings.ALLOW_DESTRUCTIVE) + " = true, or " + PUSH_INSTEAD;
  }

  public static String pushStatementFailed(String sql, SQLException e, List<String> committedFirst) {
    return "Push failed at: " + sql + "\nPostgreSQL: " + e.getMessage() + "\n" + (committedFirst.isEmpty()
        ? "Everything was rolled back."
        : "Everything else was rolled back; these enum values were added before (PostgreSQL cannot use a value in"
            + " the transaction that adds it) and stay: " + String.join("; ", committedFirst));
  }

  public static String revertInProduction() {
    return "Discard does not touch a database in production mode (" + Settings.describe(Settings.MODE)
        + " = production): it undoes migrations that were never committed, on a development database only."
        + " Nothing was changed.";
  }

  public static String revertWouldLoseOthers(List<String> changes) {
    return "Taking the development database back to the committed schema would also undo changes the discarded"
        + " migrations did not make (made by hand, or by a push); nothing was changed (no file, no table, no"
        + " history row):\n  - " + String.join("\n  - ", changes) + "\nKeep what you need in a record, or undo"
        + " those changes yourself, then run discard again.";
  }

  public static String revertAmbiguous(List<String> problems) {
    return "The development database cannot be taken back to the committed schema without a guess; nothing was"
        + " changed (no file, no table, no history row):\n  - " + String.join("\n  - ", problems)
        + "\nThe discarded migrations renamed something, and a schema comparison cannot tell a rename from a drop"
        + " and an add. Recreate the development database (drop it and create it), run discard again (with nothing"
        + " applied it only discards the files), then migrate: the committed migrations rebuild it.";
  }

  public static String pushVerificationFailed(List<String> differences) {
    return "After the push the database still does not match the compiled schema:\n  - "
        + String.join("\n  - ", differences) + "\nEverything was rolled back. This is a bug in dbsync: please"
        + " report it with the record and the table definition.";
  }

  public static String runMigrate(String script) {
    return "run migrate: the pending " + script + " changes it";
  }

  public static String changedByHand() {
    return "changed by hand: write a migration that keeps it, or revert it";
  }

  public static String notMigrated() {
    return "this database has tables but no migration history (pushed, or built by hand): in development push"
        + " again, or make it match and baseline it";
  }

  public static String baselineWithoutMigrations() {
    return "Nothing to baseline: no migration under db/migration on the class path. Compile the project first.";
  }

  public static String baselineWithoutSnapshot() {
    return "Cannot baseline: the compiled schema " + Verification.SNAPSHOT + " is not on the class path, so"
        + " nothing shows that the database matches the migrations. Compile the @Table records with the dbsync"
        + " annotation processor first.";
  }

  public static String baselineWithHistory(QualifiedName historyTable, String version) {
    return "Cannot baseline: " + historyTable + " already records migrations (version "
        + (version == null ? "none" : version) + "). A baseline adopts a database without history; this one is"
        + " migrated already: run migrate. Nothing was changed.";
  }

  public static String failedRowDeleted() {
    return "deleted the failed row";
  }

  public static String realigned(HistoryRow row, int checksum, String description) {
    List<String> done = new ArrayList<>();
    if (row.checksum() == null || row.checksum() != checksum) {
      done.add("recorded checksum " + checksum + " (was " + row.checksum() + ")");
    }
    if (!row.description().equals(description)) {
      done.add("recorded description '" + description + "' (was '" + row.description() + "')");
    }
    return String.join(", ", done);
  }

  public static String invalidSetting(String source, String value, String expected) {
    return "Invalid value '" + value + "' for " + source + ": expected " + expected + ".";
  }

  public static String invalidDestructiveVersion(String version) {
    return "Invalid migration version '" + version + "' in allowDestructive: expected a version such as 5 or 1.2.";
  }

  public static String negative(String setting, Duration value) {
    return setting + " must not be negative: " + value;
  }

  /** A duration beyond {@link Settings#MAX_DURATION}, PostgreSQL's limit for its timeouts. */
  public static String durationOutOfRange(String setting, Object value) {
    return "Out of range: " + setting + " = " + value + "; allowed are durations from 0ms to "
        + Settings.MAX_DURATION.toMillis() + "ms (24 days 20 h, PostgreSQL's limit for lock_timeout and"
        + " statement_timeout), e.g. 5s, 10m or 24h.";
  }

  public static String upToDate(String version) {
    return "Database is up to date (" + (version == null ? "no migrations" : "version " + version)
        + "); nothing to apply.";
  }

  /** The first {@value #MIGRATIONS_LISTED} and how many more: a first deployment may apply hundreds. */
  private static String listed(List<String> items) {
    int n = items.size();
    return n <= MIGRATIONS_LISTED ? String.join(", ", items)
        : String.join(", ", items.subList(0, MIGRATIONS_LISTED)) + " and " + (n - MIGRATIONS_LISTED) + " more";
  }

  /** Lists at most {@value #MIGRATIONS_LISTED} migrations: a first deployment may apply hundreds. */
  public static String applied(String schema, Path backup, List<String> migrations, long millis) {
    int n = migrations.size();
    return "Applied " + n + (n == 1 ? " migration" : " migrations") + " to " + schema + " in " + millis + " ms: "
        + listed(migrations) + (backup == null ? "" : "; backup before: " + backup);
  }

  public static String lockGroup(String first, String last, int migrations) {
    return first.equals(last) ? "V" + first : "V" + first + "-V" + last + " (" + migrations + ")";
  }

  public static String lockGroups(List<String> groups) {
    return "; committed in " + groups.size() + " transactions, each with its history rows, because PostgreSQL's"
        + " lock table (max_locks_per_transaction) cannot hold all of them at once: " + String.join(", ", groups);
  }

  /** Logged when the pending set is split. */
  public static String lockTableSplit(String failedAt, int fitted, int groupSize) {
    return "PostgreSQL's lock table ran out (out of shared memory, max_locks_per_transaction) at " + failedAt
        + " after " + fitted + " migrations in one transaction; everything was rolled back, and the pending"
        + " migrations are now applied in transactions of at most " + groupSize + " migrations, each committed with"
        + " its history rows. To apply them in one transaction, raise max_locks_per_transaction on the server.";
  }

  public static String appliedMigration(String version, String description, long millis, List<String> backups) {
    return "V" + version + " " + description + " (" + millis + " ms"
        + (backups.isEmpty() ? "" : "; backed up " + String.join(", ", backups)) + ")";
  }

  private static String format(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
