package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.ApplyResult;
import dev.dbsync.MigrationException;
import dev.dbsync.schema.sql.FlywayChecksum;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FreshDatabase.class)
class ApplyTest {
  @TempDir Path temp;

  @Test
  void appliesEveryPendingMigrationAndRecordsFlywayHistory(TestDatabase db) throws IOException {
    Migrations basic = Migrations.copyOf("basic", temp);
    DataSource ds = db.dataSource();

    ApplyResult result = basic.apply(ds);

    assertEquals(List.of("1", "2"), result.applied().stream().map(ApplyResult.Migration::version).toList());
    assertEquals("create profiles posts", result.applied().get(0).description());
    assertEquals("V1__create_profiles_posts.sql", result.applied().get(0).script());
    assertEquals("2", result.version());
    assertTrue(result.summary().matches("Applied 2 migrations to public in \\d+ ms: "
        + "V1 create profiles posts \\(\\d+ ms\\), V2 add posts published \\(\\d+ ms\\)"), result.summary());

    assertEquals(List.of(
        "id | uuid | NOT NULL | gen_random_uuid() | ",
        "user_id | text | NOT NULL | - | ",
        "username | character varying(40) | NOT NULL | - | ",
        "created_at | timestamp with time zone | NOT NULL | now() | "), Catalog.columns(ds, "public.profiles"));
    assertEquals(List.of(
        "id | bigint | NOT NULL | - | identity",
        "author_id | uuid | NOT NULL | - | ",
        "title | text | NOT NULL | - | ",
        "status | post_status | NOT NULL | 'draft'::post_status | ",
        "published | boolean | NOT NULL | false | "), Catalog.columns(ds, "public.posts"));
    assertEquals(List.of(
        "posts_author_id_fkey | FOREIGN KEY (author_id) REFERENCES profiles(id)",
        "posts_pkey | PRIMARY KEY (id)"), Catalog.constraints(ds, "public.posts"));
    assertEquals(List.of(
        "profiles_pkey | PRIMARY KEY (id)",
        "profiles_user_id_key | UNIQUE (user_id)"), Catalog.constraints(ds, "public.profiles"));
    assertEquals(List.of("it's me; really"), Catalog.query(ds, "SELECT username FROM profiles"));
    assertEquals(List.of("function public.trim_title"),
        Catalog.objects(ds).stream().filter(o -> o.startsWith("function")).toList());

    assertEquals(List.of(
        "1 | 1 | create profiles posts | SQL | V1__create_profiles_posts.sql | "
            + checksum(basic, "V1__create_profiles_posts.sql") + " | t | t",
        "2 | 2 | add posts published | SQL | V2__add_posts_published.sql | "
            + checksum(basic, "V2__add_posts_published.sql") + " | t | t"), Catalog.history(ds));
  }

  @Test
  void nothingPendingAppliesNothing(TestDatabase db) {
    Migrations basic = Migrations.copyOf("basic", temp);
    basic.apply(db.dataSource());

    ApplyResult again = basic.apply(db.dataSource());

    assertTrue(again.upToDate());
    assertEquals("Database is up to date (version 2); nothing to apply.", again.summary());
    assertEquals(2, Catalog.history(db.dataSource()).size());
  }

  @Test
  void noMigrationsAtAllIsUpToDate(TestDatabase db) {
    ApplyResult result = Migrations.in(temp).apply(db.dataSource());

    assertEquals("Database is up to date (no migrations); nothing to apply.", result.summary());
    assertNull(result.version());
  }

  @Test
  void aFailingLastStatementLeavesNothingBehind(TestDatabase db) {
    Migrations failing = Migrations.copyOf("basic", temp)
        .add("V3__create_b_then_fail.sql", "CREATE TABLE b (id int);\nINSERT INTO b VALUES (1);\n"
            + "INSERT INTO missing_table\n  VALUES (1);\n");

    MigrationException e = assertThrows(MigrationException.class, () -> failing.apply(db.dataSource()));

    assertEquals("V3__create_b_then_fail.sql", e.script());
    assertEquals("INSERT INTO missing_table\n  VALUES (1)", e.statement());
    assertEquals("42P01", e.sqlState());
    assertTrue(e.getMessage().startsWith("Migration V3__create_b_then_fail.sql failed at statement: "
        + "INSERT INTO missing_table VALUES (1)\n-> PostgreSQL: ERROR: relation \"missing_table\" does not exist"),
        e.getMessage());
    assertEquals(List.of(), Catalog.objects(db.dataSource()));
  }

  @Test
  void aFileAddedByHandIsFoundAndApplied(TestDatabase db) {
    Migrations migrations = Migrations.copyOf("basic", temp);
    migrations.apply(db.dataSource());

    migrations.add("V3__add_profiles_bio.sql", "ALTER TABLE profiles ADD COLUMN bio text;");
    ApplyResult result = migrations.apply(db.dataSource());

    assertEquals(List.of("V3__add_profiles_bio.sql"), result.applied().stream().map(ApplyResult.Migration::script).toList());
    assertEquals(3, Catalog.history(db.dataSource()).size());
  }

  @Test
  void migrationsInAJarAreFound(TestDatabase db) throws IOException {
    Path jar = temp.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String directory : List.of("db/", "db/migration/")) {
        out.putNextEntry(new JarEntry(directory));
        out.closeEntry();
      }
      for (String file : List.of("V1__create_profiles_posts.sql", "V2__add_posts_published.sql")) {
        out.putNextEntry(new JarEntry("db/migration/" + file));
        out.write(Files.readAllBytes(Migrations.resource("/engine/basic/db/migration/" + file)));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("other/V9__not_a_migration_here.sql"));
      out.write("SELECT 1/0;".getBytes());
      out.closeEntry();
    }
    ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null);

    ApplyResult first = dev.dbsync.DbSync.configure().classLoader(loader).apply(db.dataSource());
    ApplyResult second = dev.dbsync.DbSync.configure().classLoader(loader).apply(db.dataSource());

    assertEquals(2, first.applied().size());
    assertTrue(second.upToDate());
  }

  @Test
  void migrationsInSubdirectoriesKeepTheirRelativePath(TestDatabase db) throws IOException {
    Migrations migrations = Migrations.in(temp);
    Files.createDirectories(migrations.directory().resolve("2026"));
    migrations.add("2026/V1__create_a.sql", "CREATE TABLE a (id int);");

    migrations.apply(db.dataSource());

    assertEquals(List.of("2026/V1__create_a.sql"),
        Catalog.query(db.dataSource(), "SELECT script FROM flyway_schema_history"));
  }

  @Test
  void versionsAreOrderedAsNumbers(TestDatabase db) {
    Migrations migrations = Migrations.in(temp)
        .add("V10__third.sql", "INSERT INTO log VALUES ('10');")
        .add("V1__first.sql", "CREATE TABLE log (v text);")
        .add("V1_9__second.sql", "INSERT INTO log VALUES ('1.9');");

    migrations.apply(db.dataSource());

    assertEquals(List.of("1.9", "10"), Catalog.query(db.dataSource(), "SELECT v FROM log ORDER BY ctid"));
    assertEquals(List.of("1 | first", "1.9 | second", "10 | third"),
        Catalog.query(db.dataSource(), "SELECT version, description FROM flyway_schema_history ORDER BY installed_rank"));
  }

  @Test
  void anEnumValueAddedByAPendingMigrationIsUsableInTheSameApply(TestDatabase db) {
    Migrations migrations = Migrations.in(temp).add("V1__create_status.sql", "CREATE TYPE status AS ENUM ('new');");
    migrations.apply(db.dataSource());
    migrations
        .add("V2__add_status_done.sql", "ALTER TYPE status ADD VALUE IF NOT EXISTS 'done' AFTER 'new';")
        .add("V3__create_tasks.sql", "CREATE TABLE tasks (s status NOT NULL DEFAULT 'done');\n"
            + "INSERT INTO tasks DEFAULT VALUES;");

    ApplyResult result = migrations.apply(db.dataSource());

    assertEquals(2, result.applied().size());
    assertEquals(List.of("done"), Catalog.query(db.dataSource(), "SELECT s::text FROM tasks"));
    assertEquals(List.of("new,done"),
        Catalog.query(db.dataSource(), "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum"));
  }

  @Test
  void anEnumCreatedAndExtendedInOneApply(TestDatabase db) {
    Migrations migrations = Migrations.in(temp)
        .add("V1__create_status.sql", "CREATE TYPE status AS ENUM ('new');")
        .add("V2__add_status_done.sql", "ALTER TYPE status ADD VALUE IF NOT EXISTS 'done';\n"
            + "CREATE TABLE tasks (s status NOT NULL DEFAULT 'done');")
        .add("V3__add_status_gone.sql", "ALTER TYPE status ADD VALUE IF NOT EXISTS 'gone';\n"
            + "INSERT INTO tasks VALUES ('gone');");

    ApplyResult result = migrations.apply(db.dataSource());

    assertEquals(List.of("1", "2", "3"), result.applied().stream().map(ApplyResult.Migration::version).toList());
    assertEquals(3, Catalog.history(db.dataSource()).size());
    assertEquals(List.of("gone"), Catalog.query(db.dataSource(), "SELECT s::text FROM tasks"));
  }

  @Test
  void aSqlStandardFunctionBodyRunsAsOneStatement(TestDatabase db) {
    Migrations migrations = Migrations.in(temp).add("V1__create_sign.sql",
        "CREATE FUNCTION sign_of(x int) RETURNS text LANGUAGE sql\nBEGIN ATOMIC\n"
            + "  SELECT CASE WHEN x >= 0 THEN 'plus;' ELSE 'minus' END;\nEND;\n"
            + "CREATE TABLE signs AS SELECT sign_of(-1) AS s;\n");

    migrations.apply(db.dataSource());

    assertEquals(List.of("minus"), Catalog.query(db.dataSource(), "SELECT s FROM signs"));
    assertEquals(List.of("plus;"), Catalog.query(db.dataSource(), "SELECT sign_of(1)"));
  }

  @Test
  void aTamperedMigrationIsRefusedNamingTheFile(TestDatabase db) {
    Migrations migrations = Migrations.copyOf("basic", temp);
    migrations.apply(db.dataSource());
    int applied = checksum(migrations, "V2__add_posts_published.sql");
    migrations.add("V2__add_posts_published.sql", "ALTER TABLE public.posts ADD COLUMN published boolean;");

    MigrationException e = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));

    assertTrue(e.getMessage().contains("Migration checksum mismatch for migration version 2 ("
        + migrations.directory().resolve("V2__add_posts_published.sql")), e.getMessage());
    assertTrue(e.getMessage().contains("-> Applied to database : " + applied + "\n-> Resolved locally    : "
        + checksum(migrations, "V2__add_posts_published.sql")), e.getMessage());
    assertTrue(e.getMessage().contains("Either revert the changes to V2__add_posts_published.sql"), e.getMessage());
  }

  @Test
  void anAppliedRowWithoutChecksumIsAMismatch(TestDatabase db) {
    Migrations migrations = Migrations.copyOf("basic", temp);
    migrations.apply(db.dataSource());
    Catalog.execute(db.dataSource(), "UPDATE flyway_schema_history SET checksum = NULL WHERE version = '2'");

    MigrationException e = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));

    assertTrue(e.getMessage().contains("-> Applied to database : null\n-> Resolved locally    : "
        + checksum(migrations, "V2__add_posts_published.sql")), e.getMessage());
  }

  @Test
  void anAppliedMigrationMissingLocallyIsRefused(TestDatabase db) throws IOException {
    Migrations migrations = Migrations.copyOf("basic", temp);
    migrations.apply(db.dataSource());
    Files.delete(migrations.directory().resolve("V2__add_posts_published.sql"));

    MigrationException e = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));

    assertTrue(e.getMessage().contains("Detected applied migration not resolved locally: 2 (V2__add_posts_published.sql)"),
        e.getMessage());
  }

  @Test
  void aPendingMigrationOlderThanTheAppliedOnesIsRefused(TestDatabase db) {
    Migrations migrations = Migrations.copyOf("basic", temp);
    migrations.apply(db.dataSource());
    migrations.add("V1_5__late.sql", "CREATE TABLE late (id int);");

    MigrationException e = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));

    assertTrue(e.getMessage().contains("Detected resolved migration not applied to database: 1.5 (V1_5__late.sql)"
        + " is older than the applied version 2"), e.getMessage());
    assertEquals(List.of("0"), Catalog.query(db.dataSource(), "SELECT count(*) FROM pg_class WHERE relname = 'late'"));
  }

  @Test
  void aFailedHistoryRowIsRefused(TestDatabase db) {
    Migrations migrations = Migrations.copyOf("basic", temp);
    migrations.apply(db.dataSource());
    Catalog.execute(db.dataSource(), "UPDATE flyway_schema_history SET success = false WHERE version = '2'");

    MigrationException e = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));

    assertTrue(e.getMessage().contains("Detected failed migration to version 2 (add posts published)"), e.getMessage());
  }

  @Test
  void anInvalidVersionIsRefusedNamingTheFile(TestDatabase db) {
    Migrations migrations = Migrations.in(temp).add("V1a__oops.sql", "SELECT 1;");

    MigrationException e = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));

    assertTrue(e.getMessage().startsWith("Invalid migration file name " + migrations.directory().resolve("V1a__oops.sql")),
        e.getMessage());
  }

  @Test
  void aRepeatableMigrationIsRefusedAndOtherFilesAreIgnored(TestDatabase db) {
    Migrations migrations = Migrations.in(temp)
        .add("V1__create_a.sql", "CREATE TABLE a (id int);")
        .add("afterMigrate.sql", "SELECT 1/0;")
        .add("README.txt", "not SQL");

    assertEquals(1, migrations.apply(db.dataSource()).applied().size());

    migrations.add("R__views.sql", "CREATE VIEW v AS SELECT 1;");
    MigrationException e = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));
    assertTrue(e.getMessage().startsWith("dbsync does not run repeatable migrations ("
        + migrations.directory().resolve("R__views.sql")), e.getMessage());
  }

  @Test
  void aHistoryTableElsewhereIsCreatedWithItsSchema(TestDatabase db) {
    Migrations migrations = Migrations.in(temp).add("V1__create_a.sql", "CREATE TABLE a (id int);");

    ApplyResult result = migrations.configure().historyTable("ops.migrations").apply(db.dataSource());

    assertEquals("ops", result.schema());
    assertEquals(List.of("1 | create a"),
        Catalog.query(db.dataSource(), "SELECT version, description FROM ops.migrations"));
    assertTrue(migrations.configure().historyTable("ops.migrations").apply(db.dataSource()).upToDate());
  }

  static int checksum(Migrations migrations, String file) {
    try {
      return FlywayChecksum.of(FlywayChecksum.decode(Files.readAllBytes(migrations.directory().resolve(file))));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
