package dev.dbsync.commands;

/**
 * Where a command prints. The report goes to {@link #out} (stdout: with {@code --format json}, the JSON document
 * and nothing else); progress and errors go to {@link #err}.
 */
public interface Console {
  void out(String text);

  void err(String text);

  /** A person is watching: colours and progress lines are welcome. False in CI logs and pipes. */
  boolean terminal();
}
