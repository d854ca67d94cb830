package dev.dbsync.runtime.engine;

import dev.dbsync.schema.lint.RiskyStatements;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.sql.Identifiers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Production mode's backup of the tables a destructive migration touches: before the migration's statements, in
 * the same transaction, each table named in its {@code -- dbsync:destructive} lines, and each table its
 * statements drop, empty, delete from, drop a column of or narrow a column of (also the tables of a dropped
 * schema and those with a column of a dropped or changed enum type), is copied whole into schema
 * {@value #SCHEMA} as {@code <table>_v<version>} (schema-prefixed outside {@code public}). The copy commits with
 * the migration, so a committed destructive change can still be undone by hand
 * ({@code INSERT INTO t SELECT * FROM dbsync_backup.t_v5}, or a column back through the primary key).
 */
final class TableBackup {
  static final String SCHEMA = "dbsync_backup";

  /**
   * What each copy was taken from: the table's columns, constraints and indexes as PostgreSQL describes them
   * ({@code format_type}, {@code pg_get_expr}, {@code pg_get_constraintdef}, {@code pg_get_indexdef}) just before
   * the destructive migration ran, which verify-before-commit had checked against the snapshot of the version
   * before. {@code DbSync.restore} rebuilds dropped tables and columns from it.
   */
  static final String COPIES = SCHEMA + ".dbsync_copies";

  private static final String DEFINITION = """
      INSERT INTO dbsync_backup.dbsync_copies
             (copy_table, version, source_schema, source_table, columns, constraints, indexes)
      SELECT ?, ?, ?, ?,
             coalesce((SELECT jsonb_agg(jsonb_build_object('name', a.attname,
                         'type', format_type(a.atttypid, a.atttypmod), 'default', pg_get_expr(d.adbin, d.adrelid),
                         'not_null', a.attnotnull) ORDER BY a.attnum)
                         FROM pg_attribute a
                         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                        WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped), '[]'),
             coalesce((SELECT jsonb_agg(jsonb_build_object('name', c.conname, 'type', c.contype,
                         'definition', pg_get_constraintdef(c.oid),
                         'columns', coalesce((SELECT jsonb_agg(a.attname) FROM pg_attribute a
                                      WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)), '[]'))
                         ORDER BY c.contype = 'f', c.conname)
                         FROM pg_constraint c WHERE c.conrelid = t.oid), '[]'),
             coalesce((SELECT jsonb_agg(jsonb_build_object('name', ic.relname,
                         'definition', pg_get_indexdef(i.indexrelid),
                         'columns', coalesce((SELECT jsonb_agg(a.attname) FROM pg_attribute a
                                      WHERE a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])), '[]'))
                         ORDER BY ic.relname)
                         FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                        WHERE i.indrelid = t.oid
                          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid
                                             AND k.conrelid = t.oid)), '[]')
        FROM (SELECT to_regclass(?) AS oid) t""";

  private TableBackup() {}

  private static void recordDefinition(
      Connection connection, MigrationVersion version, QualifiedName table, QualifiedName copy) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(DEFINITION)) {
      insert.setString(1, copy.name());
      insert.setString(2, version.text());
      insert.setString(3, table.schema());
      insert.setString(4, table.name());
      insert.setString(5, Identifiers.quote(table));
      insert.executeUpdate();
    }
  }

  /**
   * {@code name}, or {@code name__2}, ... when a copy of that name exists already: a database restored from a
   * dump taken before the migration still holds the copy of its first run, and re-applying must neither fail
   * nor overwrite that copy.
   */
  private static QualifiedName freeName(Connection connection, String name) throws SQLException {
    try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      for (int n = 1; ; n++) {
        QualifiedName candidate = QualifiedName.of(SCHEMA, n == 1 ? name : name + "__" + n);
        exists.setString(1, Identifiers.quote(candidate));
        try (ResultSet rs = exists.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1)) {
            return candidate;
          }
        }
      }
    }
  }

  /**
   * Copies the tables; returns what was copied where ({@code public.t -> dbsync_backup.t_v2}).
   *
   * @param narrowing the migration's type changes that narrow a column (see {@link PreparedMigration#typeChanges})
   */
  static List<String> copy(
      Connection connection, PreparedMigration migration, List<RiskyStatements.DataLoss> narrowing, int retention)
      throws SQLException {
    Set<QualifiedName> affected = new LinkedHashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet tables = statement.executeQuery("SELECT n.nspname, c.relname FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema', '" + SCHEMA + "')"
            + " AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1, 2")) {
      while (tables.next()) {
        QualifiedName table = QualifiedName.of(tables.getString(1), tables.getString(2));
        if (migration.destructive().stream().anyMatch(change -> names(change, table))) {
          affected.add(table);
        }
      }
    }
    for (RiskyStatements.DataLoss loss : migration.dataLoss()) {
      if (loss.kind() != RiskyStatements.Kind.TYPE_CHANGE) {
        affected.addAll(touched(connection, loss));
      }
    }
    for (RiskyStatements.DataLoss loss : narrowing) {
      affected.addAll(touched(connection, loss));
    }
    List<String> copies = new ArrayList<>();
    if (affected.isEmpty()) {
      return copies;
    }
    try (Statement statement = connection.createStatement()) {
      try (ResultSet exists = statement.executeQuery("SELECT to_regnamespace('" + SCHEMA + "') IS NOT NULL")) {
        exists.next();
        if (!exists.getBoolean(1)) {
          statement.execute("CREATE SCHEMA " + SCHEMA); // IF NOT EXISTS would need CREATE on the database
        }
      }
      statement.execute("CREATE TABLE IF NOT EXISTS " + COPIES + " (copy_table text PRIMARY KEY, version text NOT NULL,"
          + " source_schema text NOT NULL, source_table text NOT NULL, columns jsonb NOT NULL,"
          + " constraints jsonb NOT NULL, indexes jsonb NOT NULL, copied_at timestamptz NOT NULL DEFAULT now())");
      for (QualifiedName table : affected) {
        QualifiedName copy = freeName(connection, copyName(table, migration.file().version()));
        statement.execute("CREATE TABLE " + Identifiers.quote(copy) + " AS TABLE " + Identifiers.quote(table));
        recordDefinition(connection, migration.file().version(), table, copy);
        copies.add(table + " -> " + copy);
        if (retention > 0) {
          prune(statement, table, retention);
        }
      }
    }
    return copies;
  }

  /**
   * The existing tables whose rows a statement can lose, as PostgreSQL resolves the names written in it (with
   * the session's search_path); a table the migration itself creates first does not exist yet and is not copied.
   */
  private static List<QualifiedName> touched(Connection connection, RiskyStatements.DataLoss loss)
      throws SQLException {
    String tablesOf = switch (loss.kind()) {
      case DROP_TABLE, DROP_COLUMN, TRUNCATE, DELETE, TYPE_CHANGE -> "c.oid = to_regclass(?)";
      case DROP_SCHEMA -> "c.relnamespace = to_regnamespace(?)";
      case DROP_TYPE, DROP_ENUM_VALUE, RENAME_ENUM_VALUE -> "c.oid IN (SELECT a.attrelid FROM pg_attribute a"
          + " WHERE a.atttypid = to_regtype(?) AND a.attnum > 0 AND NOT a.attisdropped)";
      case DROP_VIEW, DROP_MATERIALIZED_VIEW, DROP_INDEX, DROP_CONSTRAINT -> null; // no rows lost
    };
    List<QualifiedName> tables = new ArrayList<>();
    if (tablesOf == null) {
      return tables;
    }
    try (PreparedStatement query = connection.prepareStatement("SELECT n.nspname, c.relname FROM pg_class c"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname <> '"
        + SCHEMA + "' AND " + tablesOf + " ORDER BY 1, 2")) {
      for (String object : loss.objects()) {
        query.setString(1, object);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            tables.add(QualifiedName.of(rows.getString(1), rows.getString(2)));
          }
        }
      }
    }
    return tables;
  }

  /** Drops the copies of {@code table} older than the newest {@code keep} (by migration version). */
  private static void prune(Statement statement, QualifiedName table, int keep) throws SQLException {
    String prefix = copyName(table, MigrationVersion.parseOrNull("0"));
    prefix = prefix.substring(0, prefix.length() - 1); // "<base>_v"
    List<Map.Entry<MigrationVersion, String>> copies = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n"
        + " ON n.oid = c.relnamespace WHERE n.nspname = '" + SCHEMA + "' AND c.relkind = 'r'"
        + " AND starts_with(c.relname, " + Identifiers.literal(prefix) + ")")) {
      while (rows.next()) {
        String name = rows.getString(1);
        MigrationVersion version =
            MigrationVersion.parseOrNull(name.substring(prefix.length()).replace('_', '.'));
        if (version != null) {
          copies.add(Map.entry(version, name));
        }
      }
    }
    copies.sort(Map.Entry.<MigrationVersion, String>comparingByKey().reversed());
    for (Map.Entry<MigrationVersion, String> old : copies.subList(Math.min(keep, copies.size()), copies.size())) {
      statement.execute("DROP TABLE " + Identifiers.quote(QualifiedName.of(SCHEMA, old.getValue())));
      statement.execute("DELETE FROM " + COPIES + " WHERE copy_table = " + Identifiers.literal(old.getValue()));
    }
  }

  /** Whether a change description names the table: {@code drop column public.t.b} names {@code public.t}. */
  private static boolean names(String change, QualifiedName table) {
    return Pattern.compile("(?<![\\w.\"])" + Pattern.quote(table.toString()) + "(?![\\w\"])").matcher(change).find();
  }

  private static String copyName(QualifiedName table, MigrationVersion version) {
    String suffix = "_v" + version.text().replace('.', '_');
    String base = QualifiedName.DEFAULT_SCHEMA.equals(table.schema())
        ? table.name() : table.schema() + "_" + table.name();
    while (base.getBytes(StandardCharsets.UTF_8).length + suffix.length() > Identifiers.MAX_BYTES) {
      base = base.substring(0, base.length() - 1); // PostgreSQL would cut the version off instead
    }
    return base + suffix;
  }
}
