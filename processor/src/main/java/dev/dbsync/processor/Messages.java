package dev.dbsync.processor;

import dev.dbsync.schema.lint.LintFinding;
import dev.dbsync.schema.lint.LintMessages;
import dev.dbsync.schema.model.QualifiedName;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** Every text the processor shows a user; the tests assert with the same methods. */
public final class Messages {
  static final String SUPPORTED_TYPES =
      "String, boolean, short, int, long, float, double (or their boxes), BigDecimal, UUID, Instant,"
          + " OffsetDateTime, LocalDateTime, LocalDate, LocalTime, byte[] and Java enums";

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

  public static String indexUnknownColumn(QualifiedName table, String column, Collection<String> components) {
    return "[dbsync] @Index names column \"" + column + "\", which table " + table + " does not have: use a"
        + " component name or its SQL name, one of " + components;
  }

  public static String foreignKeyUnknownColumn(QualifiedName table, String column, Collection<String> components) {
    return "[dbsync] @ForeignKey names column \"" + column + "\", which table " + table + " does not have: use a"
        + " component name or its SQL name, one of " + components;
  }

  public static String foreignKeyArity(QualifiedName target, List<String> columns, List<String> referenced) {
    return "[dbsync] @ForeignKey has " + columns.size() + " column(s) " + columns + " but references "
        + referenced.size() + " column(s) " + referenced + " of table " + target
        + ": give as many referencedColumns as columns, pairwise in order";
  }

  public static String referencedColumnsNotUnique(QualifiedName target, List<String> columns) {
    return "[dbsync] columns " + columns + " of table " + target + " are neither its primary key nor a unique"
        + " constraint or index, and PostgreSQL references only those: reference the primary key, or declare"
        + " @Index(columns = {...}, unique = true) on exactly these columns in its record";
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
        + " with different labels: make them one Java enum, or give one another table schema";
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

  public static String invalidBooleanOption(String option, String value) {
    return "[dbsync] -A" + option + "=" + value + " is neither true nor false";
  }
}
