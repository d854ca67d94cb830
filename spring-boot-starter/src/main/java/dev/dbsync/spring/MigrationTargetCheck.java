package dev.dbsync.spring;

import javax.sql.DataSource;

/** A check that runs before the startup apply and refuses it by throwing (the Flyway conflict guard). */
@FunctionalInterface
interface MigrationTargetCheck {
  void check(DataSource target);
}
