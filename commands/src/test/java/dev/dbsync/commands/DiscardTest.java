package dev.dbsync.commands;

import static dev.dbsync.schema.diff.Models.column;
import static dev.dbsync.schema.diff.Models.nullable;
import static dev.dbsync.schema.diff.Models.schema;
import static dev.dbsync.schema.diff.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.ApplyResult;
import dev.dbsync.DbSync;
import dev.dbsync.MigrationException;
import dev.dbsync.runtime.engine.Pusher;
import dev.dbsync.runtime.engine.Settings;
import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.diff.DiffProblem;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.diff.MigrationScript;
import dev.dbsync.schema.diff.SchemaDiff;
import dev.dbsync.schema.diff.SchemaDiffer;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.snapshot.MigrationIndex;
import dev.dbsync.schema.snapshot.SchemaHash;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code discard} in a real git repository with a real development database: the iteration loop (edit, compile,
 * apply, edit again, ...) ends in one migration per reviewed change, and the database follows without SQL.
 *
 * <p>"Compile" here writes what the processor writes (the next migration from the working snapshot, the new
 * snapshot and the migration index, each copied to the class output) with the same schema classes the processor uses.
 */
@ExtendWith(FreshDatabase.class)
class DiscardTest {
  /** V1: notes(id, body). */
  private static final Schema NOTES = schema(table("public.notes").id().col("body", "text"));
  /** Iteration 1: a pinned flag. */
  private static final Schema PINNED = schema(table("public.notes").id().col("body", "text")
      .with(column("pinned", "boolean").withDefault("false")));
  /** Iteration 2: the flag becomes a priority, and a tags table appears. */
  private static final Schema PRIORITY = schema(
      table("public.notes").id().col("body", "text").with(column("priority", "integer").withDefault("0")),
      table("public.tags").id().col("label", "text"));

  private static final Settings DEVELOPMENT = Settings.resolve(Settings.Explicit.NONE, variable -> null);

  @TempDir Path project;
  private Discard.Layout layout;

  @BeforeEach
  void committedV1() throws Exception {
    git("init", "-q", "-b", "main");
    git("config", "user.email", "dev@example.com");
    git("config", "user.name", "Dev");
    Files.writeString(project.resolve(".gitignore"), "target/\n");
    layout = Discard.Layout.maven(project);
    assertEquals("V1__create_notes.sql", compile(NOTES, Intent.NONE));
    git("add", "-A");
    git("commit", "-q", "-m", "notes");
  }

  @Test
  void theIterationLoopEndsInOneMigrationAndTheDatabaseFollows(TestDatabase db) throws Exception {
    migrate(db);
    db.execute("INSERT INTO notes (body) VALUES ('kept')");
    String v2 = compile(PINNED, Intent.NONE);
    migrate(db);
    String v3 = compile(PRIORITY, Intent.NONE.withDroppedColumn(PRIORITY.tables().get(0).name(), "pinned"));
    migrate(db);
    assertEquals(List.of("1", "2", "3"), history(db));

    Discard.Result result = Discard.run(layout, Optional.of(db.dataSource()), DEVELOPMENT);

    assertEquals(List.of(v2, v3), result.plan().migrations().stream().map(Discard.Migration::fileName).toList());
    assertEquals(List.of("V1__create_notes.sql"), migrations(layout.resources()));
    assertEquals(List.of("V1__create_notes.sql"), migrations(layout.classOutput()));
    assertEquals(committed("src/main/resources/db/dbsync/schema.json"), snapshotText(layout.resources()));
    assertEquals(snapshotText(layout.resources()), snapshotText(layout.classOutput()));
    assertEquals(committed("src/main/resources/" + MigrationIndex.RESOURCE),
        Files.readString(layout.classOutput().resolve(MigrationIndex.RESOURCE)), "the index lists V1 only");
    assertEquals("", git("status", "--porcelain"), "the working tree is the last commit again");
    assertEquals(List.of("1"), history(db));
    assertMatches(NOTES, db);
    assertEquals(List.of("kept"), db.query("SELECT body FROM notes"));
    assertFalse(Files.exists(layout.classOutput().resolve("app/Notes.class")), "Notes is recompiled next time");
    assertFalse(Files.exists(layout.classOutput().resolve("app/Tags.class")));
    String report = Discard.report(result);
    assertTrue(report.contains("V2, V3") && report.contains("DROP TABLE") && report.contains(v3), report);

    // the next compile writes one migration from the committed schema to the records, and it applies
    String reviewed = compile(PRIORITY, Intent.NONE);
    assertTrue(reviewed.startsWith("V2__"), reviewed);
    assertEquals(List.of("V1__create_notes.sql", reviewed), migrations(layout.resources()));
    ApplyResult applied = migrate(db);
    assertEquals(1, applied.applied().size(), applied.summary());
    assertEquals(List.of("1", "2"), history(db));
    assertMatches(PRIORITY, db);
    assertEquals(List.of("kept|0"), db.query("SELECT body || '|' || priority FROM notes"));
  }

  @Test
  void withoutADatabaseOnlyTheFilesAreDiscarded() throws Exception {
    compile(PINNED, Intent.NONE);
    git("add", "-A"); // staged, not committed: still discarded, and taken out of the index

    Discard.Result result = Discard.run(layout, Optional.empty(), DEVELOPMENT);

    assertEquals(List.of("2"), result.plan().versions());
    assertEquals(List.of("V1__create_notes.sql"), migrations(layout.resources()));
    assertEquals("", git("status", "--porcelain"));
    assertTrue(Discard.report(result).contains("No database given"), Discard.report(result));
  }

  @Test
  void aDatabaseThatAppliedNoneIsLeftAsItIs(TestDatabase db) throws Exception {
    compile(PINNED, Intent.NONE);

    Discard.Result result = Discard.run(layout, Optional.of(db.dataSource()), DEVELOPMENT);

    assertEquals(List.of(), result.database().orElseThrow().versions());
    assertEquals(List.of(), introspect(db).tables(), "an empty database gets nothing pushed into it");
    assertEquals(List.of("V1__create_notes.sql"), migrations(layout.resources()));
  }

  @Test
  void nothingToDiscardWhenEverythingIsCommitted(TestDatabase db) throws Exception {
    migrate(db);
    Discard.Result result = Discard.run(layout, Optional.of(db.dataSource()), DEVELOPMENT);

    assertTrue(result.plan().migrations().isEmpty());
    assertEquals(CommandMessages.NOTHING_TO_DISCARD, Discard.report(result));
    assertEquals(List.of("1"), history(db));
  }

  @Test
  void aHandWrittenNewestMigrationIsNeverDeleted() throws Exception {
    compile(PINNED, Intent.NONE);
    Path mine = layout.resources().resolve("db/migration/V3__backfill.sql");
    Files.writeString(mine, "UPDATE notes SET pinned = true;\n");
    Map<String, String> before = files();

    DiscardException refused =
        assertThrows(DiscardException.class, () -> Discard.run(layout, Optional.empty(), DEVELOPMENT));

    assertEquals(CommandMessages.newestIsHandWritten("V3__backfill.sql"), refused.getMessage());
    assertEquals(before, files());
  }

  @Test
  void aColumnAddedByHandIsNotDroppedAndNothingChanges(TestDatabase db) throws Exception {
    migrate(db);
    compile(PINNED, Intent.NONE);
    migrate(db);
    db.execute("ALTER TABLE notes ADD COLUMN mine text");
    Map<String, String> before = files();

    MigrationException refused = assertThrows(MigrationException.class,
        () -> Discard.run(layout, Optional.of(db.dataSource()), DEVELOPMENT));

    assertTrue(refused.getMessage().contains("mine") && refused.getMessage().contains("nothing was changed"),
        refused.getMessage());
    assertEquals(before, files());
    assertEquals(List.of("1", "2"), history(db));
  }

  @Test
  void aDiscardedRenameCannotBeRevertedAndNothingChanges(TestDatabase db) throws Exception {
    migrate(db);
    Schema renamed = schema(table("public.notes").id().col("text", "text"));
    compile(renamed, Intent.NONE.withColumnRename(renamed.tables().get(0).name(), "text", "body"));
    migrate(db);
    Map<String, String> before = files();

    MigrationException refused = assertThrows(MigrationException.class,
        () -> Discard.run(layout, Optional.of(db.dataSource()), DEVELOPMENT));

    assertTrue(refused.getMessage().contains("Recreate the development database"), refused.getMessage());
    assertEquals(before, files());
    assertEquals(List.of("1", "2"), history(db));
  }

  @Test
  void productionModeRefusesBeforeConnecting(TestDatabase db) throws Exception {
    migrate(db);
    compile(PINNED, Intent.NONE);
    migrate(db);
    Map<String, String> before = files();
    Settings production =
        Settings.resolve(Settings.Explicit.NONE, variable -> variable.equals(Settings.MODE) ? "production" : null);

    MigrationException refused = assertThrows(MigrationException.class,
        () -> Discard.run(layout, Optional.of(db.dataSource()), production));

    assertTrue(refused.getMessage().contains("production"), refused.getMessage());
    assertEquals(before, files());
    assertMatches(PINNED, db);
  }

  @Test
  void outsideGitItRefuses(@TempDir Path elsewhere) {
    DiscardException refused = assertThrows(DiscardException.class,
        () -> Discard.plan(Discard.Layout.maven(elsewhere)));
    assertTrue(refused.getMessage().startsWith("discard needs git"), refused.getMessage());
  }

  @Test
  void revertRequiresADevelopmentDatabase() {
    // the engine refuses too, whoever calls it
    Settings production =
        Settings.resolve(Settings.Explicit.NONE, variable -> variable.equals(Settings.MODE) ? "production" : null);
    assertThrows(MigrationException.class, () -> new Pusher(production, getClass().getClassLoader())
        .revert(null, NOTES, PINNED, List.of("2")));
  }

  // --- the scratch project ---

  /** What the processor does on a compile whose records declare {@code next}; returns the migration's name. */
  private String compile(Schema next, Intent intent) throws IOException {
    Path snapshotFile = layout.resources().resolve(Discard.SNAPSHOT);
    Schema current = Files.exists(snapshotFile) ? SnapshotCodec.read(Files.readString(snapshotFile)) : Schema.EMPTY;
    SchemaDiff diff = SchemaDiffer.diff(current, next, intent);
    assertTrue(diff.problems().stream().noneMatch(p -> p.severity() == DiffProblem.Severity.ERROR),
        diff.problems()::toString);
    int version = migrations(layout.resources()).size() + 1;
    String name = "V" + version + "__" + MigrationScript.slug(diff.changes()) + ".sql";
    String sql = MigrationScript.render(SchemaHash.of(current), SchemaHash.of(next), diff.changes());
    // as the processor: each table names its record, whose class file the compile writes
    Schema compiled = new Schema(next.enums(), next.tables().stream()
        .map(t -> t.withClassName("app." + t.name().name().substring(0, 1).toUpperCase() + t.name().name().substring(1)))
        .toList());
    for (Path root : List.of(layout.resources(), layout.classOutput())) {
      write(root.resolve(Discard.MIGRATIONS).resolve(name), sql);
      write(root.resolve(Discard.SNAPSHOT), SnapshotCodec.write(compiled));
    }
    List<MigrationIndex.Entry> index = new ArrayList<>();
    for (String file : migrations(layout.resources())) {
      byte[] bytes = Files.readAllBytes(layout.resources().resolve(Discard.MIGRATIONS).resolve(file));
      index.add(MigrationIndex.Entry.of(file, file.substring(1, file.indexOf("__")), bytes));
    }
    for (Path root : List.of(layout.resources(), layout.classOutput())) {
      write(root.resolve(MigrationIndex.RESOURCE), new MigrationIndex(index).text());
    }
    for (var table : compiled.tables()) {
      write(layout.classOutput().resolve(table.className().replace('.', '/') + ".class"), "compiled");
    }
    return name;
  }

  private ApplyResult migrate(TestDatabase db) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {layout.classOutput().toUri().toURL()}, null)) {
      return DbSync.configure().classLoader(loader).apply(db.dataSource());
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static List<String> migrations(Path root) throws IOException {
    Path directory = root.resolve(Discard.MIGRATIONS);
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static String snapshotText(Path root) throws IOException {
    return Files.readString(root.resolve(Discard.SNAPSHOT));
  }

  /** Every file of the project outside .git, with its content. */
  private Map<String, String> files() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(project)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String name = project.relativize(file).toString();
        if (!name.startsWith(".git")) {
          files.put(name, Files.readString(file));
        }
      }
    }
    return files;
  }

  private String committed(String path) throws Exception {
    return git("show", "HEAD:" + path);
  }

  private String git(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(arguments));
    Process git = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, git.waitFor(), () -> String.join(" ", command) + ": " + output);
    return output;
  }

  private static Schema introspect(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      return Introspector.read(connection, Set.of("public"), "flyway_schema_history");
    }
  }

  /** The database is {@code expected}, nothing missing, nothing more (the history table aside). */
  private static void assertMatches(Schema expected, TestDatabase db) throws SQLException {
    Drift drift = Drift.between(expected, introspect(db));
    assertEquals(List.of(), drift.differences());
    assertEquals(List.of(), drift.unmanaged());
  }

  private static List<String> history(TestDatabase db) throws SQLException {
    return db.query("SELECT version FROM flyway_schema_history ORDER BY installed_rank");
  }
}
