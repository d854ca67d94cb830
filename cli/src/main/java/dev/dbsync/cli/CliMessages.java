package dev.dbsync.cli;

import java.nio.file.Path;

/** The CLI's own texts: its help around the commands' descriptions, and class path errors. */
final class CliMessages {
  private CliMessages() {}

  static final String[] DESCRIPTION = {
    "%nKeeps a PostgreSQL database in step with the migrations and the compiled schema that the dbsync"
        + " annotation processor writes (db/migration/V*.sql and db/dbsync/schema.json).",
    "%nTypical use:",
    "  development:   mvn compile  then  dbsync sync",
    "  CI and deploy: dbsync check  then  dbsync migrate --mode production",
    "  adopt a database: dbsync pull --package com.example.db, mvn compile, dbsync baseline, dbsync check",
    "%nThe database comes from --url/--user/--password or DBSYNC_URL/DBSYNC_USER/DBSYNC_PASSWORD; the"
        + " migrations from --classpath (a target/classes directory or an application jar; default"
        + " target/classes)."
  };

  static final String FOOTER = "Run 'dbsync <command> --help' for a command's options. Exit codes: 0 in sync or"
      + " done, 1 drift or pending or an edited/missing applied migration, 2 error (nothing changed).";

  static final String COMMAND_FOOTER = "Exit codes: 0 in sync or done, 1 drift or pending or an edited/missing"
      + " applied migration, 2 error. Durations: 500ms, 5s, 2m, 1h.";

  static final String CLASSPATH_DESCRIPTION = "where db/migration and db/dbsync/schema.json are read: a"
      + " directory or jar, several separated by the platform's path separator (default target/classes)";

  static String classpathMissing(Path path) {
    return "--classpath " + path + " does not exist: give the application jar or the compiled classes directory"
        + " (target/classes) that holds db/migration and db/dbsync/schema.json.";
  }

  static String defaultClasspathMissing(Path path) {
    return "No compiled project here: " + path + " does not exist. Run 'mvn compile' first, run dbsync in the"
        + " module's directory, or pass --classpath <dir|jar>.";
  }
}
