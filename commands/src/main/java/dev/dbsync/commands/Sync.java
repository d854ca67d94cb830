package dev.dbsync.commands;

import static dev.dbsync.commands.JsonValues.object;

import dev.dbsync.ApplyResult;
import dev.dbsync.CheckReport;

/**
 * {@code sync}: development's one command. Stops when something was changed by hand; otherwise applies what is
 * pending and checks again.
 */
public final class Sync implements Command {
  @Override
  public String name() {
    return "sync";
  }

  @Override
  public String summary() {
    return "Development's loop: check nothing was changed by hand, apply what is pending, check again";
  }

  @Override
  public String description() {
    return """
        Checks that nothing was changed by hand (stops with the check report if it was), applies the pending
        migrations as migrate does, then checks again. With Maven it runs after compile, so
        `mvn compile dbsync:sync` generates the migration from your edited records and applies it.
        Exit 0 when the database is in sync afterwards, 1 when sync stopped or something still differs, 2 on
        error.""";
  }

  @Override
  public Outcome run(Session session) {
    Style style = Style.of(session.console());
    CheckReport before = session.configure().check(session.dataSource());
    if (before.changedByHand()) {
      Outcome check = Check.outcome(before, style);
      return new Outcome(ExitCode.DRIFT, check.text() + "\n\n" + style.red(CommandMessages.syncStopped()),
          object("stopped", true, "before", check.json(), "applied", null, "after", null));
    }
    StringBuilder text = new StringBuilder();
    Object applied = null;
    if (before.pending().isEmpty()) {
      text.append(CommandMessages.syncNothingPending()).append('\n');
    } else {
      Outcome migrate = new Migrate().run(session);
      text.append(migrate.text()).append("\n\n");
      applied = migrate.json();
    }
    CheckReport after = session.configure().check(session.dataSource());
    Outcome check = Check.outcome(after, style);
    text.append(check.text());
    return new Outcome(check.exitCode(), text.toString(),
        object("stopped", false, "before", Reports.json(before), "applied", applied, "after", check.json()));
  }
}
