package dev.dbsync.runtime.introspect;

import dev.dbsync.schema.model.CheckConstraint;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.ForeignKey;
import dev.dbsync.schema.model.Identity;
import dev.dbsync.schema.model.IdentityOptions;
import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.PrimaryKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.ReferentialAction;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.schema.model.UniqueConstraint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a live PostgreSQL schema from {@code pg_catalog} into the model, with four queries whatever the number
 * of tables (enums, columns, constraints, indexes): per-table queries are what makes other tools take minutes on
 * a thousand tables.
 *
 * <p>What it returns, in the model's terms:
 *
 * <ul>
 *   <li>tables ({@code className} null) of kind ordinary or partitioned, partitions excluded, columns in
 *       {@code attnum} order; types in {@code format_type} spelling, or {@link TypeRef.Enum} for an enum type
 *       or an array of one ({@code status[]}); {@code format_type}, like
 *       {@code pg_get_expr}, qualifies a type that is not on the connection's search path
 *       ({@code ext.citext}), so read with the search path the migrations ran with;
 *   <li>an identity column's sequence options ({@code pg_sequence}), without those that are PostgreSQL's defaults
 *       for the column's type and the sequence's direction;
 *   <li>defaults exactly as {@code pg_get_expr} prints them ({@code 'x'::text}): compare them with
 *       {@code SqlDefaults.equivalent}, not {@code equals};
 *   <li>check constraints, partial index predicates, generated-column and index expressions as
 *       {@code pg_get_expr(..., true)} prints them: the pretty form, which leaves out the parentheses the plain
 *       form puts around every operator ({@code a < b AND a > 0}, not {@code ((a < b) AND (a > 0))}) and so
 *       reads much like what a user writes; a pair that still wraps the whole expression is removed;
 *   <li>indexes that do not back a primary key, unique or exclusion constraint; a key column that is an
 *       expression is given as its expression text ({@code lower(name)}); a descending or non-default nulls
 *       order is appended ({@code created DESC}), and before it an operator class that is not the type's default
 *       ({@code name text_pattern_ops}); {@code INCLUDE} columns and storage parameters ({@code fillfactor=70}).
 * </ul>
 *
 * The Flyway history table (or the one named) and the schema {@value #BACKUP_SCHEMA} (dbsync's backups) are left out.
 */
public final class Introspector {
  /** Flyway's default history table, which dbsync uses; it is not part of the user's schema. */
  public static final String HISTORY_TABLE = "flyway_schema_history";

  /** Where production mode copies the tables and columns a destructive migration affects (issue 5). */
  public static final String BACKUP_SCHEMA = "dbsync_backup";

  private static final String ENUMS =
      """
      SELECT n.nspname, t.typname, e.enumlabel
      FROM pg_type t
      JOIN pg_namespace n ON n.oid = t.typnamespace
      JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE %1$s
      ORDER BY n.nspname, t.typname, e.enumsortorder
      """;

  private static final String COLUMNS =
      """
      SELECT c.oid, n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
             a.attidentity, a.attgenerated, pg_get_expr(d.adbin, d.adrelid), coalesce(et.typtype, t.typtype),
             coalesce(etn.nspname, tn.nspname), coalesce(et.typname, t.typname),
             CASE WHEN a.attgenerated = 's' THEN pg_get_expr(d.adbin, d.adrelid, true) END, et.oid IS NOT NULL,
             seq.seqstart, seq.seqincrement, seq.seqmin, seq.seqmax, seq.seqcache, seq.seqcycle
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_namespace tn ON tn.oid = t.typnamespace
      LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A' AND et.typtype = 'e'
      LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      LEFT JOIN LATERAL (SELECT s.* FROM pg_depend dep JOIN pg_sequence s ON s.seqrelid = dep.objid
                         WHERE a.attidentity <> '' AND dep.classid = 'pg_class'::regclass
                           AND dep.refclassid = 'pg_class'::regclass AND dep.refobjid = c.oid
                           AND dep.refobjsubid = a.attnum AND dep.deptype = 'i') seq ON true
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND %1$s AND %2$s
      ORDER BY n.nspname, c.relname, a.attnum
      """;

  /** Key columns are resolved to names here, in key order, so that no second round trip is needed. */
  private static final String CONSTRAINTS =
      """
      SELECT con.conrelid, con.conname, con.contype,
             ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, pos)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.pos),
             ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, pos)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.pos),
             fn.nspname, fc.relname, con.confdeltype, con.confupdtype,
             CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid, true) END
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_class fc ON fc.oid = con.confrelid
      LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
      WHERE con.contype IN ('p', 'u', 'f', 'c') AND %1$s
      """;

  /** indoption bit 0 is DESC, bit 1 NULLS FIRST (pg_index.h); DESC implies NULLS FIRST unless told otherwise. */
  private static final String INDEXES =
      """
      SELECT i.indrelid, ic.relname, am.amname, i.indisunique, pg_get_expr(i.indpred, i.indrelid, true),
             ARRAY(SELECT CASE WHEN i.indkey[k] = 0 THEN pg_get_indexdef(i.indexrelid, k + 1, true)
                               ELSE (SELECT a.attname FROM pg_attribute a
                                     WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k]) END
                          || coalesce((SELECT ' ' || opc.opcname FROM pg_opclass opc
                                       WHERE opc.oid = i.indclass[k] AND NOT opc.opcdefault), '')
                          || CASE WHEN i.indoption[k] & 1 = 1 THEN ' DESC' ELSE '' END
                          || CASE WHEN i.indoption[k] & 3 = 1 THEN ' NULLS LAST'
                                  WHEN i.indoption[k] & 3 = 2 THEN ' NULLS FIRST' ELSE '' END
                   FROM generate_series(0, i.indnkeyatts - 1) AS k ORDER BY k),
             ARRAY(SELECT a.attname FROM generate_series(i.indnkeyatts, i.indnatts - 1) AS k
                   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k] ORDER BY k),
             coalesce(ic.reloptions, '{}')
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_am am ON am.oid = ic.relam
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE %1$s
        AND NOT EXISTS (SELECT 1 FROM pg_constraint con
                        WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                          AND con.contype IN ('p', 'u', 'x'))
      """;

  /** The schemas read, given as a text array parameter. */
  private static final String IN_SCHEMAS = "n.nspname = ANY (?)";

  /** The history table, given as a text parameter, is not read. */
  private static final String NOT_HISTORY = "c.relname <> ?";

  /** The session's temporary schema, where verification copies declared tables (see {@link CanonicalForms}). */
  static final String IN_TEMPORARY_SCHEMA = "n.oid = pg_my_temp_schema()";

  private Introspector() {}

  static String enumsQuery(String schemas) {
    return ENUMS.formatted(schemas);
  }

  /** @param tables a condition on {@code c}, the table */
  static String columnsQuery(String schemas, String tables) {
    return COLUMNS.formatted(schemas, tables);
  }

  static String constraintsQuery(String schemas) {
    return CONSTRAINTS.formatted(schemas);
  }

  static String indexesQuery(String schemas) {
    return INDEXES.formatted(schemas);
  }

  /** The tables and enum types of {@code schemas}, without the Flyway history table. */
  public static Schema read(Connection connection, Collection<String> schemas) throws SQLException {
    return read(connection, schemas, HISTORY_TABLE);
  }

  /** The tables and enum types of {@code schemas}, without tables named {@code historyTable}. */
  public static Schema read(Connection connection, Collection<String> schemas, String historyTable)
      throws SQLException {
    Array names =
        connection.createArrayOf(
            "text", schemas.stream().filter(s -> !s.equals(BACKUP_SCHEMA)).distinct().toArray());
    boolean autoCommit = connection.getAutoCommit();
    if (autoCommit) {
      connection.setAutoCommit(false);
    }
    try {
      withoutJit(connection);
      List<EnumType> enums = readEnums(connection, names);
      Map<Long, TableParts> tables = readColumns(connection, names, historyTable);
      readConstraints(connection, names, tables);
      readIndexes(connection, names, tables);
      return new Schema(enums, tables.values().stream().map(TableParts::table).toList());
    } finally {
      if (autoCommit) {
        connection.rollback(); // nothing was written: ends the read-only transaction
        connection.setAutoCommit(true);
      }
    }
  }

  /**
   * The catalog queries' row estimates (a per-index generate_series, thousands of columns) push their cost past
   * jit_above_cost, and compiling them costs 100-600 ms, far more than running them: JIT is switched off for this
   * transaction only.
   */
  private static void withoutJit(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL jit = off");
    }
  }

  private static List<EnumType> readEnums(Connection connection, Array schemas) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(enumsQuery(IN_SCHEMAS))) {
      query.setArray(1, schemas);
      try (ResultSet rows = query.executeQuery()) {
        return enums(rows);
      }
    }
  }

  static List<EnumType> enums(ResultSet row) throws SQLException {
    Map<QualifiedName, List<String>> labels = new LinkedHashMap<>();
    while (row.next()) {
      labels
          .computeIfAbsent(QualifiedName.of(row.getString(1), row.getString(2)), k -> new ArrayList<>())
          .add(row.getString(3));
    }
    return labels.entrySet().stream().map(e -> new EnumType(e.getKey(), e.getValue())).toList();
  }

  private static Map<Long, TableParts> readColumns(Connection connection, Array schemas, String historyTable)
      throws SQLException {
    Map<Long, TableParts> tables = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement(columnsQuery(IN_SCHEMAS, NOT_HISTORY))) {
      query.setArray(1, schemas);
      query.setString(2, historyTable);
      try (ResultSet rows = query.executeQuery()) {
        columns(rows, tables);
      }
    }
    return tables;
  }

  static void columns(ResultSet row, Map<Long, TableParts> tables) throws SQLException {
    while (row.next()) {
      TableParts table = tables.get(row.getLong(1));
      if (table == null) {
        table = new TableParts(QualifiedName.of(row.getString(2), row.getString(3)));
        tables.put(row.getLong(1), table);
      }
      String columnName = row.getString(4);
      if (columnName != null) { // null: a table without columns
        table.columns.add(column(row, columnName));
      }
    }
  }

  private static Column column(ResultSet row, String name) throws SQLException {
    TypeRef type =
        "e".equals(row.getString(10))
            ? new TypeRef.Enum(QualifiedName.of(row.getString(11), row.getString(12)), row.getBoolean(14))
            : TypeRef.builtin(row.getString(5));
    Identity identity =
        switch (row.getString(7)) {
          case "a" -> Identity.ALWAYS;
          case "d" -> Identity.BY_DEFAULT;
          default -> Identity.NONE;
        };
    boolean generated = "s".equals(row.getString(8));
    return new Column(
        name,
        type,
        !row.getBoolean(6),
        generated ? null : row.getString(9),
        identity,
        generated ? withoutOuterParentheses(row.getString(13)) : null,
        identity == Identity.NONE ? IdentityOptions.DEFAULT : identityOptions(row));
  }

  /** The identity sequence's values; the column leaves out those that are PostgreSQL's defaults for its type. */
  private static IdentityOptions identityOptions(ResultSet row) throws SQLException {
    return new IdentityOptions(
        row.getLong(15), row.getLong(16), row.getLong(17), row.getLong(18), row.getLong(19), row.getBoolean(20));
  }

  private static void readConstraints(Connection connection, Array schemas, Map<Long, TableParts> tables)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(constraintsQuery(IN_SCHEMAS))) {
      query.setArray(1, schemas);
      try (ResultSet rows = query.executeQuery()) {
        constraints(rows, tables);
      }
    }
  }

  static void constraints(ResultSet row, Map<Long, TableParts> tables) throws SQLException {
    while (row.next()) {
      TableParts table = tables.get(row.getLong(1));
      if (table == null) {
        continue; // a constraint of an excluded table
      }
      String name = row.getString(2);
      List<String> columns = strings(row.getArray(4));
      switch (row.getString(3)) {
        case "p" -> table.primaryKey = new PrimaryKey(name, columns);
        case "u" -> table.uniques.add(new UniqueConstraint(name, columns));
        case "f" ->
            table.foreignKeys.add(
                new ForeignKey(
                    name,
                    columns,
                    QualifiedName.of(row.getString(6), row.getString(7)),
                    strings(row.getArray(5)),
                    action(row.getString(8)),
                    action(row.getString(9))));
        default -> table.checks.add(new CheckConstraint(name, withoutOuterParentheses(row.getString(10))));
      }
    }
  }

  private static void readIndexes(Connection connection, Array schemas, Map<Long, TableParts> tables)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(indexesQuery(IN_SCHEMAS))) {
      query.setArray(1, schemas);
      try (ResultSet rows = query.executeQuery()) {
        indexes(rows, tables);
      }
    }
  }

  static void indexes(ResultSet row, Map<Long, TableParts> tables) throws SQLException {
    while (row.next()) {
      TableParts table = tables.get(row.getLong(1));
      if (table != null) {
        String predicate = row.getString(5);
        table.indexes.add(
            new Index(
                row.getString(2),
                strings(row.getArray(6)),
                row.getBoolean(4),
                row.getString(3),
                predicate == null ? null : withoutOuterParentheses(predicate),
                strings(row.getArray(7)),
                strings(row.getArray(8))));
      }
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    return List.of((String[]) array.getArray());
  }

  /** {@code pg_constraint.confdeltype} / {@code confupdtype} codes. */
  private static ReferentialAction action(String code) {
    return switch (code) {
      case "r" -> ReferentialAction.RESTRICT;
      case "c" -> ReferentialAction.CASCADE;
      case "n" -> ReferentialAction.SET_NULL;
      case "d" -> ReferentialAction.SET_DEFAULT;
      default -> ReferentialAction.NO_ACTION; // "a"
    };
  }

  /**
   * {@code (a > 0)} to {@code a > 0}; {@code (a > 0) AND (b > 0)} stays as it is because its first parenthesis
   * closes before the end. Quotes are respected so a parenthesis in a literal or a quoted name does not count.
   */
  static String withoutOuterParentheses(String expression) {
    String text = expression.strip();
    if (text.length() < 2 || text.charAt(0) != '(' || text.charAt(text.length() - 1) != ')') {
      return text;
    }
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0; // a doubled quote closes and reopens: same effect
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0 && i < text.length() - 1) {
        return text;
      }
    }
    return text.substring(1, text.length() - 1);
  }

  /** A table while its rows are being collected. */
  static final class TableParts {
    final QualifiedName name;
    final List<Column> columns = new ArrayList<>();
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<CheckConstraint> checks = new ArrayList<>();
    PrimaryKey primaryKey;

    TableParts(QualifiedName name) {
      this.name = name;
    }

    Table table() {
      return new Table(name, null, columns, primaryKey, uniques, foreignKeys, indexes, checks);
    }
  }
}
