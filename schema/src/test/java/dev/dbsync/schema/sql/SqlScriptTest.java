package dev.dbsync.schema.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void splitsAtTopLevelSemicolonsAndDropsTheSemicolons() {
    assertEquals(
        List.of("CREATE TABLE a (id int)", "CREATE TABLE b (id int)", "SELECT 1"),
        SqlScript.split("CREATE TABLE a (id int);\n\nCREATE TABLE b (id int);\nSELECT 1"));
  }

  @Test
  void dropsLeadingCommentsEmptyStatementsAndTrailingComments() {
    String script = "-- dbsync:from 0000\n-- dbsync:to 1111\n\n/* block */ CREATE TABLE a (id int);\n;;\n"
        + "-- the end\n";
    assertEquals(List.of("CREATE TABLE a (id int)"), SqlScript.split(script));
  }

  @Test
  void keepsCommentsInsideAStatement() {
    assertEquals(List.of("SELECT 1 -- one; two\n, 2"), SqlScript.split("SELECT 1 -- one; two\n, 2;"));
  }

  @Test
  void standardStringsWithDoubledQuotesAndBackslashes() {
    assertEquals(
        List.of("INSERT INTO t VALUES ('it''s; fine', 'a\\')", "SELECT 2"),
        SqlScript.split("INSERT INTO t VALUES ('it''s; fine', 'a\\'); SELECT 2;"));
  }

  @Test
  void escapeStringsHonourBackslashes() {
    assertEquals(
        List.of("SELECT E'a\\';b', e'c''d;'", "SELECT 3"),
        SqlScript.split("SELECT E'a\\';b', e'c''d;'; SELECT 3"));
  }

  @Test
  void anIdentifierEndingInEIsNotAnEscapeStringPrefix() {
    // "some" ends in e: the quote after it opens a standard string, where a backslash is an ordinary character
    assertEquals(List.of("SELECT some'\\'", "SELECT 4"), SqlScript.split("SELECT some'\\'; SELECT 4"));
  }

  @Test
  void quotedIdentifiers() {
    assertEquals(
        List.of("CREATE TABLE \"x\"\"; DROP TABLE y; --\" (id int)", "SELECT 5"),
        SqlScript.split("CREATE TABLE \"x\"\"; DROP TABLE y; --\" (id int); SELECT 5"));
  }

  @Test
  void dollarQuotedBodiesWithAndWithoutTags() {
    String function = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$";
    String tagged = "CREATE FUNCTION g() RETURNS text LANGUAGE plpgsql AS $body$ BEGIN RETURN $$;$$; END $body$";
    assertEquals(List.of(function, tagged, "SELECT 6"),
        SqlScript.split(function + ";\n" + tagged + ";\nSELECT 6;"));
  }

  @Test
  void dollarSignsThatOpenNothing() {
    assertEquals(
        List.of("PREPARE p AS SELECT $1", "SELECT a$b$ FROM t", "SELECT 7"),
        SqlScript.split("PREPARE p AS SELECT $1; SELECT a$b$ FROM t; SELECT 7"));
  }

  @Test
  void nestedBlockComments() {
    assertEquals(
        List.of("SELECT /* a /* b; */ still; */ 8", "SELECT 9"),
        SqlScript.split("SELECT /* a /* b; */ still; */ 8; SELECT 9"));
  }

  @Test
  void aLineCommentHidesQuotesAndSemicolons() {
    assertEquals(List.of("SELECT 10 -- don't; \"stop"), SqlScript.split("SELECT 10 -- don't; \"stop\n"));
  }

  @Test
  void unterminatedQuotesRunToTheEnd() {
    assertEquals(List.of("SELECT 'open; still open"), SqlScript.split("SELECT 'open; still open"));
    assertEquals(List.of("SELECT $$ open; still open"), SqlScript.split("SELECT $$ open; still open"));
  }

  @Test
  void sqlStandardRoutineBodiesStayWhole() {
    String function = "CREATE OR REPLACE FUNCTION f(x int) RETURNS text LANGUAGE sql\nBEGIN ATOMIC\n"
        + "  SELECT CASE WHEN x > 0 THEN 'pos;' ELSE 'neg' END;\n  SELECT 'x';\nEND";
    String procedure = "CREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO t VALUES (1); END";
    assertEquals(List.of(function, procedure, "BEGIN", "SELECT 11", "END"),
        SqlScript.split(function + ";\n" + procedure + ";\nBEGIN;\nSELECT 11;\nEND;"));
  }

  @Test
  void nothingButCommentsIsNoStatement() {
    assertEquals(List.of(), SqlScript.split("-- only\n/* comments */\n \n"));
  }
}
