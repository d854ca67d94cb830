package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.ApplyResult;
import dev.dbsync.DbSync;
import dev.dbsync.MigrationException;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The engine's promises for SQL users write by hand: one transaction, destructive statements guarded. */
@ExtendWith(FreshDatabase.class)
class HandWrittenSqlTest {
  @TempDir Path temp;

  @Test
  void transactionControlIsRefusedBeforeAnythingRunsSoRetriesNeverRepeatAnUpdate(TestDatabase db) {
    Migrations migrations = Migrations.in(temp.resolve("m"))
        .add("V1__accounts.sql", "CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL);\n"
            + "INSERT INTO accounts VALUES (1, 100), (2, 50);");
    migrations.apply(db.dataSource());
    migrations.add("V2__bonus.sql", "-- one euro for everybody\nbegin;\nUPDATE accounts SET balance = balance + 1;\n"
            + "  CoMmIt ;\n")
        .add("V3__broken.sql", "SELECT 1/0;");

    for (int attempt = 0; attempt < 3; attempt++) {
      MigrationException e = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));
      assertTrue(e.getMessage().startsWith("dbsync refuses to apply migrations that control the transaction;"
          + " nothing was applied:\n  - V2__bonus.sql:2: `begin` controls the transaction"), e.getMessage());
      assertTrue(e.getMessage().contains("\n  - V2__bonus.sql:4: `CoMmIt` controls the transaction"),
          e.getMessage());
    }

    assertEquals(List.of("150"), Catalog.query(db.dataSource(), "SELECT sum(balance) FROM accounts"));
    assertEquals(List.of("1"), Catalog.query(db.dataSource(), "SELECT version FROM flyway_schema_history"));
  }

  @Test
  void transactionControlWordsInStringsCommentsAndBodiesRunAsUsual(TestDatabase db) {
    Migrations migrations = Migrations.in(temp.resolve("m"))
        .add("V1__words.sql", "-- BEGIN; COMMIT;\nCREATE TABLE notes (body text);\n"
            + "INSERT INTO notes VALUES ('COMMIT;'), ($$ROLLBACK;$$);\n"
            + "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;");

    migrations.apply(db.dataSource());

    assertEquals(List.of("2"), Catalog.query(db.dataSource(), "SELECT count(*) FROM notes"));
  }

  private Migrations posts(TestDatabase db) {
    Migrations migrations = Migrations.in(temp.resolve("m"))
        .add("V1__posts.sql", "CREATE TABLE posts (id int PRIMARY KEY, title varchar(200) NOT NULL);\n"
            + "INSERT INTO posts SELECT i, 'post ' || i FROM generate_series(1, 1000) i;");
    migrations.apply(db.dataSource());
    return migrations;
  }

  @Test
  void productionModeRefusesAHandWrittenDeleteQuotingIt(TestDatabase db) {
    Migrations migrations = posts(db).add("V2__clean_up.sql", "-- hand-written\ndelete from posts;");

    MigrationException e = assertThrows(MigrationException.class,
        () -> migrations.configure().mode(DbSync.Mode.PRODUCTION).apply(db.dataSource()));

    assertTrue(e.getMessage().startsWith("Production mode refuses the destructive migration V2__clean_up.sql:\n"
        + "  - deletes rows of posts (line 2: delete from posts)\nReview it, then allow it with"
        + " DBSYNC_ALLOW_DESTRUCTIVE"), e.getMessage());
    assertEquals(List.of("1000"), Catalog.query(db.dataSource(), "SELECT count(*) FROM posts"));
    assertEquals(List.of("1"), Catalog.query(db.dataSource(), "SELECT version FROM flyway_schema_history"));
  }

  @Test
  void anAllowedHandWrittenDeleteCopiesTheTableFirst(TestDatabase db) {
    Migrations migrations = posts(db).add("V2__clean_up.sql", "DELETE FROM posts WHERE id > 10;\n"
        + "TRUNCATE TABLE public.posts;");

    ApplyResult result = migrations.configure().mode(DbSync.Mode.PRODUCTION).allowDestructive("2")
        .apply(db.dataSource());

    assertEquals(List.of("public.posts -> dbsync_backup.posts_v2"), result.applied().get(0).backups());
    assertEquals(List.of("0"), Catalog.query(db.dataSource(), "SELECT count(*) FROM posts"));
    assertEquals(List.of("1000"), Catalog.query(db.dataSource(), "SELECT count(*) FROM dbsync_backup.posts_v2"));
  }

  @Test
  void productionModeRefusesDroppingTheBackupSchemaAndOtherDrops(TestDatabase db) {
    Migrations migrations = posts(db).add("V2__tidy.sql", "DROP SCHEMA IF EXISTS dbsync_backup CASCADE;\n"
        + "ALTER TABLE posts DROP COLUMN title;");

    MigrationException e = assertThrows(MigrationException.class,
        () -> migrations.configure().mode(DbSync.Mode.PRODUCTION).apply(db.dataSource()));

    assertTrue(e.getMessage().contains("\n  - drops schema dbsync_backup (line 1: DROP SCHEMA IF EXISTS"
        + " dbsync_backup CASCADE)\n  - drops a column of posts (line 2: ALTER TABLE posts DROP COLUMN title)\n"),
        e.getMessage());
  }

  @Test
  void aNarrowingTypeChangeIsDestructiveAWideningOneIsNot(TestDatabase db) {
    Migrations migrations = posts(db).add("V2__shorter_titles.sql",
        "ALTER TABLE posts ALTER COLUMN title TYPE varchar(20);");

    MigrationException e = assertThrows(MigrationException.class,
        () -> migrations.configure().mode(DbSync.Mode.PRODUCTION).apply(db.dataSource()));

    assertTrue(e.getMessage().startsWith("Production mode refuses the destructive migration"
        + " V2__shorter_titles.sql:\n  - changes the type of a column of posts (line 1: ALTER TABLE posts ALTER"
        + " COLUMN title TYPE varchar(20))"), e.getMessage());
    assertEquals(List.of("character varying(200)"), Catalog.query(db.dataSource(),
        "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'posts'::regclass"
            + " AND attname = 'title'"));

    ApplyResult allowed = migrations.configure().mode(DbSync.Mode.PRODUCTION).allowDestructive("2")
        .apply(db.dataSource());
    assertEquals(List.of("public.posts -> dbsync_backup.posts_v2"), allowed.applied().get(0).backups());

    migrations.add("V3__longer_titles.sql", "ALTER TABLE posts ALTER title SET DATA TYPE text;");
    ApplyResult widened = migrations.configure().mode(DbSync.Mode.PRODUCTION).apply(db.dataSource());
    assertEquals(List.of(), widened.applied().get(0).backups());
  }

  @Test
  void aFailureAfterEnumValuesWereAddedAheadNamesThemAsKept(TestDatabase db) {
    Migrations migrations = Migrations.in(temp.resolve("m"))
        .add("V1__mood.sql", "CREATE TYPE mood AS ENUM ('happy', 'sad');");
    migrations.apply(db.dataSource());
    migrations.add("V2__more_moods.sql", "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'calm';\n"
            + "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad';")
        .add("V3__broken.sql", "SELECT 1/0;");

    MigrationException e = assertThrows(MigrationException.class, () -> migrations.apply(db.dataSource()));

    assertTrue(e.getMessage().endsWith("Its transaction was rolled back; committed before it by this apply (they had"
        + " to commit first): ALTER TYPE mood ADD VALUE IF NOT EXISTS 'calm' (kept: ALTER TYPE ... ADD VALUE is"
        + " idempotent and unused)."), e.getMessage());
    assertEquals(List.of("happy", "sad", "calm"), Catalog.query(db.dataSource(),
        "SELECT unnest(enum_range(NULL::mood))::text"));
  }
}
