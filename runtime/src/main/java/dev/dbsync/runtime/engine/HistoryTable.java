package dev.dbsync.runtime.engine;

import dev.dbsync.schema.model.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Flyway's schema history table: the same DDL Flyway 13's PostgreSQL support creates, the same rows, and the
 * same advisory lock key, so that Flyway and dbsync read each other's history and never migrate one database
 * at the same time.
 */
public final class HistoryTable {
  public static final String DEFAULT_NAME = "flyway_schema_history";

  /** ASCII "Flyway": Flyway adds the hash of the quoted table name to it. */
  private static final long FLYWAY_LOCK_MAGIC = 0x466C79776179L;

  private final QualifiedName name;
  private final String sql;

  public HistoryTable(QualifiedName name) {
    this.name = name;
    this.sql = quote(name.schema()) + "." + quote(name.name());
  }

  public QualifiedName name() {
    return name;
  }

  /** Flyway's key: its magic number plus the hash of {@code "schema"."table"}, as Flyway quotes it. */
  public long lockKey() {
    return FLYWAY_LOCK_MAGIC + sql.hashCode();
  }

  /** {@code "schema"."table"}. */
  public String quotedName() {
    return sql;
  }

  /** Always double-quoted, like Flyway's PostgreSQL support (its lock key depends on this spelling). */
  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private String selectAll() {
    return "SELECT installed_rank, version, description, type, script, checksum, success FROM " + sql
        + " ORDER BY installed_rank";
  }

  /**
   * The history's fingerprint as one value: the number of rows and the sum over the rows of a 64-bit hash of the
   * columns {@link Plan} validates, each text hashed with a seed of its own and its row's rank (so that equal texts
   * in other columns or rows do not cancel out). Two histories with the same fingerprint validate alike, bar a
   * collision (about 2^-64 per changed history). The server computes it without sorting or sending a row; hashing
   * each column costs half of hashing the row's text ({@code row(...)::text}).
   */
  private static final String FINGERPRINT = "count(*) || ':' || coalesce(sum(("
      + "coalesce(hashtextextended(version, installed_rank::bigint * 4), 0)"
      + " # hashtextextended(description, installed_rank::bigint * 4 + 1)"
      + " # hashtextextended(type, installed_rank::bigint * 4 + 2)"
      + " # hashtextextended(script, installed_rank::bigint * 4 + 3)"
      + " # (coalesce(checksum, 0)::bigint << 1 | success::int))::numeric), 0)";

  /** The rows and their fingerprint, read in one statement (one snapshot); the fingerprint is null without rows. */
  public record Fingerprinted(List<HistoryRow> rows, String fingerprint) {}

  /** Only the {@linkplain #FINGERPRINT fingerprint}: one row, one column. */
  public String readFingerprint(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT " + FINGERPRINT + " FROM " + sql);
        ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getString(1);
    }
  }

  /** What {@link #read} reads, with the fingerprint of the same rows as an eighth column of each row. */
  public Fingerprinted readWithFingerprint(Connection connection) throws SQLException {
    String query = "SELECT h.installed_rank, h.version, h.description, h.type, h.script, h.checksum, h.success,"
        + " f.fingerprint FROM " + sql + " h CROSS JOIN (SELECT " + FINGERPRINT + " AS fingerprint FROM " + sql
        + ") f ORDER BY h.installed_rank";
    List<HistoryRow> rows = new ArrayList<>();
    String fingerprint = null;
    try (PreparedStatement statement = connection.prepareStatement(query);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        rows.add(row(result));
        fingerprint = result.getString(8);
      }
    }
    return new Fingerprinted(rows, fingerprint);
  }

  public List<HistoryRow> read(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(selectAll())) {
      return rows(rows);
    }
  }

  private static List<HistoryRow> rows(ResultSet rows) throws SQLException {
    List<HistoryRow> history = new ArrayList<>();
    while (rows.next()) {
      history.add(row(rows));
    }
    return history;
  }

  private static HistoryRow row(ResultSet rows) throws SQLException {
    int checksum = rows.getInt(6);
    Integer nullableChecksum = rows.wasNull() ? null : checksum; // a baseline row has none
    return new HistoryRow(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4),
        rows.getString(5), nullableChecksum, rows.getBoolean(7));
  }

  /**
   * Every row with what {@code status} shows besides: who installed it, when, and how long it took. Not the
   * startup path: {@link #read} stays the narrow query.
   */
  public List<Installed> readInstalled(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT installed_rank, version, description, type, script,"
            + " checksum, success, installed_by, installed_on, execution_time FROM " + sql
            + " ORDER BY installed_rank")) {
      List<Installed> installed = new ArrayList<>();
      while (rows.next()) {
        installed.add(
            new Installed(row(rows), rows.getString(8), rows.getObject(9, LocalDateTime.class), rows.getInt(10)));
      }
      return installed;
    }
  }

  /** A history row with its bookkeeping columns. */
  public record Installed(HistoryRow row, String installedBy, LocalDateTime installedOn, int executionMillis) {}

  public boolean exists(Connection connection) throws SQLException {
    try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      exists.setString(1, sql);
      try (ResultSet rs = exists.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** Creates the table (and its schema) unless it exists; the caller holds the migration lock. */
  public void createIfMissing(Connection connection) throws SQLException {
    boolean schemaExists;
    try (PreparedStatement exists = connection.prepareStatement(
        "SELECT to_regclass(?) IS NOT NULL, to_regnamespace(?) IS NOT NULL")) {
      exists.setString(1, sql);
      exists.setString(2, quote(name.schema()));
      try (ResultSet rs = exists.executeQuery()) {
        rs.next();
        if (rs.getBoolean(1)) {
          return;
        }
        schemaExists = rs.getBoolean(2);
      }
    }
    try (Statement statement = connection.createStatement()) {
      if (!schemaExists) {
        // only when missing: CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema
        // exists, which a role that may create tables in public need not have
        statement.execute("CREATE SCHEMA " + quote(name.schema()));
      }
      // Flyway 13.12.0, PostgreSQLDatabase.getRawCreateScript, without tablespace and baseline
      statement.execute("CREATE TABLE " + sql + " (\n"
          + "    \"installed_rank\" INT NOT NULL,\n"
          + "    \"version\" VARCHAR(50),\n"
          + "    \"description\" VARCHAR(200) NOT NULL,\n"
          + "    \"type\" VARCHAR(20) NOT NULL,\n"
          + "    \"script\" VARCHAR(1000) NOT NULL,\n"
          + "    \"checksum\" INTEGER,\n"
          + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
          + "    \"installed_on\" TIMESTAMP NOT NULL DEFAULT now(),\n"
          + "    \"execution_time\" INTEGER NOT NULL,\n"
          + "    \"success\" BOOLEAN NOT NULL\n"
          + ")");
      statement.execute("ALTER TABLE " + sql + " ADD CONSTRAINT " + quote(name.name() + "_pk")
          + " PRIMARY KEY (\"installed_rank\")");
      statement.execute("CREATE INDEX " + quote(name.name() + "_s_idx") + " ON " + sql + " (\"success\")");
    }
  }

  /** Rows for applied migrations, ranks following the last one; installed_by is the session's user. */
  public void insert(Connection connection, int firstRank, List<Applied> applied) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + sql
        + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
        + " VALUES (?, ?, ?, 'SQL', ?, ?, current_user, ?, true)")) {
      int rank = firstRank;
      for (Applied a : applied) {
        insert.setInt(1, rank++);
        insert.setString(2, a.file().version().text());
        insert.setString(3, a.file().description());
        insert.setString(4, a.file().script());
        insert.setInt(5, a.checksum());
        insert.setInt(6, (int) Math.min(Integer.MAX_VALUE, a.millis()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * The row a baseline writes, as Flyway's {@code baseline} does: the migrations up to {@code version} count as
   * applied without having run.
   */
  public void insertBaseline(Connection connection, int rank, String version) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + sql
        + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
        + " VALUES (?, ?, ?, 'BASELINE', ?, NULL, current_user, 0, true)")) {
      insert.setInt(1, rank);
      insert.setString(2, version);
      insert.setString(3, BASELINE_DESCRIPTION);
      insert.setString(4, BASELINE_DESCRIPTION);
      insert.executeUpdate();
    }
  }

  /** Flyway's text for a baseline row, so that {@code flyway info} shows it as its own. */
  public static final String BASELINE_DESCRIPTION = "<< Flyway Baseline >>";

  /** Records the file's checksum and description on an applied row, as Flyway's {@code repair} realigns them. */
  public void realign(Connection connection, int rank, int checksum, String description) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE " + sql + " SET checksum = ?, description = ? WHERE installed_rank = ?")) {
      update.setInt(1, checksum);
      update.setString(2, description);
      update.setInt(3, rank);
      update.executeUpdate();
    }
  }

  /** Deletes a failed row, as Flyway's {@code repair} does. */
  public void delete(Connection connection, int rank) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + sql + " WHERE installed_rank = ?")) {
      delete.setInt(1, rank);
      delete.executeUpdate();
    }
  }

  /** Deletes the rows of these versions (applied or failed); the caller holds the migration lock. */
  public void delete(Connection connection, List<String> versions) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + sql + " WHERE version = ANY (?)")) {
      delete.setArray(1, connection.createArrayOf("varchar", versions.toArray()));
      delete.executeUpdate();
    }
  }

  /** A migration that ran in this transaction. */
  public record Applied(MigrationFile file, int checksum, long millis) {}
}
