package dev.dbsync.commands;

import static dev.dbsync.commands.JsonValues.object;

import dev.dbsync.BaselineResult;

/** {@code baseline}: adopts a database that already matches the compiled schema. */
public final class Baseline implements Command {
  @Override
  public String name() {
    return "baseline";
  }

  @Override
  public String summary() {
    return "Adopt an existing database that matches the compiled schema, without running its migrations";
  }

  @Override
  public String description() {
    return """
        For a database built without dbsync's history (pushed, made by hand or by another tool) that already
        matches the compiled schema: records the current migrations as applied, without running them (Flyway's
        baseline row at the latest version), under the migration lock. From then on migrate applies only newer
        migrations. Refuses, showing the check report, when the database does not match.
        Exit 0 when baselined, 1 when refused because the database differs, 2 on error (for instance a database
        that already has a history).""";
  }

  @Override
  public Outcome run(Session session) {
    BaselineResult result = session.configure().baseline(session.dataSource());
    if (!result.baselined()) {
      Outcome check = Check.outcome(result.refusal(), Style.of(session.console()));
      return new Outcome(ExitCode.DRIFT, check.text() + "\n\n" + CommandMessages.baselineRefused(),
          object("baselined", false, "check", check.json()));
    }
    return new Outcome(ExitCode.OK, CommandMessages.baselined(result.version(), result.covered().size()),
        object("baselined", true, "version", result.version(), "covered", result.covered(),
            "millis", result.duration().toMillis()));
  }
}
