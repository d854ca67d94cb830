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

  /** What it does, when to use it and its exit codes, for {@code dbsync <command> --help}. */
  String description();

  /**
   * Options of this command besides {@link Option#ALL} (which every command takes): the CLI adds them to the
   * subcommand, a Maven goal declares them as parameters and hands them over in its {@code options()}.
   */
  default List<Option> options() {
    return List.of();
  }

  /**
   * Runs with the session's options and returns the report; {@link Commands#run} prints it. A failure (database
   * unreachable, bad option, failed migration) is thrown, and becomes exit 2 with its message.
   */
  Outcome run(Session session);
}
