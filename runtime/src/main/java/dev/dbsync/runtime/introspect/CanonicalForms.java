package dev.dbsync.runtime.introspect;

import dev.dbsync.runtime.introspect.Introspector.TableParts;
import dev.dbsync.schema.diff.DdlRenderer;
import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's canonical form of declared expressions, asked of the server rather than imitated: the declared
 * tables are created as temporary tables (column types, defaults, generated columns, checks, indexes) under a
 * savepoint, read back with the {@link Introspector}'s own queries, and rolled back, all in one multi-statement
 * round trip. The server prints them exactly as it prints the live tables, so {@code "users"."age" > 21},
 * {@code name != 'Alex'}, {@code WHERE true} or {@code '1 mon'} on an {@code interval month} column compare
 * equal to what it stored for them, whatever the next spelling is.
 *
 * <p>Runs inside the caller's transaction (the migrations' own, before COMMIT), which it leaves as it found it.
 * Temporary tables need only the TEMP privilege, which every role has by default, and share one schema: tables
 * of one name from two schemas are copied in separate round trips. A declared expression the server refuses in
 * the copy (one naming its table's schema, {@code "public"."users"."age"}) leaves that table without a canonical
 * form, and it is compared as written. A schema of more than {@value #TABLES_PER_ROUND} differing tables takes a
 * round trip per {@value #TABLES_PER_ROUND}.
 */
public final class CanonicalForms {
  private static final String SAVEPOINT = "dbsync_canonical_forms";
  /** Indexes of the copies are renamed: index names are per schema, and one schema holds all copies. */
  private static final String INDEX_PREFIX = "dbsync_canonical_";
  /**
   * Each copy holds a few locks (table, indexes, TOAST) until the rollback to the savepoint releases them; the
   * server's shared lock table is sized for 64 per connection, so a large schema is copied in rounds of this many
   * tables rather than starving other sessions.
   */
  private static final int TABLES_PER_ROUND = 200;

  private CanonicalForms() {}

  /**
   * The tables of {@code declared} named in {@code tables}, as PostgreSQL stores them: expressions in its
   * canonical form; keys, identities and foreign keys left out (they hold no expression).
   */
  public static Schema of(Connection connection, Schema declared, Collection<QualifiedName> tables)
      throws SQLException {
    List<Table> pending = new ArrayList<>();
    tables.forEach(name -> declared.table(name).ifPresent(pending::add));
    List<Table> canonical = new ArrayList<>();
    while (!pending.isEmpty()) {
      Map<String, Table> round = new LinkedHashMap<>();
      for (Table table : pending) {
        if (round.size() == TABLES_PER_ROUND) {
          break;
        }
        round.putIfAbsent(table.name().name(), table);
      }
      pending.removeAll(round.values());
      canonical.addAll(copies(connection, List.copyOf(round.values())));
    }
    return new Schema(List.of(), canonical);
  }

  /** One round trip for all {@code tables}; when the server refuses one of them, one per table. */
  private static List<Table> copies(Connection connection, List<Table> tables) throws SQLException {
    try {
      return readBack(connection, tables);
    } catch (SQLException e) {
      rollBack(connection);
      if (tables.size() == 1) {
        return List.of(); // compared as written: the difference is reported with the declared text
      }
      List<Table> copies = new ArrayList<>();
      for (Table table : tables) {
        copies.addAll(copies(connection, List.of(table)));
      }
      return copies;
    }
  }

  private static List<Table> readBack(Connection connection, List<Table> tables) throws SQLException {
    Map<String, QualifiedName> tableNames = new HashMap<>();
    Map<String, String> indexNames = new HashMap<>();
    StringBuilder batch = new StringBuilder("SAVEPOINT " + SAVEPOINT + ";\nSET LOCAL jit = off;\n");
    for (Table table : tables) {
      tableNames.put(table.name().name(), table.name());
      List<String> copyNames = new ArrayList<>();
      for (Index index : table.indexes()) {
        String copyName = INDEX_PREFIX + (indexNames.size() + 1);
        indexNames.put(copyName, index.name());
        copyNames.add(copyName);
      }
      DdlRenderer.temporaryCopy(table, copyNames).forEach(sql -> batch.append(sql).append(";\n"));
    }
    String temporary = Introspector.IN_TEMPORARY_SCHEMA;
    batch.append(Introspector.columnsQuery(temporary, "true")).append(";\n")
        .append(Introspector.constraintsQuery(temporary)).append(";\n")
        .append(Introspector.indexesQuery(temporary)).append(";\n")
        .append("ROLLBACK TO SAVEPOINT " + SAVEPOINT + ";\nRELEASE SAVEPOINT " + SAVEPOINT);
    Map<Long, TableParts> parts = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement()) {
      int results = 0;
      boolean isResultSet = statement.execute(batch.toString());
      while (isResultSet || statement.getUpdateCount() != -1) {
        if (isResultSet) {
          try (ResultSet rows = statement.getResultSet()) {
            switch (results++) {
              case 0 -> Introspector.columns(rows, parts);
              case 1 -> Introspector.constraints(rows, parts);
              default -> Introspector.indexes(rows, parts);
            }
          }
        }
        isResultSet = statement.getMoreResults();
      }
    }
    return parts.values().stream().map(TableParts::table)
        .filter(copy -> tableNames.containsKey(copy.name().name()))
        .map(copy -> new Table(tableNames.get(copy.name().name()), null, copy.columns(), null, List.of(), List.of(),
            copy.indexes().stream()
                .map(i -> i.withName(indexNames.getOrDefault(i.name(), i.name())))
                .toList(),
            copy.checks()))
        .toList();
  }

  private static void rollBack(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT + "; RELEASE SAVEPOINT " + SAVEPOINT);
    }
  }
}
