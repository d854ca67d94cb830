package dev.dbsync.commands;

import dev.dbsync.PushResult;
import dev.dbsync.runtime.engine.Pusher;
import java.nio.file.Path;
import java.util.List;

/** Every text {@code discard} shows a user; the tests assert with the same methods. */
public final class DiscardMessages {
  private DiscardMessages() {}

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

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
