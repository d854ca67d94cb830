package dev.dbsync.engine;

import static dev.dbsync.schema.diff.Models.column;
import static dev.dbsync.schema.diff.Models.nullable;
import static dev.dbsync.schema.diff.Models.schema;
import static dev.dbsync.schema.diff.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.ApplyResult;
import dev.dbsync.CheckReport;
import dev.dbsync.DbSync;
import dev.dbsync.MigrationException;
import dev.dbsync.PushResult;
import dev.dbsync.runtime.engine.Verification;
import dev.dbsync.schema.diff.DdlRenderer;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.diff.SchemaDiffer;
import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification compares expressions in PostgreSQL's canonical form, asked of the server: the five spellings
 * drizzle-kit's tests use, each of which PostgreSQL stores differently from how it was written, apply and verify
 * in development and production mode, through apply and push, and an equivalent rewrite is no change.
 */
@ExtendWith(FreshDatabase.class)
class CanonicalVerificationTest {
  /** The five spellings: a qualified column, {@code !=}, a qualified generated column, WHERE true, an interval. */
  static Schema users(String ageCheck, String nameCheck, String greeting, String where, String period) {
    return schema(table("public.users").id()
        .col("age", "integer")
        .col("name", "text")
        .with(nullable("greeting", "text").withGenerated(greeting))
        .with(column("period", "interval month").withDefault(period))
        .check("users_age_check", ageCheck)
        .check("users_name_check", nameCheck)
        .index(new Index("users_age_idx", List.of("age"), false, Index.DEFAULT_METHOD, where)));
  }

  static final Schema AS_DRIZZLE_WRITES_IT =
      users("\"users\".\"age\" > 21", "name != 'Alex'", "\"users\".\"name\" || 'hello'", "true", "'1 mon'");

  static final Schema REWRITTEN = users("age > 21", "name <> 'Alex'::text", "name || 'hello'::text", "TRUE",
      "'1 month'::interval month");

  @TempDir Path temp;

  private Migrations generated(Schema schema) {
    return Migrations.in(temp).add("V1__create_users.sql", sql(Schema.EMPTY, schema)).snapshot(schema);
  }

  static String sql(Schema from, Schema to) {
    return String.join(";\n", DdlRenderer.statements(SchemaDiffer.diff(from, to, Intent.NONE).changes())) + ";\n";
  }

  @Test
  void theFiveSpellingsApplyInDevelopment(TestDatabase db) {
    ApplyResult result = generated(AS_DRIZZLE_WRITES_IT).apply(db.dataSource());
    assertEquals(1, result.applied().size(), result.summary());
  }

  @Test
  void theFiveSpellingsApplyInProduction(TestDatabase db) {
    ApplyResult result =
        generated(AS_DRIZZLE_WRITES_IT).configure().mode(DbSync.Mode.PRODUCTION).apply(db.dataSource());
    assertEquals(1, result.applied().size(), result.summary());
  }

  @Test
  void theFiveSpellingsPushAndASecondPushHasNothingToDo(TestDatabase db) {
    DbSync.Builder compiled = Migrations.in(temp).snapshot(AS_DRIZZLE_WRITES_IT).configure();
    PushResult first = compiled.push(db.dataSource());
    assertTrue(first.statements().get(0).startsWith("CREATE TABLE"), first.summary());
    PushResult second = compiled.push(db.dataSource());
    assertTrue(second.upToDate(), second.summary());
  }

  @Test
  void anEquivalentRewriteVerifiesAgainstWhatTheServerStored(TestDatabase db) throws Exception {
    generated(AS_DRIZZLE_WRITES_IT).apply(db.dataSource());
    try (Connection connection = db.connect()) {
      assertEquals(new Drift(List.of(), List.of()), Verification.compare(connection, REWRITTEN));
      assertEquals(new Drift(List.of(), List.of()), Verification.compare(connection, AS_DRIZZLE_WRITES_IT));
      assertTrue(connection.getAutoCommit(), "an autocommit connection is handed back as it came");
    }
    // and a push of the rewritten spelling has nothing to do: the spelling is no change
    PushResult push = Migrations.in(temp.resolve("rewritten")).snapshot(REWRITTEN).configure().push(db.dataSource());
    assertTrue(push.upToDate(), push.summary());
  }

  @Test
  void indexExpressionsVerifyInTheServersForm(TestDatabase db) {
    Schema people = schema(table("public.people").id().col("email", "text").col("name", "text")
        .index(new Index("people_email_key", List.of("(lower(\"email\"))"), true, Index.DEFAULT_METHOD, null))
        .index(new Index("people_name_idx", List.of("((\"people\".\"name\" || '!'))", "email text_pattern_ops DESC"),
            false, Index.DEFAULT_METHOD, "\"people\".\"name\" != ''", List.of("id"), List.of("fillfactor=80"))));
    Migrations migrations =
        Migrations.in(temp).add("V1__create_people.sql", sql(Schema.EMPTY, people)).snapshot(people);
    assertEquals(1, migrations.configure().mode(DbSync.Mode.PRODUCTION).apply(db.dataSource()).applied().size());
    assertTrue(migrations.configure().push(db.dataSource()).upToDate(), "a push finds nothing to change");
  }

  @Test
  void checkComparesTheSameWay(TestDatabase db) {
    Migrations migrations = generated(AS_DRIZZLE_WRITES_IT);
    migrations.apply(db.dataSource());
    CheckReport report = migrations.configure().check(db.dataSource());
    assertTrue(report.schemaMatches(), report.schema().toString());
    assertTrue(report.inSync(), report.toString());
  }

  @Test
  void aRealDifferenceStillFailsAndShowsTheDeclaredText(TestDatabase db) {
    Schema planted = users("age > 30", "name != 'Alex'", "\"users\".\"name\" || 'hello'", "true", "'1 mon'");
    Migrations migrations = Migrations.in(temp)
        .add("V1__create_users.sql", sql(Schema.EMPTY, planted)).snapshot(AS_DRIZZLE_WRITES_IT);
    for (DbSync.Mode mode : DbSync.Mode.values()) {
      MigrationException e = assertThrows(MigrationException.class,
          () -> migrations.configure().mode(mode).apply(db.dataSource()));
      assertTrue(e.getMessage().contains(
          "public.users: users_age_check: expected CHECK (\"users\".\"age\" > 21), found CHECK (age > 30)"),
          e.getMessage());
      assertTrue(!e.getMessage().contains("users_name_check") && !e.getMessage().contains("greeting")
          && !e.getMessage().contains("users_age_idx") && !e.getMessage().contains("period"),
          "only the real difference is reported: " + e.getMessage());
    }
  }
}
