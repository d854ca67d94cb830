package dev.dbsync.commands.pull;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbsync.testing.TestDatabase;
import dev.dbsync.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing is written while anything is wrong, and nothing is overwritten unless asked. */
class PullRefusalTest {
  @TempDir Path root;

  @Test
  void pullingAgainRefusesNamingTheFilesAndWritesNothingUnlessOverwrite() throws Exception {
    PulledProject project = new PulledProject(root);
    try (TestDatabase database = TestDatabases.create()) {
      execute(database, "CREATE TABLE notes (id integer PRIMARY KEY, body text)");
      project.pull(database).run();
      project.write("com/example/db/Notes.java", "// edited by hand\n" + project.read("com/example/db/Notes.java"));
      Map<String, String> before = project.resourceFiles();

      execute(database, "ALTER TABLE notes ADD COLUMN title text");
      PullException refusal = assertThrows(PullException.class, () -> project.pull(database).run());
      assertThat(refusal).hasMessageThat().contains(project.sources.resolve("com/example/db/Notes.java").toString());
      assertThat(refusal).hasMessageThat().contains(project.resources.resolve("db/dbsync/schema.json").toString());
      assertThat(refusal).hasMessageThat().contains(project.resources.resolve("db/migration/V1__baseline.sql").toString());
      assertThat(refusal).hasMessageThat().contains("--overwrite");
      assertThat(project.read("com/example/db/Notes.java")).startsWith("// edited by hand");
      assertThat(project.resourceFiles()).isEqualTo(before);

      PullReport report = project.pull(database).overwrite(true).run();
      assertThat(project.read("com/example/db/Notes.java")).contains("@Nullable String title");
      assertThat(report.files()).contains(project.sources.resolve("com/example/db/Notes.java"));
    }
  }

  @Test
  void aProjectWithMigrationsIsRefusedEvenWithOverwrite() throws Exception {
    PulledProject project = new PulledProject(root);
    Path migration = project.resources.resolve("db/migration/V1__create_notes.sql");
    Files.createDirectories(migration.getParent());
    Files.writeString(migration, "CREATE TABLE notes (id integer);\n");
    try (TestDatabase database = TestDatabases.create()) {
      PullException refusal =
          assertThrows(PullException.class, () -> project.pull(database).overwrite(true).run());
      assertThat(refusal).hasMessageThat().contains("V1__create_notes.sql");
      assertThat(refusal).hasMessageThat().contains("must start the migration history");
      assertThat(Files.exists(project.sources)).isFalse();
    }
  }

  @Test
  void badSettingsAreNamedBeforeAnythingRuns() throws Exception {
    PulledProject project = new PulledProject(root);
    try (TestDatabase database = TestDatabases.create()) {
      PullException badPackage =
          assertThrows(PullException.class, () -> project.pull(database).packageName("com.example.class").run());
      assertThat(badPackage).hasMessageThat().contains("'com.example.class' is not a Java package name");
      PullException missing = assertThrows(PullException.class, () -> project.pull(database, "nowhere").run());
      assertThat(missing).hasMessageThat().contains("no schema nowhere");
      assertThat(Files.exists(root.resolve("src"))).isFalse();
    }
  }

  private static void execute(TestDatabase database, String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
