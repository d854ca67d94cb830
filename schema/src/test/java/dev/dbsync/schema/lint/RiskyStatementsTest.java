package dev.dbsync.schema.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbsync.schema.lint.RiskyStatements.DataLoss;
import dev.dbsync.schema.lint.RiskyStatements.Kind;
import dev.dbsync.schema.lint.RiskyStatements.TransactionControl;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskyStatementsTest {
  @Test
  void transactionControlInAnyCaseAndSpacingWithItsLine() {
    String sql = "begin;\nUPDATE accounts SET balance = balance + 1;\n  CoMmIt  ;\nSTART\n  TRANSACTION;\n"
        + "savepoint a; RELEASE a; ROLLBACK TO SAVEPOINT a;\nEND;\nabort;\nPREPARE TRANSACTION 'x';\n"
        + "COMMIT PREPARED 'x';\nROLLBACK;";
    List<TransactionControl> found = RiskyStatements.transactionControl("V1__x.sql", sql);
    assertEquals(List.of(1, 3, 4, 6, 6, 6, 7, 8, 9, 10, 11),
        found.stream().map(TransactionControl::line).toList());
    assertEquals("CoMmIt", found.get(1).statement());
    assertEquals("V1__x.sql:3: `CoMmIt` controls the transaction", found.get(1).message().substring(0, 46));
  }

  @Test
  void transactionControlInCommentsStringsAndBodiesDoesNotCount() {
    String sql = "-- BEGIN;\n/* COMMIT; */\nSELECT 'COMMIT;';\n"
        + "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$;\n"
        + "CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\n"
        + "DO $x$ BEGIN RAISE NOTICE 'x'; END $x$;\nCREATE TABLE \"commit\" (\"begin\" int);\n"
        + "PREPARE q AS SELECT 1;\nSTART_X;";
    assertEquals(List.of(), RiskyStatements.transactionControl("V1__x.sql", sql));
  }

  @Test
  void statementsThatCanLoseData() {
    String sql = "DROP TABLE IF EXISTS posts, app.\"Old\" CASCADE;\nALTER TABLE ONLY posts DROP COLUMN body,"
        + " ADD COLUMN x int, DROP CONSTRAINT posts_fk;\nALTER TABLE t ALTER COLUMN c TYPE varchar(10) USING c::text,"
        + " ALTER d SET DATA TYPE numeric(10, 2);\nTRUNCATE TABLE a, b RESTART IDENTITY;\ndelete from posts where"
        + " id > 3;\nDROP SCHEMA dbsync_backup CASCADE;\nDROP INDEX CONCURRENTLY i;\nALTER TYPE mood RENAME VALUE"
        + " 'a' TO 'b';\nDROP MATERIALIZED VIEW mv;\nDROP VIEW v;\nDROP TYPE mood;\n"
        + "SELECT 'DELETE FROM posts';\n-- TRUNCATE posts;\nALTER TABLE t ADD COLUMN y int;";
    List<DataLoss> found = RiskyStatements.dataLoss(sql);
    assertEquals(List.of(Kind.DROP_TABLE, Kind.DROP_COLUMN, Kind.DROP_CONSTRAINT, Kind.TYPE_CHANGE, Kind.TYPE_CHANGE,
        Kind.TRUNCATE, Kind.DELETE, Kind.DROP_SCHEMA, Kind.DROP_INDEX, Kind.RENAME_ENUM_VALUE,
        Kind.DROP_MATERIALIZED_VIEW, Kind.DROP_VIEW, Kind.DROP_TYPE), found.stream().map(DataLoss::kind).toList());
    assertEquals(List.of("posts", "app.\"Old\""), found.get(0).objects());
    assertEquals(List.of("a", "b"), found.get(5).objects());
    assertEquals(List.of("posts"), found.get(6).objects());
    assertEquals(5, found.get(6).line());
    assertEquals("varchar(10)", found.get(3).newType());
    assertEquals("c", found.get(3).column());
    assertEquals("numeric(10,2)", found.get(4).newType());
    assertEquals(List.of("dbsync_backup"), found.get(7).objects());
  }
}
