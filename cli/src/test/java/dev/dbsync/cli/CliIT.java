package dev.dbsync.cli;

import static dev.dbsync.schema.diff.Models.column;
import static dev.dbsync.schema.diff.Models.schema;
import static dev.dbsync.schema.diff.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.snapshot.Json;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar, run as a separate process against real PostgreSQL, as a pipeline or a person runs it. */
@ExtendWith(FreshDatabase.class)
class CliIT {
  static final Schema NOTES = schema(table("public.notes").pk("notes_pkey", "id").col("id", "bigint")
      .with(column("body", "text").withDefault("'x'")).index("notes_body_idx", "body"));
  static final String V1 = """
      CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL DEFAULT 'x');
      CREATE INDEX notes_body_idx ON notes (body);
      """;

  @TempDir Path temp;

  private Project notes() {
    return new Project(temp.resolve("app")).migration("V1__create_notes.sql", V1).snapshot(NOTES);
  }

  /** dbsync run in the project's directory (default class path target/classes) with the database in DBSYNC_URL. */
  private static Cli.Run dbsync(Project project, TestDatabase db, String... args) {
    return Cli.run(project.directory(), Map.of("DBSYNC_URL", db.url()), args);
  }

  private static Cli.Run dbsync(Project project, TestDatabase db, Map<String, String> environment, String... args) {
    java.util.HashMap<String, String> all = new java.util.HashMap<>(environment);
    all.put("DBSYNC_URL", db.url());
    return Cli.run(project.directory(), all, args);
  }

  private static void sql(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void helpExplainsTheCommands() {
    Cli.Run help = Cli.run(temp, Map.of(), "--help");
    assertEquals(0, help.exit(), help.toString());
    for (String command : List.of("check", "status", "migrate", "sync", "push", "auto", "baseline", "repair")) {
      assertTrue(help.out().contains("\n  " + command + " "), command + " listed\n" + help);
    }
    Cli.Run checkHelp = Cli.run(temp, Map.of(), "check", "--help");
    assertTrue(checkHelp.out().contains("--url=<jdbc-url>") && checkHelp.out().contains("[DBSYNC_URL]")
        && checkHelp.out().contains("Exit 0 in sync, 1 when"), checkHelp.toString());
  }

  @Test
  void driftPlantedByHandFailsCheckWhileNothingIsPending(TestDatabase db) throws SQLException {
    Project project = notes();
    assertEquals(0, dbsync(project, db, "migrate").exit());
    Cli.Run clean = dbsync(project, db, "check");
    assertEquals(0, clean.exit(), clean.toString());
    assertTrue(clean.out().contains("In sync"), clean.toString());

    sql(db, "ALTER TABLE notes ADD COLUMN extra integer");
    sql(db, "DROP INDEX notes_body_idx");
    sql(db, "ALTER TABLE notes ALTER COLUMN body SET DEFAULT 'y'");
    Cli.Run drift = dbsync(project, db, "check");

    assertEquals(1, drift.exit(), drift.toString());
    assertFalse(drift.out().contains("Pending migrations"), drift.toString());
    assertTrue(drift.out().contains("""
            public.notes.body
              - expected text NOT NULL DEFAULT 'x'
              + found    text NOT NULL DEFAULT 'y'::text
              -> changed by hand: write a migration that keeps it, or revert it
        """), drift.toString());
    assertTrue(drift.out().contains("public.notes.extra\n      - expected no such column\n      + found    integer NULL"),
        drift.toString());
    assertTrue(drift.out().contains("public.notes: notes_body_idx\n      - expected INDEX USING btree (body)\n"
        + "      + found    none"), drift.toString());
    assertTrue(drift.out().contains("Not in sync: 3 schema differences."), drift.toString());
    assertFalse(drift.out().contains("\u001b["), "no colours without a terminal");
  }

  @Test
  void checkAsJsonPrintsOnlyJsonOnStdout(TestDatabase db) throws SQLException {
    Project project = notes();
    dbsync(project, db, "migrate");
    sql(db, "ALTER TABLE notes ADD COLUMN extra integer");

    Cli.Run run = dbsync(project, db, "check", "--format", "json");

    assertEquals(1, run.exit(), run.toString());
    @SuppressWarnings("unchecked")
    Map<String, Object> document = (Map<String, Object>) Json.parse(run.out());
    assertEquals("check", document.get("command"));
    assertEquals(new java.math.BigDecimal(1), document.get("exitCode"));
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) document.get("result");
    assertEquals(false, result.get("inSync"));
    assertTrue(result.get("schema").toString().contains("CHANGED_BY_HAND"), result.toString());
  }

  @Test
  void statusShowsAFailedRowAndRepairRemovesIt(TestDatabase db) throws SQLException {
    Project project = notes();
    dbsync(project, db, "migrate");
    sql(db, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
        + " installed_by, execution_time, success) VALUES (2, '2', 'add tags', 'SQL', 'V2__add_tags.sql', 7,"
        + " 'flyway', 3, false)");

    Cli.Run status = dbsync(project, db, "status");

    assertEquals(1, status.exit(), status.toString());
    assertTrue(status.out().matches("(?s)Version\\s+Description\\s+Type\\s+Installed on\\s+Time\\s+State\n"
        + "1\\s+create notes\\s+SQL\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+\\d+ ms\\s+APPLIED\n"
        + "2\\s+add tags\\s+SQL\\s+\\S+ \\S+\\s+3 ms\\s+FAILED\n.*"), status.toString());
    assertTrue(status.out().contains("dbsync repair"), status.toString());

    Cli.Run repair = dbsync(project, db, "repair");
    assertEquals(0, repair.exit(), repair.toString());
    assertTrue(repair.out().contains("deleted the failed row"), repair.toString());
    assertEquals(0, dbsync(project, db, "status").exit());
  }

  @Test
  void repairRecordsAReviewedEdit(TestDatabase db) {
    Project project = notes();
    dbsync(project, db, "migrate");
    project.migration("V1__create_notes.sql", "-- reviewed\n" + V1);

    Cli.Run refused = dbsync(project, db, "migrate");
    assertEquals(2, refused.exit(), refused.toString());
    assertTrue(refused.err().contains("Migration checksum mismatch for migration version 1")
        && refused.err().contains("dbsync repair"), refused.toString());
    assertEquals(1, dbsync(project, db, "check").exit());

    Cli.Run repair = dbsync(project, db, "repair");
    assertEquals(0, repair.exit(), repair.toString());
    assertTrue(repair.out().contains("CHECKSUM_MISMATCH  recorded checksum"), repair.toString());
    assertEquals(0, dbsync(project, db, "migrate").exit());
    assertEquals(0, dbsync(project, db, "check").exit());
  }

  @Test
  void pushTwiceThenRefusedInProduction(TestDatabase db) {
    Project project = notes();

    Cli.Run first = dbsync(project, db, "push");
    assertEquals(0, first.exit(), first.toString());
    assertTrue(first.out().contains("CREATE TABLE"), first.toString());
    Cli.Run second = dbsync(project, db, "push");
    assertEquals(0, second.exit(), second.toString());
    assertTrue(second.out().startsWith("The database already matches the compiled schema"), second.toString());

    Cli.Run byOption = dbsync(project, db, "push", "--mode", "production");
    assertEquals(2, byOption.exit(), byOption.toString());
    assertTrue(byOption.err().contains("push is refused in production mode") && byOption.err().contains("migrate"),
        byOption.toString());
    Cli.Run byEnvironment = dbsync(project, db, Map.of("DBSYNC_MODE", "production"), "push");
    assertEquals(2, byEnvironment.exit(), byEnvironment.toString());
    // before connecting: the same refusal with a database that does not even exist
    Cli.Run unreachable = Cli.run(project.directory(), Map.of("DBSYNC_MODE", "production",
        "DBSYNC_URL", "jdbc:postgresql://127.0.0.1:1/nowhere"), "push");
    assertTrue(unreachable.err().contains("push is refused in production mode"), unreachable.toString());
  }

  @Test
  void baselineThenMigrateAppliesNothing(TestDatabase db) {
    Project project = notes();
    dbsync(project, db, "push");

    Cli.Run baseline = dbsync(project, db, "baseline");
    assertEquals(0, baseline.exit(), baseline.toString());
    assertTrue(baseline.out().contains("Baselined at version 1"), baseline.toString());

    Cli.Run migrate = dbsync(project, db, "migrate");
    assertEquals(0, migrate.exit(), migrate.toString());
    assertTrue(migrate.out().contains("Database is up to date (version 1); nothing to apply."), migrate.toString());
  }

  @Test
  void baselineRefusesADatabaseThatDiffers(TestDatabase db) throws SQLException {
    Project project = notes();
    sql(db, "CREATE TABLE notes (id bigint PRIMARY KEY, body text)");

    Cli.Run baseline = dbsync(project, db, "baseline");

    assertEquals(1, baseline.exit(), baseline.toString());
    assertTrue(baseline.out().contains("public.notes.body") && baseline.out().contains("baseline refused"),
        baseline.toString());
  }

  @Test
  void autoOnAnEmptyDatabaseMigratesThenSyncs(TestDatabase db) {
    Project project = notes();

    Cli.Run empty = dbsync(project, db, "auto");
    assertEquals(0, empty.exit(), empty.toString());
    assertTrue(empty.out().startsWith("auto: migrate (the database is empty)"), empty.toString());

    Cli.Run history = dbsync(project, db, "auto");
    assertEquals(0, history.exit(), history.toString());
    assertTrue(history.out().startsWith("auto: sync (the database has a migration history)"), history.toString());

    Cli.Run production = dbsync(project, db, "auto", "--mode", "production");
    assertEquals(0, production.exit(), production.toString());
    assertTrue(production.out().startsWith("auto: migrate (production mode"), production.toString());
  }

  @Test
  void autoOnAPushedDatabase(TestDatabase db) throws SQLException {
    Project project = notes();
    sql(db, "CREATE TABLE notes (id bigint PRIMARY KEY, body text)");

    Cli.Run production = dbsync(project, db, "auto", "--mode", "production");
    assertEquals(2, production.exit(), production.toString());
    assertTrue(production.err().contains("auto: refused"), production.toString());

    Cli.Run development = dbsync(project, db, "auto");
    assertEquals(0, development.exit(), development.toString());
    assertTrue(development.out().startsWith("auto: push (the database has tables but no migration history"),
        development.toString());

    Cli.Run matching = dbsync(project, db, "auto");
    assertEquals(1, matching.exit(), matching.toString());
    assertTrue(matching.out().contains("adopt it with baseline"), matching.toString());
  }

  @Test
  void syncStopsOnAChangeByHandAndAppliesOtherwise(TestDatabase db) throws SQLException {
    Project project = notes();
    Cli.Run first = dbsync(project, db, "sync");
    assertEquals(0, first.exit(), first.toString());
    assertTrue(first.out().contains("Applied 1 migration") && first.out().contains("In sync"), first.toString());

    sql(db, "ALTER TABLE notes ADD COLUMN extra integer");
    project.migration("V2__create_tags.sql", "CREATE TABLE tags (id bigint PRIMARY KEY);\n");
    Cli.Run stopped = dbsync(project, db, "sync");

    assertEquals(1, stopped.exit(), stopped.toString());
    assertTrue(stopped.out().contains("sync stopped before applying anything"), stopped.toString());
    assertTrue(stopped.out().contains("Pending migrations (1)"), stopped.toString());
  }

  @Test
  void aFailingMigrationPrintsPostgresqlsErrorAndTheStatement(TestDatabase db) {
    Project project = notes().migration("V2__broken.sql", "ALTER TABLE notes ADD COLUMN flag boolean NOT NUL;\n");

    Cli.Run run = dbsync(project, db, "migrate");

    assertEquals(2, run.exit(), run.toString());
    assertTrue(run.err().contains("Migration V2__broken.sql failed at statement: ALTER TABLE notes ADD COLUMN flag"
        + " boolean NOT NUL") && run.err().contains("-> PostgreSQL: ERROR: syntax error"), run.toString());
    assertEquals("", run.out());
  }

  @Test
  void errorsExitTwoAndNeverPrintThePassword(TestDatabase db) {
    Project project = notes();

    Cli.Run noUrl = Cli.run(project.directory(), Map.of(), "check");
    assertEquals(2, noUrl.exit(), noUrl.toString());
    assertTrue(noUrl.err().contains("No database given: pass --url"), noUrl.toString());

    Cli.Run unreachable = Cli.run(project.directory(), Map.of(), "check",
        "--url", "jdbc:postgresql://127.0.0.1:1/app?password=s3cret-in-url", "--user", "app",
        "--password", "s3cret-option");
    assertEquals(2, unreachable.exit(), unreachable.toString());
    assertTrue(unreachable.err().contains("dbsync check failed: "), unreachable.toString());
    assertFalse(unreachable.all().contains("s3cret"), unreachable.toString());

    Cli.Run badOption = dbsync(project, db, "migrate", "--lock-timeout", "soon");
    assertEquals(2, badOption.exit(), badOption.toString());
    assertTrue(badOption.err().contains("Invalid value 'soon' for --lock-timeout"), badOption.toString());

    Cli.Run missingDatabase = Cli.run(project.directory(), Map.of(), "check", "--url", db.url() + "_missing");
    assertEquals(2, missingDatabase.exit(), missingDatabase.toString());

    Cli.Run noProject = Cli.run(temp, Map.of("DBSYNC_URL", db.url()), "check");
    assertEquals(2, noProject.exit(), noProject.toString());
    assertTrue(noProject.err().contains("No compiled project here"), noProject.toString());
  }

  @Test
  void anApplicationJarServesAsTheClassPath(TestDatabase db) {
    Project project = notes();
    Path jar = project.jar(temp.resolve("app.jar"));

    Cli.Run migrate = Cli.run(temp, Map.of(), "migrate", "--classpath", jar.toString(), "--url", db.url());
    assertEquals(0, migrate.exit(), migrate.toString());
    assertTrue(migrate.out().contains("create notes"), migrate.toString());
    assertEquals(0, Cli.run(temp, Map.of(), "check", "--classpath", jar.toString(), "--url", db.url()).exit());
  }

  @Test
  void pullWritesTheRecordsSnapshotAndBaselineThenRefusesToOverwrite(TestDatabase db) throws Exception {
    sql(db, "CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL DEFAULT 'x');"
        + " CREATE VIEW note_bodies AS SELECT body FROM notes");
    Path app = java.nio.file.Files.createDirectories(temp.resolve("adopted"));
    Cli.Run pull = Cli.run(app, Map.of("DBSYNC_URL", db.url()), "pull", "--package", "com.example.db");
    assertEquals(0, pull.exit(), pull.toString());
    assertTrue(pull.out().contains("public.notes  com.example.db.Notes"), pull.toString());
    assertTrue(pull.out().contains("view  public.note_bodies"), pull.toString());
    assertTrue(java.nio.file.Files.readString(app.resolve("src/main/java/com/example/db/Notes.java"))
        .contains("public record Notes(@Id long id, @Default(\"'x'::text\") String body)"));
    assertTrue(java.nio.file.Files.exists(app.resolve("src/main/resources/db/dbsync/schema.json")));
    assertTrue(java.nio.file.Files.exists(app.resolve("src/main/resources/db/migration/V1__baseline.sql")));

    Cli.Run again = Cli.run(app, Map.of("DBSYNC_URL", db.url()), "pull", "--package", "com.example.db");
    assertEquals(2, again.exit(), again.toString());
    assertTrue(again.err().contains("Notes.java"), again.toString());
    assertTrue(again.err().contains("--overwrite"), again.toString());

    Cli.Run overwrite = Cli.run(app, Map.of("DBSYNC_URL", db.url()), "pull", "--package", "com.example.db",
        "--overwrite", "--format", "json");
    assertEquals(0, overwrite.exit(), overwrite.toString());
    assertTrue(overwrite.out().strip().startsWith("{"), overwrite.toString());
    assertTrue(overwrite.out().contains("\"record\" : \"com.example.db.Notes\"")
        || overwrite.out().contains("\"record\": \"com.example.db.Notes\""), overwrite.toString());

    Cli.Run noPackage = Cli.run(app, Map.of("DBSYNC_URL", db.url()), "pull");
    assertEquals(2, noPackage.exit(), noPackage.toString());
    assertTrue(noPackage.err().contains("--package"), noPackage.toString());
  }
}
