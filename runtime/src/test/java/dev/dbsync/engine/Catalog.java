package dev.dbsync.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads what the tests assert from pg_catalog, one row per line. */
final class Catalog {
  private Catalog() {}

  static List<String> query(DataSource dataSource, String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          cells.add(rs.getString(i));
        }
        rows.add(String.join(" | ", cells));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static void execute(DataSource dataSource, String sql) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Every relation, type and function a migration could have left behind, outside the system schemas. */
  static List<String> objects(DataSource dataSource) {
    return query(dataSource, """
        SELECT 'relation ' || n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
        UNION ALL
        SELECT 'type ' || n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND t.typtype IN ('e', 'd')
        UNION ALL
        SELECT 'function ' || n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
        UNION ALL
        SELECT 'schema ' || nspname FROM pg_namespace
         WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'public') AND nspname NOT LIKE 'pg_temp%'
           AND nspname NOT LIKE 'pg_toast_temp%'
        ORDER BY 1""");
  }

  static List<String> columns(DataSource dataSource, String table) {
    return query(dataSource, """
        SELECT a.attname, format_type(a.atttypid, a.atttypmod), CASE WHEN a.attnotnull THEN 'NOT NULL' ELSE 'NULL' END,
               coalesce(pg_get_expr(d.adbin, d.adrelid), '-'), CASE a.attidentity WHEN 'd' THEN 'identity' ELSE '' END
          FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE a.attrelid = '%s'::regclass AND a.attnum > 0 AND NOT a.attisdropped
         ORDER BY a.attnum""".formatted(table));
  }

  static List<String> constraints(DataSource dataSource, String table) {
    return query(dataSource, """
        SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
         WHERE conrelid = '%s'::regclass ORDER BY conname""".formatted(table));
  }

  static List<String> indexes(DataSource dataSource, String table) {
    return query(dataSource, """
        SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index
         WHERE indrelid = '%s'::regclass ORDER BY 1""".formatted(table));
  }

  static List<String> history(DataSource dataSource) {
    return query(dataSource, """
        SELECT installed_rank, version, description, type, script, checksum, installed_by = current_user, success
          FROM flyway_schema_history ORDER BY installed_rank""");
  }
}
