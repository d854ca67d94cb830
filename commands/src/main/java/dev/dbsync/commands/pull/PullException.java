package dev.dbsync.commands.pull;

/** {@code pull} refused or failed; the message names the object, the setting or the files, and the fix. */
public final class PullException extends RuntimeException {
  public PullException(String message) {
    super(message);
  }

  public PullException(String message, Throwable cause) {
    super(message, cause);
  }
}
