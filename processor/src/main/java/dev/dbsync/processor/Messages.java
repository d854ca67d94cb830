package dev.dbsync.processor;

import dev.dbsync.schema.lint.LintFinding;
import dev.dbsync.schema.lint.LintMessages;
import dev.dbsync.schema.lint.RiskyStatements;
import dev.dbsync.schema.model.ForeignKey;
import dev.dbsync.schema.model.QualifiedName;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** Every text the processor shows a user; the tests assert with the same methods. */
public final class Messages {
  static final String SUPPORTED_TYPES =
      "String, boolean, short, int, long, float, double (or their boxes), BigDecimal, UUID, Instant,"
          + " OffsetDateTime, LocalDateTime, LocalDate, LocalTime, byte[], Java enums, and one-dimensional arrays"
          + " of all these but byte";

  private Messages() {}

  public static String tableOnNonRecord(String kind, String simpleName) {
    return "[dbsync] @Table belongs on a record, and " + simpleName + " is " + kind
        + ": declare it as `public record " + simpleName + "(...) {}`";
  }

  public static String unsupportedType(String component, String type) {
    return "[dbsync] component " + component + " has type " + type + ", which dbsync does not map to a column."
        + " Supported: " + SUPPORTED_TYPES + ". For any other type name the SQL type:"
        + " @Column(type = \"jsonb\") " + type + " " + component;
  }

  public static String unresolvedType(String component, String type) {
    return "[dbsync] the type of component " + component + " (" + type + ") does not resolve: dbsync writes no"
        + " migration until it does";
  }

  public static String duplicateTable(QualifiedName table, String otherClass) {
    return "[dbsync] table " + table + " is declared twice, here and by " + otherClass
        + ": give one of them another name, e.g. @Table(\"" + table.name() + "_2\")";
  }

  public static String duplicateColumn(QualifiedName table, String column, String otherComponent) {
    return "[dbsync] column " + column + " of table " + table + " is declared twice, here and by component "
        + otherComponent + ": give one of them another name, e.g. @Column(\"" + column + "_2\")";
  }

  public static String referenceNotTable(String target) {
    return "[dbsync] @References(" + target + ".class) points to a class without @Table: reference a @Table"
        + " record, or annotate " + target + " with @Table";
  }

  public static String referenceNeedsColumn(QualifiedName target) {
    return "[dbsync] table " + target + " has no single-column primary key to reference: name the column,"
        + " e.g. @References(value = ..., column = \"id\")";
  }

  public static String referencedColumnMissing(QualifiedName target, String column, Collection<String> columns) {
    return "[dbsync] @References names column \"" + column + "\", which table " + target + " does not have;"
        + " its columns are " + columns + ": write @References(value = ..., column = \"<one of them>\")";
  }

  public static String referencedColumnNotUnique(QualifiedName target, String column) {
    return "[dbsync] column " + column + " of table " + target + " is neither its primary key nor unique, and"
        + " PostgreSQL references only those: mark it @Id or @Unique in its record, or reference the primary key";
  }

  /** A column named by {@code annotation} ({@code "@Index"}, {@code "@Unique"}, {@code "@ForeignKey"}) that is not there. */
  public static String unknownColumn(
      String annotation, QualifiedName table, String column, Collection<String> components) {
    return "[dbsync] " + annotation + " names column \"" + column + "\", which table " + table + " does not have:"
        + " use a component name or its SQL name, one of " + components;
  }

  public static String indexElementOptions(QualifiedName table, String element) {
    return "[dbsync] @Index key \"" + element + "\" of table " + table + " is not a column followed by an operator"
        + " class, ASC or DESC, NULLS FIRST or NULLS LAST: write e.g. \"createdAt DESC NULLS LAST\","
        + " \"name text_pattern_ops\", or an expression in parentheses, \"(lower(email))\"";
  }

  public static String indexExpressionNotParenthesized(QualifiedName table, String element) {
    return "[dbsync] @Index key \"" + element + "\" of table " + table + " is an expression that is not a function"
        + " call: PostgreSQL needs it in parentheses, \"(" + element.strip() + ")\"";
  }

  public static String indexStorageParameter(QualifiedName table, String parameter) {
    return "[dbsync] @Index(with = \"" + parameter + "\") of table " + table + " is not a storage parameter"
        + " name=value: write e.g. with = \"fillfactor=70\"";
  }

  public static String foreignKeyArity(QualifiedName target, List<String> columns, List<String> referenced) {
    return "[dbsync] @ForeignKey has " + columns.size() + " column(s) " + columns + " but references "
        + referenced.size() + " column(s) " + referenced + " of table " + target
        + ": give as many referencedColumns as columns, pairwise in order";
  }

  public static String referencedColumnsNotUnique(QualifiedName target, List<String> columns) {
    return "[dbsync] columns " + columns + " of table " + target + " are neither its primary key nor a unique"
        + " constraint or index, and PostgreSQL references only those: reference the primary key, or declare"
        + " @Unique(columns = {...}) on exactly these columns in its record";
  }

  public static String uniqueColumnsOnComponent(String component, List<String> columns) {
    return "[dbsync] @Unique on component " + component + " names columns " + columns + ", but on a component it"
        + " is over that component's column only: drop columns = ..., or put it on the record for a constraint"
        + " over several columns, @Unique(columns = {\"" + component + "\", ...})";
  }

  public static String uniqueWithoutColumns(QualifiedName table, String record) {
    return "[dbsync] @Unique on record " + record + " (table " + table + ") names no columns: list them,"
        + " @Unique(columns = {\"a\", \"b\"}), or put @Unique on the component of a single column";
  }

  public static String uniqueColumnTwice(QualifiedName table, String column) {
    return "[dbsync] @Unique(columns = ...) of table " + table + " names column " + column + " twice, which"
        + " PostgreSQL refuses: name each column once";
  }

  public static String duplicateConstraintName(QualifiedName table, String name, String place, String otherPlace) {
    return "[dbsync] the name \"" + name + "\" is used twice in table " + table + ": by " + place + " and by "
        + otherPlace + ". Constraint and index names must be unique in a table: rename one of them (name = \"...\")";
  }

  public static String invalidIdentifier(String what, String name, String problem, String fix) {
    return "[dbsync] the " + what + " name \"" + name + "\" is not usable: " + problem + ". " + fix;
  }

  public static String constantClash(String constant, String component, String other) {
    return "[dbsync] components " + other + " and " + component + " would both be the metamodel constant "
        + constant + ": rename the component (keep its column name with @Column(\"...\"))";
  }

  public static String conflictingDefaults(String component) {
    return "[dbsync] component " + component + " has more than one of @Default, @DefaultNow, @DefaultRandom,"
        + " @Identity, @Generated: keep one";
  }

  public static String identityType(String component, String type) {
    return "[dbsync] @Identity on component " + component + " of type " + type + ": PostgreSQL counts identities"
        + " only in smallint, integer or bigint: declare the component short, int or long (or their boxes)";
  }

  public static String identityIncrementZero(String component) {
    return "[dbsync] @Identity(increment = 0) on component " + component + ": a sequence must move: count up with"
        + " a positive increment (increment = 1, or leave it out) or down with a negative one (increment = -1)";
  }

  public static String identityCache(String component, long cache) {
    return "[dbsync] @Identity(cache = " + cache + ") on component " + component + ": a session takes at least"
        + " one value at a time: cache = 1 or more (or leave it out for PostgreSQL's 1)";
  }

  /** {@code option} ({@code start}, {@code minValue}, {@code maxValue}) lies outside what the column can hold. */
  public static String identityOutOfRange(String component, String option, long value, String type, long min,
      long max) {
    return "[dbsync] @Identity(" + option + " = " + value + ") on component " + component + ": a " + type
        + " holds " + min + " to " + max + ": give " + option + " a value in that range, or widen the component"
        + " (int or long)";
  }

  /** The sequence's bounds, declared or PostgreSQL's defaults, are empty. */
  public static String identityBounds(String component, long min, long max) {
    return "[dbsync] @Identity on component " + component + " would run from minValue " + min + " to maxValue "
        + max + " (a bound not declared is PostgreSQL's default for the type and direction): minValue must be"
        + " less than maxValue, e.g. @Identity(minValue = " + Math.min(min, max) + ", maxValue = "
        + (min == max ? "<greater than " + max + ">" : String.valueOf(Math.max(min, max))) + ")";
  }

  public static String identityStart(String component, long start, long min, long max, long defaultStart) {
    return "[dbsync] @Identity(start = " + start + ") on component " + component + ": the sequence runs from "
        + min + " to " + max + " and cannot start outside it: start = " + defaultStart
        + " (or leave start out: it then starts there)";
  }

  /**
   * An SQL fragment of an annotation that is not exactly one {@code what} (expression, type, condition): dbsync
   * pastes it into a statement as written, so it must not be able to end that statement or start another.
   */
  public static String invalidFragment(String annotation, String what, String value, String problem) {
    return "[dbsync] " + annotation + " \"" + value + "\" is not one SQL " + what + ": " + problem
        + ". dbsync writes it into a statement as it is: give exactly one " + what
        + " (anything else belongs in a hand-written migration, db/migration/V<n>__<name>.sql)";
  }

  /**
   * A default that is a bare name, which PostgreSQL reads as a column reference; {@code literal} is the string it
   * was probably meant as, or null.
   */
  public static String bareIdentifierDefault(String component, String value, String literal) {
    return "[dbsync] @Default(\"" + value + "\") of component " + component + " is a bare name, which PostgreSQL"
        + " reads as a column reference (\"cannot use column reference in DEFAULT expression\")"
        + (literal == null
            ? ": write a literal, a function call or a keyword such as CURRENT_TIMESTAMP; a string is quoted"
                + " in SQL: @Default(\"'text'\")"
            : ": a string is quoted in SQL: @Default(\"" + literal + "\")");
  }

  /** A problem the differ found, worded by the differ's {@code DiffMessages}. */
  public static String problem(String differMessage) {
    return "[dbsync] " + differMessage;
  }

  public static String brokenChain(Path migrations, String state, String branchMigration) {
    return "[dbsync] the generated migrations in " + migrations + " do not form one chain ending at"
        + " db/dbsync/schema.json: " + state + ". This happens when two branches each generated a migration,"
        + " or when the snapshot was edited by hand. To resolve: keep main's migrations and main's"
        + " db/dbsync/schema.json, delete this branch's generated migration (" + branchMigration
        + "), and compile again: dbsync then generates one new migration on top.";
  }

  /**
   * Migrations deleted from the middle of the chain: the ones after them may be applied already, so the fix is to
   * restore the missing ones, never to delete more.
   */
  public static String missingMigration(Path migrations, long first, long last, String before, String after) {
    String missing = first == last ? "V" + first + " is missing" : "V" + first + " to V" + last + " are missing";
    String restore = first == last
        ? "git restore '" + migrations.resolve("V" + first + "__*.sql") + "'"
        : "git restore '" + migrations + "/V*.sql'";
    return "[dbsync] " + missing + " between " + (before == null ? "the start" : before) + " and " + after
        + ": restore " + (first == last ? "it" : "them") + " (" + restore + ") and compile again. The migrations from " + after + " on start from the"
        + " schema it led to and may be applied already: do not delete them.";
  }

  /** A table whose record is not on the class path of this compilation but whose source file still exists. */
  public static String tableKeptSourceExists(QualifiedName table, String className, String sourceFile) {
    return "[dbsync] table " + table + " is kept: its record " + className + " is not part of this compilation"
        + " and not on its class path, but its source " + sourceFile + " exists (an IDE or a script compiling"
        + " some files only?). A table is dropped only when its record is deleted.";
  }

  /** A generated migration in the class output whose file is gone from the resources. */
  public static String staleMigrationRemoved(String file, String classOutput) {
    return "[dbsync] removed " + file + " from " + classOutput + ": it is no longer in the resources, and the"
        + " application must not apply a migration that is not in version control";
  }

  /** A foreign key added without an index leading with its columns; {@code paste} is the annotation to add. */
  public static String foreignKeyWithoutIndex(QualifiedName table, ForeignKey key, String paste) {
    return "[dbsync] foreign key " + key.name() + " of " + table + " (" + String.join(", ", key.columns())
        + ") has no index that starts with its columns, and PostgreSQL does not create one: every DELETE on "
        + key.target() + " (and every update of its key) scans " + table + " for referencing rows. Add to the"
        + " record: " + paste;
  }

  public static String chainStartsWrong(String file, String from, String expected) {
    return file + " starts from schema " + from + " but the migrations before it end at " + expected;
  }

  public static String chainEndsWrong(String lastFile, String end, String snapshot) {
    return "the migrations end at schema " + end + (lastFile == null ? "" : " (" + lastFile + ")")
        + " but the snapshot is schema " + snapshot;
  }

  public static String snapshotUnreadable(Path file, String problem) {
    return "[dbsync] cannot read the snapshot " + file + ": " + problem + ". Restore it from version control"
        + " (git checkout -- " + file.getFileName() + ")";
  }

  public static String resourcesNotFound(String classOutput) {
    return "[dbsync] cannot tell where the project's resources are (class output " + classOutput + " is not"
        + " <project>/target/classes): pass -Adbsync.projectDir=${project.basedir} or -Adbsync.resources=<dir>";
  }

  public static String ioFailure(String problem) {
    return "[dbsync] cannot read or write the project's dbsync files: " + problem;
  }

  public static String conflictingEnum(QualifiedName type, String javaEnum, String otherJavaEnum) {
    return "[dbsync] enum type " + type + " would be declared by both " + javaEnum + " and " + otherJavaEnum
        + ": make them one Java enum, or name the type of one of them: @EnumType(\"...\") on " + javaEnum;
  }

  public static String enumRenamedFromItself(QualifiedName type, String former) {
    return "[dbsync] @EnumType(renamedFrom = \"" + former + "\") names enum type " + type
        + " itself: renamedFrom lists the names the type had before; remove \"" + former + "\"";
  }

  public static final String DOT_IN_SCHEMA = "it contains a dot, which dbsync reserves to separate schema and name";

  public static String testCompilation(String classOutput) {
    return "[dbsync] " + classOutput + " is a test compilation: its @Table records get their metamodel but are not"
        + " part of the schema (no migration, no snapshot). Declare production tables in src/main/java.";
  }

  public static String migrationWritten(String file) {
    return "[dbsync] wrote migration " + file + " and db/dbsync/schema.json: review and commit them";
  }

  /**
   * A generated statement that holds a traffic-blocking lock while it scans or rewrites a table that may be
   * large; {@code safeDdlWritesSaferForm} when {@code -Adbsync.safeDdl=true} would have written the safer form.
   */
  public static String lockHeavyGenerated(LintFinding finding, boolean safeDdlWritesSaferForm) {
    return "[dbsync] " + LintMessages.finding(finding)
        + (safeDdlWritesSaferForm ? " (compile with -Adbsync.safeDdl=true and dbsync writes the safer form)" : "");
  }

  /** The same for a statement of a pending hand-written migration. */
  public static String lockHeavyHandWritten(LintFinding finding, String allowLocksLine) {
    return "[dbsync] " + LintMessages.finding(finding) + " (if the lock is intended, start the file with the line `"
        + allowLocksLine + "`)";
  }

  public static String transactionControl(RiskyStatements.TransactionControl found) {
    return "[dbsync] " + found.message();
  }

  public static String dataLoss(String script, RiskyStatements.DataLoss loss) {
    return "[dbsync] " + LintMessages.dataLoss(script, loss);
  }

  public static String invalidBooleanOption(String option, String value) {
    return "[dbsync] -A" + option + "=" + value + " is neither true nor false";
  }

  public static String invalidGenerateOption(String value) {
    return "[dbsync] -Adbsync.generate=" + value + " is neither write nor verify";
  }

  /**
   * Verify mode (a CI build) found records that differ from the committed snapshot; {@code migrationFile} is the
   * name write mode would give the migration, {@code changes} what changed in the record reported on.
   */
  public static String migrationNotCommitted(String migrationFile, List<String> changes, boolean byOption) {
    return "[dbsync] the schema changed but its migration is not committed: compile locally, review and commit"
        + " `db/migration/" + migrationFile + "` and `db/dbsync/schema.json`. Changed: " + String.join("; ", changes)
        + verifyModeBecause(byOption);
  }

  /**
   * Verify mode found the schema unchanged but the snapshot's text stale: {@code difference} says how (a record
   * moved or renamed, see {@link #classNameChanged}).
   */
  public static String snapshotNotCommitted(String difference, boolean byOption) {
    return "[dbsync] db/dbsync/schema.json is not committed up to date: " + difference + ". Compile locally and"
        + " commit `db/dbsync/schema.json`" + verifyModeBecause(byOption);
  }

  public static String classNameChanged(QualifiedName table, String committedClass, String className) {
    return "it says table " + table + " is declared by " + committedClass + ", and now " + className + " declares it";
  }

  public static final String SNAPSHOT_TEXT_DIFFERS = "its text differs from what this compilation writes";

  private static String verifyModeBecause(boolean byOption) {
    return byOption
        ? " (this compilation runs with -Adbsync.generate=verify, which writes nothing)"
        : " (this compilation verifies and writes nothing because the environment says CI=true;"
            + " -Adbsync.generate=write overrides it)";
  }
}
