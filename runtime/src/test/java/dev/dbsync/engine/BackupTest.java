package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.ApplyResult;
import dev.dbsync.DbSync;
import dev.dbsync.MigrationException;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/** With a backup directory, a pg_dump of the database is taken before anything is applied, and restores. */
@ExtendWith(FreshDatabase.class)
class BackupTest {
  @TempDir Path temp;

  @Test
  void aDumpTakenBeforeApplyingRestoresTheDatabaseAsItWas(TestDatabase db) throws Exception {
    Migrations migrations = Migrations.in(temp.resolve("m"))
        .add("V1__create_t.sql", "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1), (2);");
    migrations.apply(db.dataSource());
    migrations.add("V2__drop_t.sql", "-- dbsync:destructive drop table public.t\nDROP TABLE t;");
    Path backups = temp.resolve("backups");

    ApplyResult result = migrations.configure().backupDirectory(backups).apply(db.dataSource());

    assertEquals(backups, result.backup().getParent());
    assertTrue(result.backup().getFileName().toString().matches(db.name() + "-\\d{8}-\\d{6}-\\d{3}-before-V2\\.dump"),
        result.backup().toString());
    assertTrue(result.summary().endsWith("; backup before: " + result.backup()), result.summary());
    // the README's restore, as written: createdb restored && pg_restore --dbname=restored <file>
    String restored = db.name() + "_restored";
    assertEquals("", run("createdb", restored));
    try {
      assertEquals("", run("pg_restore", "--dbname=" + restored, result.backup().toString()));
      org.postgresql.ds.PGSimpleDataSource restoredDb = new org.postgresql.ds.PGSimpleDataSource();
      restoredDb.setURL(db.url().replace("/" + db.name(), "/" + restored));
      assertEquals(List.of("1", "2"), Catalog.query(restoredDb, "SELECT id FROM t ORDER BY id"));
      assertEquals(List.of("1"), Catalog.query(restoredDb, "SELECT version FROM flyway_schema_history"));
      // and the restored database takes the migration again
      assertEquals(1, migrations.apply(restoredDb).applied().size());
    } finally {
      run("dropdb", "--force", restored);
    }
  }

  @Test
  void aFailedBackupStopsTheApplyBeforeAnythingChanges(TestDatabase db) throws Exception {
    Migrations migrations = Migrations.in(temp.resolve("m")).add("V1__create_t.sql", "CREATE TABLE t (id int);");
    Path notADirectory = Files.writeString(temp.resolve("file"), "x");

    MigrationException e = assertThrows(MigrationException.class,
        () -> migrations.configure().backupDirectory(notADirectory).apply(db.dataSource()));

    assertTrue(e.getMessage().startsWith("The backup before migrating failed, so nothing was applied: "),
        e.getMessage());
    assertEquals(List.of(), Catalog.objects(db.dataSource()));
  }

  @Test
  void nothingPendingTakesNoBackup(TestDatabase db) {
    Migrations migrations = Migrations.in(temp.resolve("m")).add("V1__create_t.sql", "CREATE TABLE t (id int);");
    migrations.apply(db.dataSource());
    Path backups = temp.resolve("backups");

    ApplyResult result = migrations.configure().backupDirectory(backups).apply(db.dataSource());

    assertNull(result.backup());
    assertFalse(Files.exists(backups));
  }

  @Test
  void productionModeCopiesTheTablesADestructiveMigrationChangesIntoTheBackupSchema(TestDatabase db) {
    Migrations migrations = Migrations.in(temp.resolve("m"))
        .add("V1__create_tables.sql", "CREATE TABLE t (id int PRIMARY KEY, b text);\n"
            + "INSERT INTO t VALUES (1, 'one'), (2, 'two');\nCREATE TABLE tt (id int);\nCREATE SCHEMA app;\n"
            + "CREATE TABLE app.t (id int);\nINSERT INTO app.t VALUES (7);");
    migrations.apply(db.dataSource());
    migrations.add("V2__drop_columns.sql", "-- dbsync:from 1\n-- dbsync:to 2\n"
        + "-- dbsync:destructive drop column public.t.b\n-- dbsync:destructive drop table app.t\n"
        + "ALTER TABLE t DROP COLUMN b;\nDROP TABLE app.t;\n");

    ApplyResult result = migrations.configure().mode(DbSync.Mode.PRODUCTION).allowDestructive(true)
        .apply(db.dataSource());

    assertEquals(List.of("app.t -> dbsync_backup.app_t_v2", "public.t -> dbsync_backup.t_v2"),
        result.applied().get(0).backups());
    assertEquals(List.of("1 | one", "2 | two"),
        Catalog.query(db.dataSource(), "SELECT id, b FROM dbsync_backup.t_v2 ORDER BY id"));
    assertEquals(List.of("7"), Catalog.query(db.dataSource(), "SELECT id FROM dbsync_backup.app_t_v2"));
    // the documented restore of a dropped column, through the primary key
    Catalog.execute(db.dataSource(), "ALTER TABLE t ADD COLUMN b text;"
        + " UPDATE t SET b = backup.b FROM dbsync_backup.t_v2 backup WHERE backup.id = t.id");
    assertEquals(List.of("1 | one", "2 | two"), Catalog.query(db.dataSource(), "SELECT id, b FROM t ORDER BY id"));
  }

  @Test
  void aRolledBackDestructiveMigrationLeavesNoBackupBehind(TestDatabase db) {
    Migrations migrations = Migrations.in(temp.resolve("m")).add("V1__create_t.sql", "CREATE TABLE t (id int);");
    migrations.apply(db.dataSource());
    migrations.add("V2__drop_t.sql", "-- dbsync:destructive drop table public.t\nDROP TABLE t;\nSELECT 1/0;");

    assertThrows(MigrationException.class, () -> migrations.configure().mode(DbSync.Mode.PRODUCTION)
        .allowDestructive("2").apply(db.dataSource()));

    assertEquals(List.of("0"), Catalog.query(db.dataSource(),
        "SELECT count(*) FROM pg_namespace WHERE nspname = 'dbsync_backup'"));
  }

  /** Runs a PostgreSQL client program against the tests' server; returns its output. */
  private static String run(String... command) throws Exception {
    Properties url = Driver.parseURL(dev.dbsync.testing.TestDatabases.server().adminUrl(), new Properties());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGHOST", PGProperty.PG_HOST.getOrDefault(url));
    builder.environment().put("PGPORT", PGProperty.PG_PORT.getOrDefault(url));
    builder.environment().put("PGUSER", PGProperty.USER.getOrDefault(url));
    if (PGProperty.PASSWORD.getOrDefault(url) != null) {
      builder.environment().put("PGPASSWORD", PGProperty.PASSWORD.getOrDefault(url));
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, process.waitFor(), output);
    return output;
  }

  @Test
  void retentionKeepsTheNewestCopiesPerTableAndTheNewestDumps(TestDatabase db) throws Exception {
    Migrations migrations = Migrations.in(temp.resolve("m"))
        .add("V1__create_t.sql", "CREATE TABLE t (id int PRIMARY KEY, a text, b text, c text);");
    Path backups = temp.resolve("backups");
    migrations.apply(db.dataSource());
    for (String column : List.of("a", "b", "c")) {
      int version = 2 + List.of("a", "b", "c").indexOf(column);
      migrations.add("V" + version + "__drop_" + column + ".sql",
          "-- dbsync:destructive drop column public.t." + column + "\nALTER TABLE t DROP COLUMN " + column + ";");
      migrations.configure().mode(DbSync.Mode.PRODUCTION).allowDestructive(true).backupRetention(2)
          .backupDirectory(backups).apply(db.dataSource());
    }

    assertEquals(List.of("t_v3", "t_v4"), Catalog.query(db.dataSource(), "SELECT c.relname FROM pg_class c"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'dbsync_backup' AND c.relkind = 'r'"
        + " AND c.relname <> 'dbsync_copies' ORDER BY 1"));
    assertEquals(List.of("t_v3", "t_v4"), Catalog.query(db.dataSource(),
        "SELECT copy_table FROM dbsync_backup.dbsync_copies ORDER BY 1"));
    try (var dumps = Files.list(backups)) {
      assertEquals(2, dumps.count());
    }
  }
}
