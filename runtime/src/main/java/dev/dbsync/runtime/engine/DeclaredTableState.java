package dev.dbsync.runtime.engine;

import dev.dbsync.schema.model.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a migration can change on a declared table without the schema model seeing it, read from the catalog
 * before COMMIT. The snapshot declares every table logged, every column in its type's default collation and
 * every constraint validated: an {@code UNLOGGED} table (its rows are lost in a crash), a column given another
 * collation (sorting and unique keys change) and a constraint left {@code NOT VALID} (rows that break it may
 * exist) are differences. The lock-safe pairs dbsync writes validate in their follow-up, which runs in the same
 * apply before this check. Triggers and row-level security on a declared table are reported with the unmanaged
 * objects: dbsync neither declares nor removes them.
 */
final class DeclaredTableState {
  private static final String QUERY = """
      WITH declared AS (
        SELECT c.oid, c.relname, n.nspname, c.relpersistence, c.relrowsecurity
          FROM unnest(?::text[], ?::text[]) AS d(schema_name, table_name)
          JOIN pg_namespace n ON n.nspname = d.schema_name
          JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = d.table_name AND c.relkind IN ('r', 'p'))
      SELECT 'difference', format('%I.%I', nspname, relname), 'expected a logged table, found UNLOGGED'
        FROM declared WHERE relpersistence = 'u'
      UNION ALL
      SELECT 'difference', format('%I.%I.%I', d.nspname, d.relname, a.attname),
             format('expected the default collation of %s, found COLLATE %s',
                    format_type(a.atttypid, a.atttypmod), quote_ident(co.collname))
        FROM declared d
        JOIN pg_attribute a ON a.attrelid = d.oid AND a.attnum > 0 AND NOT a.attisdropped
        JOIN pg_type t ON t.oid = a.atttypid
        JOIN pg_collation co ON co.oid = a.attcollation
       WHERE a.attcollation <> 0 AND a.attcollation <> t.typcollation
      UNION ALL
      SELECT 'difference', format('%I.%I: %I', d.nspname, d.relname, con.conname),
             'expected a validated constraint, found NOT VALID (VALIDATE CONSTRAINT it in a migration)'
        FROM declared d JOIN pg_constraint con ON con.conrelid = d.oid WHERE NOT con.convalidated
      UNION ALL
      SELECT 'unmanaged', format('trigger %I on %I.%I', tg.tgname, d.nspname, d.relname), NULL
        FROM declared d JOIN pg_trigger tg ON tg.tgrelid = d.oid WHERE NOT tg.tgisinternal
      UNION ALL
      SELECT 'unmanaged', format('row-level security on %I.%I', nspname, relname), NULL
        FROM declared WHERE relrowsecurity
      ORDER BY 1, 2""";

  private DeclaredTableState() {}

  /** @param differences in the form of the verification's differences; @param unmanaged as Drift lists them */
  record Findings(List<String> differences, List<String> unmanaged) {}

  static Findings read(Connection connection, Schema snapshot) throws SQLException {
    List<String> differences = new ArrayList<>();
    List<String> unmanaged = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(QUERY)) {
      query.setArray(1, connection.createArrayOf("text",
          snapshot.tables().stream().map(t -> t.name().schema()).toArray()));
      query.setArray(2, connection.createArrayOf("text",
          snapshot.tables().stream().map(t -> t.name().name()).toArray()));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(1).equals("difference")) {
            differences.add(rs.getString(2) + ": " + rs.getString(3));
          } else {
            unmanaged.add(rs.getString(2));
          }
        }
      }
    }
    return new Findings(differences, unmanaged);
  }
}
