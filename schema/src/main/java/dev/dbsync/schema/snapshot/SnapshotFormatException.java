package dev.dbsync.schema.snapshot;

/** A snapshot file that cannot be read; the message names the place and what is wrong. */
public final class SnapshotFormatException extends RuntimeException {
  public SnapshotFormatException(String message) {
    super(message);
  }

  public SnapshotFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
