package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.ApplyResult;
import dev.dbsync.schema.sql.FlywayChecksum;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Flyway 13 is the oracle: it must read dbsync's history as its own, and dbsync must read Flyway's. */
@ExtendWith(FreshDatabase.class)
class FlywayOracleTest {
  @TempDir Path temp;

  private static Flyway flyway(TestDatabase db, Migrations migrations) {
    return Flyway.configure().dataSource(db.dataSource()).locations(migrations.flywayLocation()).load();
  }

  @Test
  void flywayValidatesADatabaseThatDbsyncMigrated(TestDatabase db) {
    Migrations migrations = Migrations.copyOf("basic", temp);
    migrations.apply(db.dataSource());

    Flyway flyway = flyway(db, migrations);
    flyway.validate();

    MigrationInfo[] all = flyway.info().all();
    assertEquals(2, all.length);
    for (MigrationInfo info : all) {
      assertEquals(MigrationState.SUCCESS, info.getState(), info.getScript());
    }
    assertEquals(0, flyway.info().pending().length);
    assertEquals("2", flyway.info().current().getVersion().getVersion());
    assertEquals(0, flyway.migrate().migrationsExecuted);
  }

  @Test
  void dbsyncAppliesNothingOnADatabaseThatFlywayMigrated(TestDatabase db) {
    Migrations migrations = Migrations.copyOf("basic", temp);
    flyway(db, migrations).migrate();
    List<String> history = Catalog.history(db.dataSource());

    ApplyResult result = migrations.apply(db.dataSource());

    assertTrue(result.upToDate());
    assertEquals("2", result.version());
    assertEquals(history, Catalog.history(db.dataSource()));
  }

  @Test
  void bothContinueEachOthersHistory(TestDatabase db) {
    Migrations migrations = Migrations.copyOf("basic", temp);
    flyway(db, migrations).migrate();
    migrations.add("V3__add_profiles_bio.sql", "ALTER TABLE profiles ADD COLUMN bio text;");
    migrations.apply(db.dataSource());
    migrations.add("V4__add_profiles_age.sql", "ALTER TABLE profiles ADD COLUMN age int;");

    assertEquals(1, flyway(db, migrations).migrate().migrationsExecuted);
    assertTrue(migrations.apply(db.dataSource()).upToDate());
    flyway(db, migrations).validate();
    assertEquals(List.of("1", "2", "3", "4"),
        Catalog.query(db.dataSource(), "SELECT installed_rank FROM flyway_schema_history ORDER BY 1"));
  }

  @Test
  void aFlywayBaselineCoversTheMigrationsUpToIt(TestDatabase db) {
    Migrations migrations = Migrations.copyOf("basic", temp);
    Flyway.configure().dataSource(db.dataSource()).locations(migrations.flywayLocation()).baselineVersion("2")
        .load().baseline();
    migrations.add("V3__create_c.sql", "CREATE TABLE c (id int);");

    ApplyResult result = migrations.apply(db.dataSource());

    assertEquals(List.of("3"), result.applied().stream().map(ApplyResult.Migration::version).toList());
  }

  @Test
  void theHistoryTableIsTheOneFlywayCreates(TestDatabase dbsync, TestDatabase flyway) {
    Migrations migrations = Migrations.copyOf("basic", temp);
    migrations.apply(dbsync.dataSource());
    flyway(flyway, migrations).migrate();

    String table = "public.flyway_schema_history";
    assertEquals(Catalog.columns(flyway.dataSource(), table), Catalog.columns(dbsync.dataSource(), table));
    assertEquals(Catalog.constraints(flyway.dataSource(), table), Catalog.constraints(dbsync.dataSource(), table));
    assertEquals(Catalog.indexes(flyway.dataSource(), table), Catalog.indexes(dbsync.dataSource(), table));
    assertEquals(
        Catalog.query(flyway.dataSource(), "SELECT installed_rank, version, description, type, script, checksum,"
            + " installed_by, success FROM flyway_schema_history ORDER BY 1"),
        Catalog.query(dbsync.dataSource(), "SELECT installed_rank, version, description, type, script, checksum,"
            + " installed_by, success FROM flyway_schema_history ORDER BY 1"));
  }

  @Test
  void checksumsEqualFlywaysForAnyLineEndingAndByteOrderMark(TestDatabase db) {
    String lines = "CREATE TABLE t (\n  id int, -- \u00e9t\u00e9\n  name text\n);\nINSERT INTO t VALUES (1, 'x');";
    Migrations migrations = Migrations.in(temp)
        .add("V1__lf.sql", lines + "\n")
        .add("V2__crlf.sql", lines.replace("t (", "t2 (").replace("INTO t ", "INTO t2 ").replace("\n", "\r\n"))
        .write("V3__bom.sql", ("\uFEFF" + lines.replace("t (", "t3 (").replace("INTO t ", "INTO t3 "))
            .getBytes(StandardCharsets.UTF_8));
    flyway(db, migrations).migrate();

    List<String> flywayChecksums = Catalog.query(db.dataSource(),
        "SELECT checksum FROM flyway_schema_history ORDER BY installed_rank");

    assertEquals(List.of(
        String.valueOf(ApplyTest.checksum(migrations, "V1__lf.sql")),
        String.valueOf(ApplyTest.checksum(migrations, "V2__crlf.sql")),
        String.valueOf(ApplyTest.checksum(migrations, "V3__bom.sql"))), flywayChecksums);
    assertEquals(FlywayChecksum.of(lines), ApplyTest.checksum(migrations, "V1__lf.sql"));
    assertTrue(migrations.apply(db.dataSource()).upToDate());
  }
}
