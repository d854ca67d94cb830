package dev.dbsync.commands;

import java.util.List;

/**
 * One command (check, status, migrate, ...). Its logic lives here once; the CLI and the Maven plugin only bind it
 * (a subcommand, a goal), so both have the same names, options, reports and exit codes.
 */
public interface Command {
  /** {@code check}: the CLI's subcommand and Maven's goal. */
  String name();

  /** One line for the list of commands. */
  String summary();

  /** What it does, when to use it and its exit codes, for {@code dbsync help <command>}. */
  String description();

  /** The options it takes; in the CLI its subcommand's options, in Maven what its goal passes on. */
  default List<Option> options() {
    return Option.ALL;
  }

  /**
   * Whether it reads the compiled project ({@code db/migration}, {@code db/dbsync/schema.json}); {@code pull}
   * writes a project that may not exist yet.
   */
  default boolean readsProject() {
    return true;
  }

  /**
   * Runs with the session's options and returns the report; {@link Commands#run} prints it. A failure (database
   * unreachable, bad option, failed migration) is thrown, and becomes exit 2 with its message.
   */
  Outcome run(Session session);
}
