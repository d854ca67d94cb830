package dev.dbsync.commands;

/** The exit codes every command of the CLI and the Maven plugin ends with; pipelines branch on them. */
public enum ExitCode {
  /** The command did what it was asked and the database is in sync. */
  OK(0),
  /** The command ran, and found drift, pending migrations, or an applied migration edited or missing. */
  DRIFT(1),
  /** The command could not run: database unreachable or missing, bad option, failed migration. */
  ERROR(2);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
