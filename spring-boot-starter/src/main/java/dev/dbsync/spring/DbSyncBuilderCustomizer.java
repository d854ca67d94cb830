package dev.dbsync.spring;

import dev.dbsync.DbSync;

/**
 * Changes the auto-configured {@link DbSync.Builder} after the {@code dbsync.*} properties were applied to it, so
 * what the code sets here wins over properties and {@code DBSYNC_*} variables alike (as Flyway's
 * {@code FlywayConfigurationCustomizer} does).
 */
@FunctionalInterface
public interface DbSyncBuilderCustomizer {
  void customize(DbSync.Builder builder);
}
