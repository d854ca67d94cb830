package dev.dbsync.commands;

import dev.dbsync.runtime.engine.Settings;

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
}
