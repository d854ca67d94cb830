package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.MigrationException;
import dev.dbsync.runtime.engine.MigrationFile;
import dev.dbsync.runtime.engine.MigrationLocation;
import java.net.URL;
import java.net.URLClassLoader;
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

  @Test
  void twoDifferentFilesWithOneVersionAreAnError() throws Exception {
    Migrations.in(first).add("V1__create_a.sql", "CREATE TABLE a (id int);\n");
    Migrations.in(second).add("V1__create_a.sql", "CREATE TABLE a (id bigint);\n");

    MigrationException e = assertThrows(MigrationException.class, this::migrations);

    assertTrue(e.getMessage().contains("more than one migration with version 1")
        && e.getMessage().contains(first.toString()) && e.getMessage().contains(second.toString()), e.getMessage());
  }
}
