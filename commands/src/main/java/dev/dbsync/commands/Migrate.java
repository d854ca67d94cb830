package dev.dbsync.commands;

import dev.dbsync.ApplyResult;

/** {@code migrate}: {@code DbSync.apply} with the configured mode. */
public final class Migrate implements Command {
  @Override
  public String name() {
    return "migrate";
  }

  @Override
  public String summary() {
    return "Apply the pending migrations (one transaction, verified before commit)";
  }

  @Override
  public String description() {
    return """
        Applies the pending migrations under db/migration exactly as the application's DbSync.apply does: one
        transaction under the migration lock, the result compared with the compiled schema before commit, rolled
        back on any failure. In production mode, destructive migrations need --allow-destructive, and the tables
        they change are backed up first.
        Exit 0 when applied (or nothing was pending), 2 when anything failed (nothing was applied then).""";
  }

  @Override
  public Outcome run(Session session) {
    if (session.console().terminal()) {
      session.console().err(CommandMessages.migrating(session.target()));
    }
    ApplyResult result = session.configure().apply(session.dataSource());
    return new Outcome(ExitCode.OK, Reports.text(result), Reports.json(result));
  }
}
