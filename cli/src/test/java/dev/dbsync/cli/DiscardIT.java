package dev.dbsync.cli;

import static dev.dbsync.schema.diff.Models.column;
import static dev.dbsync.schema.diff.Models.schema;
import static dev.dbsync.schema.diff.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.diff.MigrationScript;
import dev.dbsync.schema.diff.SchemaDiffer;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.snapshot.SchemaHash;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbsync discard} from the jar, in a project that is a git repository: two iterations generated and applied,
 * discarded, the files and the development database back at the last commit.
 */
@ExtendWith(FreshDatabase.class)
class DiscardIT {
  private static final Schema NOTES = schema(table("public.notes").id().col("body", "text"));
  private static final Schema PINNED = schema(table("public.notes").id().col("body", "text")
      .with(column("pinned", "boolean").withDefault("false")));
  private static final Schema TAGGED = schema(table("public.notes").id().col("body", "text")
      .with(column("pinned", "boolean").withDefault("false")), table("public.tags").id().col("label", "text"));

  @TempDir Path project;

  @Test
  void discardDeletesTheUncommittedIterationsAndTakesTheDatabaseBack(TestDatabase db) throws Exception {
    git("init", "-q", "-b", "main");
    Files.writeString(project.resolve(".gitignore"), "target/\n");
    generate(Schema.EMPTY, NOTES, "V1__create_notes.sql");
    git("add", "-A");
    git("-c", "user.email=dev@example.com", "-c", "user.name=Dev", "commit", "-q", "-m", "notes");
    Map<String, String> database = Map.of("DBSYNC_URL", db.url());
    assertEquals(0, Cli.run(project, database, "migrate").exit());
    generate(NOTES, PINNED, "V2__add_notes_pinned.sql");
    assertEquals(0, Cli.run(project, database, "migrate").exit());
    generate(PINNED, TAGGED, "V3__create_tags.sql");
    assertEquals(0, Cli.run(project, database, "migrate").exit());

    Cli.Run discard = Cli.run(project, database, "discard");

    assertEquals(0, discard.exit(), discard.toString());
    assertTrue(discard.out().contains("V2__add_notes_pinned.sql") && discard.out().contains("V3__create_tags.sql")
        && discard.out().contains("DROP TABLE"), discard.toString());
    assertEquals("", git("status", "--porcelain"), "the files are the last commit's");
    assertEquals(List.of("V1__create_notes.sql"), list(project.resolve("target/classes/db/migration")));
    assertEquals(List.of("1"), db.query("SELECT version FROM flyway_schema_history ORDER BY installed_rank"));
    Cli.Run check = Cli.run(project, database, "check");
    assertEquals(0, check.exit(), check.toString());

    Cli.Run again = Cli.run(project, database, "discard", "--format", "json");
    assertEquals(0, again.exit(), again.toString());
    assertTrue(again.out().contains("\"discarded\": []"), again.toString());
  }

  @Test
  void productionModeRefusesToTouchTheDatabase(TestDatabase db) throws Exception {
    git("init", "-q", "-b", "main");
    Files.writeString(project.resolve(".gitignore"), "target/\n");
    generate(Schema.EMPTY, NOTES, "V1__create_notes.sql");
    git("add", "-A");
    git("-c", "user.email=dev@example.com", "-c", "user.name=Dev", "commit", "-q", "-m", "notes");
    generate(NOTES, PINNED, "V2__add_notes_pinned.sql");

    Cli.Run refused = Cli.run(project, Map.of("DBSYNC_URL", db.url(), "DBSYNC_MODE", "production"), "discard");

    assertEquals(2, refused.exit(), refused.toString());
    assertTrue(refused.err().contains("production"), refused.toString());
    assertEquals(List.of("V1__create_notes.sql", "V2__add_notes_pinned.sql"),
        list(project.resolve("src/main/resources/db/migration")));
  }

  /** What the processor writes for records that declare {@code to}: the migration and the snapshot, twice. */
  private void generate(Schema from, Schema to, String expectedName) throws IOException {
    var diff = SchemaDiffer.diff(from, to, Intent.NONE);
    String name = "V" + (list(project.resolve("src/main/resources/db/migration")).size() + 1) + "__"
        + MigrationScript.slug(diff.changes()) + ".sql";
    assertEquals(expectedName, name);
    String sql = MigrationScript.render(SchemaHash.of(from), SchemaHash.of(to), diff.changes());
    for (String root : List.of("src/main/resources", "target/classes")) {
      write(project.resolve(root).resolve("db/migration").resolve(name), sql);
      write(project.resolve(root).resolve("db/dbsync/schema.json"), SnapshotCodec.write(to));
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static List<String> list(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private String git(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(arguments));
    Process git = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, git.waitFor(), () -> String.join(" ", command) + ": " + output);
    return output;
  }
}
