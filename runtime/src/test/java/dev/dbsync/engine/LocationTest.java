package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.MigrationException;
import dev.dbsync.runtime.engine.MigrationFile;
import dev.dbsync.runtime.engine.MigrationLocation;
import dev.dbsync.schema.snapshot.MigrationIndex;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations found under several class path roots, as builds that copy resources twice produce. */
class LocationTest {
  @TempDir Path first;
  @TempDir Path second;

  private List<MigrationFile> migrations() throws Exception {
    ClassLoader loader = new URLClassLoader(new URL[] {first.toUri().toURL(), second.toUri().toURL()}, null);
    return new MigrationLocation(loader, MigrationLocation.DEFAULT).migrations();
  }

  @Test
  void theSameFileUnderTwoRootsCountsOnce() throws Exception {
    Migrations.in(first).add("V1__create_a.sql", "CREATE TABLE a (id int);\n");
    Migrations.in(second).add("V1__create_a.sql", "CREATE TABLE a (id int);\n")
        .add("V2__create_b.sql", "CREATE TABLE b (id int);\n");

    List<MigrationFile> found = migrations();

    assertEquals(List.of("V1__create_a.sql", "V2__create_b.sql"), found.stream().map(MigrationFile::script).toList());
    assertTrue(found.get(0).origin().startsWith(first.toString()), "class path order: the first root's copy");
  }

  /**
   * As Flyway: files in directories under {@code db/migration} count, named by their relative path; other files
   * and links under the location are not migrations. Without an index and with one.
   */
  @Test
  void filesInDirectoriesBelowTheLocationCountAndLinksDoNot() throws Exception {
    Migrations set = Migrations.in(first).add("V1__create_a.sql", "CREATE TABLE a (id int);\n");
    Files.createDirectories(set.directory().resolve("more/deeper"));
    set.add("more/V2__create_b.sql", "CREATE TABLE b (id int);\n")
        .add("more/deeper/V3__create_c.sql", "CREATE TABLE c (id int);\n")
        .add("more/notes.txt", "not a migration\n");
    Files.createSymbolicLink(set.directory().resolve("V4__linked.sql"), set.directory().resolve("V1__create_a.sql"));
    List<String> expected = List.of("V1__create_a.sql", "more/V2__create_b.sql", "more/deeper/V3__create_c.sql");

    assertEquals(expected, migrations().stream().map(MigrationFile::script).toList());
    // the processor indexes the files directly in db/migration; the others are read as without an index
    Files.createDirectories(first.resolve("db/dbsync"));
    Files.writeString(first.resolve(MigrationIndex.RESOURCE), new MigrationIndex(List.of(MigrationIndex.Entry.of(
        "V1__create_a.sql", "1", Files.readAllBytes(set.directory().resolve("V1__create_a.sql"))))).text());
    assertEquals(expected, migrations().stream().map(MigrationFile::script).toList());
  }

  @Test
  void twoDifferentFilesWithOneVersionAreAnError() throws Exception {
    Migrations.in(first).add("V1__create_a.sql", "CREATE TABLE a (id int);\n");
    Migrations.in(second).add("V1__create_a.sql", "CREATE TABLE a (id bigint);\n");

    MigrationException e = assertThrows(MigrationException.class, this::migrations);

    assertTrue(e.getMessage().contains("more than one migration with version 1")
        && e.getMessage().contains(first.toString()) && e.getMessage().contains(second.toString()), e.getMessage());
  }
}
