package dev.dbsync.commands;

import dev.dbsync.CheckReport;

/** {@code check}: read-only drift report; exit 0 in sync, 1 when anything is pending, edited, missing or differs. */
public final class Check implements Command {
  @Override
  public String name() {
    return "check";
  }

  @Override
  public String summary() {
    return "Compare the database with the compiled schema and the migrations; change nothing";
  }

  @Override
  public String description() {
    return """
        Reads the database in a read-only transaction and reports, grouped by table: pending migrations;
        applied migrations edited, renamed, missing or failed; every difference from the compiled schema
        (db/dbsync/schema.json) with what to do about it; objects dbsync does not manage (listed, never an error).
        Exit 0 in sync, 1 when something differs or is pending, 2 on error (database unreachable, bad option).""";
  }

  @Override
  public Outcome run(Session session) {
    CheckReport report = session.configure().check(session.dataSource());
    return outcome(report, Style.of(session.console()));
  }

  static Outcome outcome(CheckReport report, Style style) {
    return new Outcome(report.inSync() ? ExitCode.OK : ExitCode.DRIFT, Reports.text(report, style),
        Reports.json(report));
  }
}
