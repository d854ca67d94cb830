package dev.dbsync.commands;

import static dev.dbsync.commands.JsonValues.object;

import dev.dbsync.MigrationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The commands, and the one way to run one: its report printed, failures worded, an exit code returned. */
public final class Commands {
  private Commands() {}

  /** Every command, in the order {@code --help} lists them. */
  public static List<Command> all() {
    return List.of(new Check(), new Status(), new Migrate(), new Sync(), new Push(), new Auto(), new Baseline(),
        new Repair(), new Discard(), new PullCommand());
  }

  public static Optional<Command> named(String name) {
    return all().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * Runs {@code command} and prints its report: as text, or with {@code --format json} as one JSON document on
   * stdout (and nothing else there). A failure prints its message (PostgreSQL's error and the statement, for a
   * failed migration) and returns {@link ExitCode#ERROR}; nothing printed contains the password.
   */
  public static ExitCode run(Command command, Session session) {
    Console console = session.console();
    Session.Format format;
    try {
      format = session.format();
    } catch (UsageException e) {
      console.err(session.redact(e.getMessage()));
      return ExitCode.ERROR;
    }
    Outcome outcome;
    try {
      outcome = command.run(session);
    } catch (MigrationException | UsageException | IllegalArgumentException | UncheckedIOException e) {
      outcome = failure(e.getMessage());
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      outcome = failure(CommandMessages.unexpected(e.toString()) + "\n" + trace);
    }
    if (format == Session.Format.JSON) {
      Map<String, Object> document = object("command", command.name(), "exitCode", outcome.exitCode().code(),
          "result", outcome.json());
      console.out(session.redact(JsonValues.write(document)));
      if (outcome.exitCode() == ExitCode.ERROR) {
        console.err(session.redact(outcome.text()));
      }
    } else if (outcome.exitCode() == ExitCode.ERROR) {
      console.err(session.redact(outcome.text()));
    } else {
      console.out(session.redact(outcome.text()));
    }
    return outcome.exitCode();
  }

  private static Outcome failure(String message) {
    return new Outcome(ExitCode.ERROR, message, object("error", message));
  }
}
