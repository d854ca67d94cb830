package dev.dbsync.commands;

import static dev.dbsync.commands.JsonValues.object;

import dev.dbsync.DbSync;
import dev.dbsync.PushResult;

/** {@code push}: development's direct push of the compiled schema; refused in production before connecting. */
public final class Push implements Command {
  @Override
  public String name() {
    return "push";
  }

  @Override
  public String summary() {
    return "Development only: make the database match the compiled schema directly, without migrations";
  }

  @Override
  public String description() {
    return """
        Changes the tables and enum types the compiled schema declares until they match it, in one transaction,
        without writing a migration or a history row: for a throwaway development database. Leaves undeclared
        objects alone; refuses renames, and destructive changes unless --allow-destructive true. Running it again
        does nothing. Refused in production mode, before connecting: use migrate.
        Exit 0 when the database matches, 2 when refused or failed (nothing changed then).""";
  }

  @Override
  public Outcome run(Session session) {
    if (session.mode() == DbSync.Mode.PRODUCTION) {
      String refusal = CommandMessages.pushRefusedInProduction();
      return new Outcome(ExitCode.ERROR, refusal, object("error", refusal));
    }
    PushResult result = session.configure().push(session.dataSource());
    return new Outcome(ExitCode.OK, result.summary(), Reports.json(result));
  }
}
