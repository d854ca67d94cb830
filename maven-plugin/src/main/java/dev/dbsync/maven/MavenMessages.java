package dev.dbsync.maven;

import java.io.File;

/** The plugin's own texts; the reports and errors themselves are the commands'. */
final class MavenMessages {
  private MavenMessages() {}

  static String notCompiled(File classes, String goal) {
    return classes + " does not exist: compile first, e.g. mvn compile dbsync:" + goal;
  }

  static String drift(String goal) {
    return "dbsync:" + goal + " found the database out of sync (exit code 1): see the report above.";
  }

  static String error(String goal) {
    return "dbsync:" + goal + " failed (exit code 2): see the error above.";
  }
}
