package dev.dbsync.commands;

import dev.dbsync.PushResult;
import dev.dbsync.runtime.engine.Pusher;
import dev.dbsync.runtime.engine.Settings;
import java.nio.file.Path;
import java.util.List;

/** Every text the commands show (beyond the runtime's own messages): the code and the tests use these. */
public final class CommandMessages {
  private CommandMessages() {}

  public static String invalidOption(String option, String value, String expected) {
    return "Invalid value '" + value + "' for " + option + ": expected " + expected + ".";
  }

  public static String noDatabase(String urlOption) {
    return "No database given: pass " + urlOption + " jdbc:postgresql://<host>:5432/<database> (with its user and"
        + " password options), or set DBSYNC_URL (and DBSYNC_USER, DBSYNC_PASSWORD).";
  }

  public static String noSnapshot() {
    return "No compiled schema (db/dbsync/schema.json) on the class path: only the migrations were compared."
        + " Compile the project with the dbsync annotation processor to compare the schema too.";
  }

  public static String noMigrations() {
    return "No migration under db/migration on the class path, and none recorded in the database.";
  }

  public static String inSync(String version, boolean schemaCompared) {
    return "In sync: every migration is applied (version " + (version == null ? "none" : version) + ")"
        + (schemaCompared ? " and the database matches the compiled schema." : ".");
  }

  public static String drift(int pending, int history, int differences) {
    StringBuilder found = new StringBuilder("Not in sync:");
    String separator = " ";
    if (pending > 0) {
      found.append(separator).append(count(pending, "pending migration"));
      separator = ", ";
    }
    if (history > 0) {
      found.append(separator).append(count(history, "applied migration")).append(" edited, missing or failed");
      separator = ", ";
    }
    if (differences > 0) {
      found.append(separator).append(count(differences, "schema difference"));
    }
    return found.append('.').toString();
  }

  public static String statusSummary(String version, long applied, int pending, int problems) {
    return "Version " + (version == null ? "none" : version) + ": " + applied + " applied, " + pending + " pending"
        + (problems == 0 ? "." : ", " + count(problems, "problem") + " that stop migrate.");
  }

  public static String migrating(String target) {
    return "Applying pending migrations to " + target + " ...";
  }

  public static String pushRefusedInProduction() {
    return "push is refused in production mode (" + Settings.describe(Settings.MODE) + " = production): a"
        + " production database changes only through reviewed, recorded migrations. Use migrate instead."
        + " Nothing was changed; the database was not contacted.";
  }

  public static String syncStopped() {
    return "sync stopped before applying anything: the database differs in ways no pending migration explains"
        + " (changed by hand, or an applied migration edited or missing). Fix that first: see the recommendations"
        + " above.";
  }

  public static String syncNothingPending() {
    return "Nothing pending to apply.";
  }

  public static String nothingToRepair() {
    return "Nothing to repair: every applied migration matches its file and no row failed.";
  }

  public static String repairCannotFix() {
    return "Not repaired (repair only records checksums and deletes failed rows):";
  }

  public static String baselined(String version, int count) {
    return "Baselined at version " + version + ": " + count(count, "migration") + " now count as applied without"
        + " having run; migrate applies only later ones.";
  }

  public static String baselineRefused() {
    return "baseline refused: the database does not match the compiled schema, so recording its migrations as"
        + " applied would be a lie. Make it match (push in development, or fix it by hand), then baseline again.";
  }

  // ---- auto: what it chose and why

  public static String autoChose(String command, String why) {
    return "auto: " + command + " (" + why + ")";
  }

  public static final String AUTO_PRODUCTION = "production mode: production changes only through migrations";
  public static final String AUTO_HISTORY = "the database has a migration history";
  public static final String AUTO_EMPTY = "the database is empty";
  public static final String AUTO_PUSHED = "the database has tables but no migration history, and development"
      + " mode: a pushed database is pushed again";

  public static String autoSuggestBaseline() {
    return "auto: nothing done. The database has no migration history but already matches the compiled schema:"
        + " adopt it with baseline, then migrate applies only later migrations.";
  }

  public static String autoRefusedInProduction() {
    return "auto: refused. The database has tables but no migration history, and it does not match the compiled"
        + " schema; production mode never pushes. Make it match the schema, baseline it, then migrate.";
  }

  public static String unexpected(String problem) {
    return "dbsync failed unexpectedly (" + problem + "). This is a bug in dbsync: please report it with the"
        + " trace below.";
  }

  public static String pullNeedsPackage(String option) {
    return "pull: name the package of the records with " + option + ", e.g. " + option + " com.example.db.";
  }

  public static String pullNextSteps() {
    return "Next: compile (mvn compile: the processor writes no migration), then baseline (records V1 as applied in"
        + " this database), then check (no drift).";
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  // discard

  public static String notInGit(Path resources) {
    return "discard needs git: " + resources + " is not in a git repository (or git is not installed). discard"
        + " deletes the generated migrations that are not committed, so it must know what is committed.";
  }

  public static String noProjectDirectory() {
    return "discard works on a project's files: its class path must start with the project's target/classes"
        + " directory (run it in the project directory, or pass --classpath <project>/target/classes). Nothing was"
        + " changed.";
  }

  public static String newestIsHandWritten(String fileName) {
    return "The newest migration, " + fileName + ", is hand-written and not committed: discard deletes only"
        + " generated migrations (those starting with -- dbsync:from) and never a file you wrote. Commit it or move"
        + " it away, then run discard again. Nothing was changed.";
  }

  public static String keptSnapshotIsNotTheStart(String oldest, String from, String committed) {
    return "The committed db/dbsync/schema.json (schema " + committed + ") is not the schema " + oldest
        + " starts from (" + from + "): the snapshot was committed without its migration. Commit " + oldest
        + " too, or check out the snapshot of the last commit that had all its migrations. Nothing was changed.";
  }

  public static String workingSnapshotIsNotTheEnd(String newest, String to, String working) {
    return "db/dbsync/schema.json (schema " + working + ") is not the schema " + newest + " leads to (" + to
        + "): it was edited or restored by hand. Compile the project first (the processor rewrites it), then run"
        + " discard again. Nothing was changed.";
  }

  public static String snapshotUnreadable(String origin, String problem) {
    return "Cannot read the snapshot " + origin + ": " + problem + ". Nothing was changed.";
  }

  public static final String NOTHING_TO_DISCARD =
      "Nothing to discard: every generated migration is committed to git. (A committed migration may already be"
          + " applied elsewhere: change the records and compile to write the next one.)";

  public static final String NEXT_STEP =
      "Next: compile (mvn compile; the records' class files were removed, so it recompiles them) to write one"
          + " migration from the committed schema to the records, review it, then migrate (or sync).";

  public static String report(Discard.Result result) {
    Discard.Plan plan = result.plan();
    if (plan.migrations().isEmpty()) {
      return NOTHING_TO_DISCARD;
    }
    StringBuilder text = new StringBuilder();
    text.append("Discarded ").append(count(plan.migrations().size(), "generated migration"))
        .append(" not committed to git:\n");
    plan.migrations().forEach(m -> text.append("  ").append(m.fileName()).append('\n'));
    text.append(plan.keptSnapshot().isPresent()
        ? "Restored db/dbsync/schema.json as committed (schema " + plan.migrations().get(0).header().from() + ").\n"
        : "Deleted db/dbsync/schema.json: the repository has none committed yet.\n");
    result.database().ifPresentOrElse(
        reverted -> text.append(database(reverted)),
        () -> text.append("No database given: if your development database applied them, run discard with its"
            + " connection (it takes the database back), or recreate it.\n"));
    return text.append(NEXT_STEP).toString();
  }

  private static String database(Pusher.Reverted reverted) {
    if (reverted.versions().isEmpty()) {
      return "The development database had applied none of them: left as it was.\n";
    }
    PushResult push = reverted.push().orElseThrow();
    List<String> statements = push.statements();
    boolean one = reverted.versions().size() == 1;
    return "The development database had applied " + String.join(", ", reverted.versions().stream()
        .map(v -> "V" + v).toList()) + ": " + (one ? "its history row is" : "their history rows are")
        + " deleted and the database is back at the committed schema (" + count(statements.size(), "statement")
        + ")" + (statements.isEmpty() ? "" : ":") + "\n"
        + statements.stream().map(s -> "  " + s + "\n").reduce("", String::concat);
  }
}
