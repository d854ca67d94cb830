package dev.dbsync.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.diff.DdlRenderer;
import dev.dbsync.schema.diff.DiffCase;
import dev.dbsync.schema.diff.DiffCases;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.diff.MigrationScript;
import dev.dbsync.schema.diff.SchemaChange;
import dev.dbsync.schema.diff.SchemaDiffer;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway 13 is the oracle for "Flyway can take over": for every case of the differ's table, the files dbsync
 * generates (the migration creating {@code before}, then the case's) are migrated by Flyway into an empty
 * database, each file in its own transaction, and the database then holds exactly {@code after}.
 */
@ExtendWith(FreshDatabase.class)
class FlywayReplaysDiffCasesTest {
  @TempDir Path temp;

  @Test
  void flywayBuildsEveryCaseFromTheGeneratedFiles(TestDatabase db) throws Exception {
    assertEquals(List.of(), replayEveryCase(db.dataSource(), temp));
  }

  /** Replays every case with Flyway on the (empty) database of {@code dataSource}; returns what failed. */
  static List<String> replayEveryCase(DataSource dataSource, Path temp) throws Exception {
    List<String> failures = new ArrayList<>();
    int index = 0;
    try (Connection connection = dataSource.getConnection()) {
      for (DiffCase c : DiffCases.all()) {
        Path directory = Files.createDirectories(temp.resolve("case" + index++));
        List<MigrationScript.File> files = new ArrayList<>();
        files.addAll(files(1, Schema.EMPTY, c.before(), Intent.NONE));
        files.addAll(files(files.size() + 1, c.before(), c.after(), c.intent()));
        for (MigrationScript.File file : files) {
          Files.writeString(directory.resolve(file.name()), file.text());
        }
        try {
          Flyway.configure().dataSource(dataSource).locations("filesystem:" + directory).load().migrate();
          Schema found = Introspector.read(connection, RoundTripTest.schemasOf(c.before(), c.after()));
          Drift drift = Drift.between(c.after(), found);
          if (!drift.equals(new Drift(List.of(), List.of()))) {
            failures.add(c.name() + ": " + drift + " after " + names(files));
          }
        } catch (RuntimeException e) {
          failures.add(c.name() + ": " + e.getMessage() + " in " + names(files));
        } finally {
          EmptyDatabase.reset(connection);
        }
      }
    }
    assertTrue(index > 50, "the differ's table has its cases");
    return failures;
  }

  private static List<MigrationScript.File> files(long version, Schema from, Schema to, Intent intent) {
    List<SchemaChange> changes = SchemaDiffer.diff(from, to, intent).changes();
    return changes.isEmpty()
        ? List.of()
        : MigrationScript.files(version, from, to, changes, DdlRenderer.Options.DEFAULT);
  }

  private static List<String> names(List<MigrationScript.File> files) {
    return files.stream().map(MigrationScript.File::name).toList();
  }
}
