package dev.dbsync.runtime.engine;

import static dev.dbsync.runtime.engine.Connections.withConnection;

import dev.dbsync.MigrationException;
import dev.dbsync.RestoreResult;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.sql.Identifiers;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Puts back what an allowed destructive migration dropped, from production mode's copies in
 * {@value TableBackup#SCHEMA} and the definitions recorded with them ({@link TableBackup#COPIES}): a dropped
 * table is created again with its columns, defaults, NOT NULL, keys, checks, foreign keys and indexes, and its
 * rows; a dropped column is added again and its values are set through the primary key, then its NOT NULL and
 * the constraints and indexes on it are restored. One transaction under the migration lock; every change is
 * listed in the result and recorded in {@code dbsync_backup.dbsync_restores}. The history table is not touched:
 * the migration stays applied (Flyway would refuse a history that names a migration the files do not have).
 */
public final class Restorer {
  private final Settings settings;
  private final HistoryTable history;

  public Restorer(Settings settings) {
    this.settings = settings;
    this.history = new HistoryTable(settings.historyTable());
  }

  /** One copy and what it was taken from. */
  private record Copy(String copyTable, QualifiedName source) {}

  private record ColumnDefinition(String name, String type, String defaultExpression, boolean notNull) {
    String sql() {
      return Identifiers.quote(name) + " " + type + (defaultExpression == null ? "" : " DEFAULT " + defaultExpression);
    }
  }

  private record Definition(String name, String type, String sql, List<String> columns) {}

  public RestoreResult restore(DataSource dataSource, String version) {
    String wanted = version.strip().replaceFirst("^[Vv]", "");
    MigrationVersion parsed = MigrationVersion.parseOrNull(wanted);
    if (parsed == null) {
      throw new IllegalArgumentException(EngineMessages.invalidDestructiveVersion(version));
    }
    return withConnection(dataSource, connection -> {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT " + settings.timeouts(true) + ", pg_advisory_xact_lock(" + history.lockKey() + ")");
      }
      List<Copy> copies = copies(connection, parsed.text());
      List<String> changes = new ArrayList<>();
      for (Copy copy : copies) { // tables and columns first, so that foreign keys find what they reference
        changes.addAll(restoreRows(connection, copy));
      }
      for (String kind : List.of("keys", "foreign keys", "indexes")) {
        for (Copy copy : copies) {
          restoreMissing(connection, copy, kind);
        }
      }
      if (changes.isEmpty()) {
        changes.add(EngineMessages.restoreNothingMissing(copies.stream().map(c -> c.source().toString()).toList()));
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS " + TableBackup.SCHEMA + ".dbsync_restores (version text NOT NULL,"
            + " restored_at timestamptz NOT NULL DEFAULT now(), restored_by text NOT NULL DEFAULT current_user,"
            + " changes text[] NOT NULL)");
      }
      try (PreparedStatement record = connection.prepareStatement(
          "INSERT INTO " + TableBackup.SCHEMA + ".dbsync_restores (version, changes) VALUES (?, ?)")) {
        record.setString(1, parsed.text());
        record.setArray(2, connection.createArrayOf("text", changes.toArray()));
        record.executeUpdate();
      }
      connection.commit();
      return new RestoreResult(parsed.text(), changes);
    });
  }

  private List<Copy> copies(Connection connection, String version) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      query.setString(1, TableBackup.COPIES);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new MigrationException(EngineMessages.restoreWithoutCopies(version));
        }
      }
    }
    List<Copy> copies = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT copy_table, source_schema, source_table FROM "
        + TableBackup.COPIES + " WHERE version = ? ORDER BY copied_at DESC, copy_table")) {
      query.setString(1, version);
      Set<QualifiedName> seen = new HashSet<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          QualifiedName source = QualifiedName.of(rs.getString(2), rs.getString(3));
          if (seen.add(source)) { // the newest copy of a table, when the migration was applied more than once
            copies.add(new Copy(rs.getString(1), source));
          }
        }
      }
    }
    if (copies.isEmpty()) {
      throw new MigrationException(EngineMessages.restoreWithoutCopies(version));
    }
    return copies;
  }

  /** Creates the table again with its rows, or adds its missing columns with their values; returns what it did. */
  private List<String> restoreRows(Connection connection, Copy copy) throws SQLException {
    List<ColumnDefinition> columns = columns(connection, copy.copyTable());
    List<Definition> constraints = definitions(connection, copy.copyTable(), "constraints");
    String table = Identifiers.quote(copy.source());
    String backup = Identifiers.quote(QualifiedName.of(TableBackup.SCHEMA, copy.copyTable()));
    List<String> existing = existingColumns(connection, table);
    List<String> statements = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    if (existing == null) {
      String names = String.join(", ", columns.stream().map(c -> Identifiers.quote(c.name())).toList());
      statements.add("CREATE TABLE " + table + " (" + String.join(", ", columns.stream()
          .map(c -> c.sql() + (c.notNull() ? " NOT NULL" : "")).toList()) + ")");
      statements.add("INSERT INTO " + table + " (" + names + ") SELECT " + names + " FROM " + backup);
      changes.add(EngineMessages.restoredTable(copy.source().toString(), copy.copyTable(), rowCount(connection, backup),
          constraints.size(), definitions(connection, copy.copyTable(), "indexes").size()));
    } else {
      List<ColumnDefinition> missing = columns.stream().filter(c -> !existing.contains(c.name())).toList();
      if (missing.isEmpty()) {
        return List.of();
      }
      Set<String> missingNames = new HashSet<>(missing.stream().map(ColumnDefinition::name).toList());
      Definition key = constraints.stream().filter(c -> c.type().equals("p")).findFirst()
          .orElseThrow(() -> new MigrationException(EngineMessages.restoreWithoutKey(copy.source().toString())));
      if (key.columns().stream().anyMatch(missingNames::contains)) {
        throw new MigrationException(EngineMessages.restoreWithoutKey(copy.source().toString()));
      }
      for (ColumnDefinition column : missing) {
        statements.add("ALTER TABLE " + table + " ADD COLUMN " + column.sql());
      }
      statements.add("UPDATE " + table + " t SET " + String.join(", ", missing.stream()
              .map(c -> Identifiers.quote(c.name()) + " = b." + Identifiers.quote(c.name())).toList())
          + " FROM " + backup + " b WHERE " + String.join(" AND ", key.columns().stream()
              .map(k -> "b." + Identifiers.quote(k) + " = t." + Identifiers.quote(k)).toList()));
      for (ColumnDefinition column : missing) {
        if (column.notNull()) {
          statements.add("ALTER TABLE " + table + " ALTER COLUMN " + Identifiers.quote(column.name()) + " SET NOT NULL");
        }
        changes.add(EngineMessages.restoredColumn(copy.source().toString(), column.name(), copy.copyTable(),
            String.join(", ", key.columns())));
      }
    }
    execute(connection, statements);
    return changes;
  }

  /** Adds the recorded keys and checks, foreign keys or indexes of the table that it does not have now. */
  private void restoreMissing(Connection connection, Copy copy, String kind) throws SQLException {
    String table = Identifiers.quote(copy.source());
    List<String> statements = new ArrayList<>();
    if (kind.equals("indexes")) {
      for (Definition index : definitions(connection, copy.copyTable(), "indexes")) {
        if (!exists(connection, "SELECT to_regclass(?) IS NOT NULL",
            Identifiers.quote(QualifiedName.of(copy.source().schema(), index.name())), null)) {
          statements.add(index.sql());
        }
      }
    } else {
      boolean foreign = kind.equals("foreign keys");
      for (Definition constraint : definitions(connection, copy.copyTable(), "constraints")) {
        if (constraint.type().equals("f") == foreign && !exists(connection, "SELECT EXISTS (SELECT 1 FROM pg_constraint"
            + " WHERE conrelid = to_regclass(?) AND conname = ?)", table, constraint.name())) {
          statements.add(addConstraint(table, constraint));
        }
      }
    }
    execute(connection, statements);
  }

  private static boolean exists(Connection connection, String sql, String first, String second) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, first);
      if (second != null) {
        query.setString(2, second);
      }
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static void execute(Connection connection, List<String> statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          Connections.rollbackQuietly(connection);
          throw new MigrationException(EngineMessages.restoreFailed(sql, e), null, sql, e.getSQLState(), e);
        }
      }
    }
  }

  private static String addConstraint(String table, Definition constraint) {
    return "ALTER TABLE " + table + " ADD CONSTRAINT " + Identifiers.quote(constraint.name()) + " " + constraint.sql();
  }

  private static long rowCount(Connection connection, String backup) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + backup)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The table's columns now, or null when it does not exist. */
  private static List<String> existingColumns(Connection connection, String table) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL,"
        + " ARRAY(SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass(?) AND attnum > 0"
        + " AND NOT attisdropped)")) {
      query.setString(1, table);
      query.setString(2, table);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getBoolean(1) ? Arrays.asList((String[]) rs.getArray(2).getArray()) : null;
      }
    }
  }

  private static List<ColumnDefinition> columns(Connection connection, String copyTable) throws SQLException {
    List<ColumnDefinition> columns = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT c->>'name', c->>'type', c->>'default',"
        + " (c->>'not_null')::boolean FROM " + TableBackup.COPIES + ", jsonb_array_elements(columns)"
        + " WITH ORDINALITY AS x(c, n) WHERE copy_table = ? ORDER BY n")) {
      query.setString(1, copyTable);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          columns.add(new ColumnDefinition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
        }
      }
    }
    return columns;
  }

  /** Constraints (keys and checks before foreign keys) or indexes, as recorded. */
  private static List<Definition> definitions(Connection connection, String copyTable, String kind)
      throws SQLException {
    List<Definition> definitions = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT d->>'name', coalesce(d->>'type', ''),"
        + " d->>'definition', ARRAY(SELECT jsonb_array_elements_text(coalesce(d->'columns', '[]')))"
        + " FROM " + TableBackup.COPIES + ", jsonb_array_elements(" + kind + ") WITH ORDINALITY AS x(d, n)"
        + " WHERE copy_table = ? ORDER BY n")) {
      query.setString(1, copyTable);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Array names = rs.getArray(4);
          definitions.add(new Definition(rs.getString(1), rs.getString(2), rs.getString(3),
              Arrays.asList((String[]) names.getArray())));
        }
      }
    }
    return definitions;
  }
}
