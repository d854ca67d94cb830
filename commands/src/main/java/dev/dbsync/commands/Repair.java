package dev.dbsync.commands;

import dev.dbsync.RepairResult;

/** {@code repair}: records the checksums of reviewed edits and removes failed rows, as Flyway's repair. */
public final class Repair implements Command {
  @Override
  public String name() {
    return "repair";
  }

  @Override
  public String summary() {
    return "After a review: record the checksums of edited applied migrations and delete failed rows";
  }

  @Override
  public String description() {
    return """
        Run it after you reviewed why migrate refused: records the current checksum (and description) of applied
        migrations whose file was edited, and deletes the rows of failed migrations, as Flyway's repair does. It
        changes the history table only, never your tables. An applied migration whose file is missing is
        reported, not forgotten: restore the file.
        Exit 0 when the history is clean afterwards, 1 when something is left that repair cannot fix, 2 on
        error.""";
  }

  @Override
  public Outcome run(Session session) {
    RepairResult result = session.configure().repair(session.dataSource());
    return new Outcome(result.unresolved().isEmpty() ? ExitCode.OK : ExitCode.DRIFT,
        Reports.text(result, Style.of(session.console())), Reports.json(result));
  }
}
