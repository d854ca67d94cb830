package dev.dbsync.schema.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlFragmentsTest {
  @Test
  void oneExpressionOrTypeIsAccepted() {
    for (String fragment : new String[] {
        "0", "now()", "'a;b'", "E'it\\'s;'", "$$a;b$$", "$t$x$t$", "\"a;b\"", "numeric(12, 2)", "text[]",
        "(a + b) * 2", "ARRAY[1, 2]", "x /* ; */ + 1", "a -- note\n + 1", "'{\"a\": [1]}'::jsonb"}) {
      assertNull(SqlFragments.problem(fragment), fragment);
    }
  }

  @Test
  void whatCouldLeaveTheStatementIsNamed() {
    assertEquals(SqlMessages.semicolon(), SqlFragments.problem("text; DROP TABLE x"));
    assertEquals(SqlMessages.semicolon(), SqlFragments.problem("(1;)"));
    assertEquals(SqlMessages.unbalanced(")"), SqlFragments.problem("1) CHECK (true"));
    assertEquals(SqlMessages.unbalanced("]"), SqlFragments.problem("(1]"));
    assertEquals(SqlMessages.unclosed("("), SqlFragments.problem("lower(x"));
    assertEquals(SqlMessages.unterminated("the string 'abc"), SqlFragments.problem("'abc"));
    assertEquals(SqlMessages.unterminated("the string E'a\\'"), SqlFragments.problem("E'a\\'"));
    assertEquals(SqlMessages.unterminated("the quoted name \"a"), SqlFragments.problem("\"a"));
    assertEquals(SqlMessages.unterminated("the dollar quote $f$"), SqlFragments.problem("$f$ body"));
    assertEquals(SqlMessages.unterminated("the comment /* x"), SqlFragments.problem("1 /* x"));
    assertEquals(SqlMessages.unterminated("the line comment -- x"), SqlFragments.problem("1 -- x"));
  }

  @Test
  void bareNamesAreTold() {
    assertEquals("PENDING", SqlFragments.bareIdentifier(" PENDING "));
    assertEquals("Web", SqlFragments.bareIdentifier("\"Web\""));
    assertNull(SqlFragments.bareIdentifier("'PENDING'"));
    assertNull(SqlFragments.bareIdentifier("TRUE"));
    assertNull(SqlFragments.bareIdentifier("current_timestamp"));
    assertNull(SqlFragments.bareIdentifier("now()"));
    assertNull(SqlFragments.bareIdentifier("0"));
  }

  @Test
  void anIndexExpressionIsACallOrInParenthesesAsAWhole() {
    for (String call : new String[] {
        "lower(email)", "COALESCE(a, 'x'::text)", "public.f(a, (b))", "(a || b)", "((a + 1))",
        "replace(q, '\\'::text, ')'::text)"}) {
      assertTrue(SqlFragments.isCallOrParenthesized(call), call);
    }
    for (String other : new String[] {
        "email", "(a) || (b)", "lower(a) || b", "\"Initials\"(name)", "a + f(b)", "lower(a"}) {
      assertFalse(SqlFragments.isCallOrParenthesized(other), other);
    }
  }
}
