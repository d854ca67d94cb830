package dev.dbsync.runtime.engine;

/** One row of Flyway's schema history table, as dbsync reads it. */
public record HistoryRow(
    int installedRank, String version, String description, String type, String script, Integer checksum,
    boolean success) {

  /** The row Flyway writes when it created the schema itself (rank 0): no migration. */
  public boolean isSchemaMarker() {
    return "SCHEMA".equals(type);
  }

  public boolean isBaseline() {
    return "BASELINE".equals(type) || "JDBC_BASELINE".equals(type) || "SQL_BASELINE".equals(type);
  }

  /** A row written by Flyway's {@code repair} to mark an earlier row of the same version as deleted. */
  public boolean isDeleteMarker() {
    return "DELETE".equals(type);
  }
}
