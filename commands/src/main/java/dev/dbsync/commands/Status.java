package dev.dbsync.commands;

import dev.dbsync.StatusReport;

/** {@code status}: the migrations as an aligned table, like {@code flyway info}. */
public final class Status implements Command {
  @Override
  public String name() {
    return "status";
  }

  @Override
  public String summary() {
    return "List applied, pending and failed migrations";
  }

  @Override
  public String description() {
    return """
        Lists every migration with its version, description, when it was applied, how long it took and its state:
        APPLIED, PENDING, FAILED, CHECKSUM_MISMATCH (the file was edited after it was applied), MISSING (applied,
        but the file is gone), BASELINE, ... Changes nothing.
        Exit 0 when everything is applied, 1 when something is pending or a migration is failed, edited or
        missing, 2 on error.""";
  }

  @Override
  public Outcome run(Session session) {
    StatusReport report = session.configure().status(session.dataSource());
    boolean clean = report.pending().isEmpty() && report.problems().isEmpty();
    return new Outcome(clean ? ExitCode.OK : ExitCode.DRIFT, Reports.text(report, Style.of(session.console())),
        Reports.json(report));
  }
}
