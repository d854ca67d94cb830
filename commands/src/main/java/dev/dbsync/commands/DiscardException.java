package dev.dbsync.commands;

/** {@code discard} refused before changing anything; the message says why and what to do. */
public final class DiscardException extends RuntimeException {
  public DiscardException(String message) {
    super(message);
  }
}
