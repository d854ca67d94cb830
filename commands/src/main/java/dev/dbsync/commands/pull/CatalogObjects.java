package dev.dbsync.commands.pull;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of the pulled schemas that the schema model has no place for — views, materialized views, foreign
 * tables, partitions and partitioning, sequences not behind an identity column, functions, procedures, aggregates,
 * triggers, rules, policies, domains and composite types — in one catalog query. Objects that belong to an
 * extension are the extension's business and are left out.
 */
final class CatalogObjects {
  private static final String QUERY =
      """
      WITH ns AS (SELECT oid, nspname FROM pg_namespace WHERE nspname = ANY (?)),
           ext AS (SELECT objid FROM pg_depend WHERE deptype = 'e')
      SELECT kind, name, detail FROM (
        SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'foreign table' END AS kind,
               quote_ident(ns.nspname) || '.' || quote_ident(c.relname) AS name, '' AS detail
        FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
        WHERE c.relkind IN ('v', 'm', 'f') AND c.oid NOT IN (SELECT objid FROM ext)
        UNION ALL
        SELECT 'partition', quote_ident(ns.nspname) || '.' || quote_ident(c.relname),
               'of ' || quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) || ' '
                 || pg_get_expr(c.relpartbound, c.oid)
        FROM pg_class c JOIN ns ON ns.oid = c.relnamespace JOIN pg_inherits i ON i.inhrelid = c.oid
        JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
        WHERE c.relispartition AND c.relkind IN ('r', 'p')
        UNION ALL
        SELECT 'partitioning', quote_ident(ns.nspname) || '.' || quote_ident(c.relname),
               'PARTITION BY ' || pg_get_partkeydef(c.oid)
        FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
        WHERE c.relkind = 'p'
        UNION ALL
        SELECT 'sequence', quote_ident(ns.nspname) || '.' || quote_ident(c.relname),
               COALESCE((SELECT 'default of ' || string_agg(quote_ident(tn.nspname) || '.' || quote_ident(t.relname)
                                              || '.' || quote_ident(a.attname), ', ' ORDER BY t.relname, a.attnum)
                         FROM pg_depend d
                         JOIN pg_attrdef ad ON ad.oid = d.objid
                         JOIN pg_class t ON t.oid = ad.adrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
                         JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
                         WHERE d.classid = 'pg_attrdef'::regclass AND d.refclassid = 'pg_class'::regclass
                           AND d.refobjid = c.oid),
                        'used by no column')
        FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
        WHERE c.relkind = 'S' AND c.oid NOT IN (SELECT objid FROM ext)
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                          AND d.deptype = 'i')
        UNION ALL
        SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
               quote_ident(ns.nspname) || '.' || quote_ident(p.proname)
                 || '(' || pg_get_function_identity_arguments(p.oid) || ')', ''
        FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
        WHERE p.oid NOT IN (SELECT objid FROM ext)
        UNION ALL
        SELECT 'trigger', quote_ident(t.tgname), 'on ' || quote_ident(ns.nspname) || '.' || quote_ident(c.relname)
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN ns ON ns.oid = c.relnamespace
        WHERE NOT t.tgisinternal AND t.tgparentid = 0
        UNION ALL
        SELECT 'rule', quote_ident(r.rulename), 'on ' || quote_ident(ns.nspname) || '.' || quote_ident(c.relname)
        FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN ns ON ns.oid = c.relnamespace
        WHERE r.rulename <> '_RETURN'
        UNION ALL
        SELECT 'policy', quote_ident(p.polname), 'on ' || quote_ident(ns.nspname) || '.' || quote_ident(c.relname)
        FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN ns ON ns.oid = c.relnamespace
        UNION ALL
        SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END,
               quote_ident(ns.nspname) || '.' || quote_ident(t.typname),
               CASE t.typtype WHEN 'd' THEN 'over ' || format_type(t.typbasetype, t.typtypmod) ELSE '' END
        FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
        WHERE (t.typtype = 'd' OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
               OR t.typtype = 'r')
          AND t.oid NOT IN (SELECT objid FROM ext)
      ) objects
      ORDER BY kind, name, detail
      """;

  /** Each domain as a column's type prints it (format_type, so qualified only off the search path), to its base type. */
  private static final String DOMAINS =
      """
      SELECT format_type(t.oid, NULL), format_type(t.typbasetype, t.typtypmod)
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'd' AND n.nspname = ANY (?)
      """;

  private CatalogObjects() {}

  /** The base type of each domain of {@code schemas}: a column of domain {@code year} is an {@code Integer} in Java. */
  static Map<String, String> domainBaseTypes(Connection connection, Collection<String> schemas) throws SQLException {
    Map<String, String> domains = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(DOMAINS)) {
      query.setArray(1, connection.createArrayOf("text", schemas.toArray()));
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          domains.put(row.getString(1), row.getString(2));
        }
      }
    }
    return domains;
  }

  static List<PullReport.Unmanaged> read(Connection connection, Collection<String> schemas) throws SQLException {
    Array names = connection.createArrayOf("text", schemas.toArray());
    List<PullReport.Unmanaged> objects = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(QUERY)) {
      query.setArray(1, names);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          objects.add(new PullReport.Unmanaged(row.getString(1), row.getString(2), row.getString(3)));
        }
      }
    }
    return objects;
  }
}
