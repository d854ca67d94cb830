package dev.dbsync.spring;

/** The starter's messages, for the code and its tests. */
final class StarterMessages {
  private StarterMessages() {}

  static String flywayConflict(String flywayInitializers) {
    return "dbsync and Flyway's auto-configuration would both migrate the same database (Flyway's "
        + flywayInitializers + " and dbsync read db/migration and write the same history table). Disable one: "
        + "spring.flyway.enabled=false to let dbsync migrate, or dbsync.enabled=false to keep Flyway.";
  }

  static String noDataSource() {
    return "dbsync found no single DataSource to migrate: several DataSource beans and none is @Primary. Mark one "
        + "@Primary, or set dbsync.url (with dbsync.user and dbsync.password) for a dedicated migration connection.";
  }

  static String userWithoutUrl() {
    return "dbsync.user is set but neither dbsync.url nor spring.datasource.url says which database to connect "
        + "to: set dbsync.url.";
  }

  static String invalidAllowDestructive(String value, String problem) {
    return "Invalid dbsync.allow-destructive '" + value + "': expected true, false or a comma-separated list of "
        + "migration versions such as 5,7 (" + problem + ").";
  }

  static String applyFailed() {
    return "dbsync could not apply the pending migrations; the database is as it was before startup.";
  }

  static String applyFailedAction() {
    return "Fix the migration or the setting named above and start again. To start without applying, set "
        + "dbsync.enabled=false.";
  }
}
