package dev.dbsync.commands;

/** A command was called wrongly (a missing or invalid option): exit 2 before anything runs. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
