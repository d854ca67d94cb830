package dev.dbsync.commands;

import static dev.dbsync.commands.JsonValues.object;

import dev.dbsync.CheckReport;
import dev.dbsync.DbSync;

/**
 * {@code auto}: chooses the command from the mode and the database (production → migrate; a history → sync; empty →
 * migrate; no history but matching → suggest baseline; no history and different → push, refused in production),
 * says what it chose and why, and runs it.
 */
public final class Auto implements Command {
  @Override
  public String name() {
    return "auto";
  }

  @Override
  public String summary() {
    return "Choose migrate, sync, push or baseline for this database, say why, and run it";
  }

  @Override
  public String description() {
    return """
        Looks at the mode and the database, then: in production mode runs migrate (but refuses a database with
        tables and no history that differs from the schema: production never pushes); on a database with a
        migration history runs sync; on an empty database runs migrate; on a database without history that
        already matches the compiled schema suggests baseline (and changes nothing); on one without history that
        differs (a pushed development database) runs push. The first line says what it chose and why.
        Exit codes are those of the command chosen; 1 when it only suggests baseline.""";
  }

  @Override
  public Outcome run(Session session) {
    boolean production = session.mode() == DbSync.Mode.PRODUCTION;
    CheckReport facts = session.configure().check(session.dataSource());
    boolean adoptable = !facts.historyPresent() && !facts.emptyDatabase();
    if (adoptable && facts.snapshotPresent() && facts.schemaMatches()) {
      String text = CommandMessages.autoSuggestBaseline();
      return new Outcome(ExitCode.DRIFT, text, object("chose", "baseline", "because", text, "ran", false,
          "result", null));
    }
    if (adoptable && production) {
      String text = CommandMessages.autoRefusedInProduction();
      return new Outcome(ExitCode.ERROR, text, object("chose", null, "because", text, "ran", false,
          "result", null));
    }
    Command chosen;
    String why;
    if (production) {
      chosen = new Migrate();
      why = CommandMessages.AUTO_PRODUCTION;
    } else if (facts.historyPresent()) {
      chosen = new Sync();
      why = CommandMessages.AUTO_HISTORY;
    } else if (facts.emptyDatabase()) {
      chosen = new Migrate();
      why = CommandMessages.AUTO_EMPTY;
    } else {
      chosen = new Push();
      why = CommandMessages.AUTO_PUSHED;
    }
    Outcome outcome = chosen.run(session);
    return new Outcome(outcome.exitCode(), CommandMessages.autoChose(chosen.name(), why) + "\n" + outcome.text(),
        object("chose", chosen.name(), "because", why, "ran", true, "result", outcome.json()));
  }
}
