package dev.dbsync.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.commands.CommandMessages;
import dev.dbsync.runtime.engine.EngineMessages;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Maven (the project's wrapper) on a scratch project that declares dbsync as the README says. The plugin and
 * the dbsync artifacts come from the repository the invoker plugin installed them into; everything else from the
 * build's own local repository, read-only ({@code maven.repo.local.tail}), so nothing is downloaded again.
 */
@ExtendWith(FreshDatabase.class)
class MavenPluginIT {
  /** The pom's own configuration points nowhere: -Ddbsync.url must win over it. */
  private static final String POM = """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>app</groupId>
        <artifactId>plugin-scratch</artifactId>
        <version>1</version>
        <properties>
          <maven.compiler.release>17</maven.compiler.release>
          <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
        </properties>
        <dependencies>
          <dependency>
            <groupId>dev.dbsync</groupId>
            <artifactId>dbsync-annotations</artifactId>
            <version>%1$s</version>
          </dependency>
        </dependencies>
        <build>
          <plugins>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-resources-plugin</artifactId>
              <version>3.3.1</version>
            </plugin>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-compiler-plugin</artifactId>
              <version>3.14.1</version>
              <configuration>
                <annotationProcessorPaths>
                  <path>
                    <groupId>dev.dbsync</groupId>
                    <artifactId>dbsync-processor</artifactId>
                    <version>%1$s</version>
                  </path>
                </annotationProcessorPaths>
                <compilerArgs>
                  <arg>-Adbsync.projectDir=${project.basedir}</arg>
                </compilerArgs>
              </configuration>
            </plugin>
            <plugin>
              <groupId>dev.dbsync</groupId>
              <artifactId>dbsync-maven-plugin</artifactId>
              <version>%1$s</version>
              <configuration>
                <url>jdbc:postgresql://127.0.0.1:1/configured-in-the-pom</url>
              </configuration>
            </plugin>
          </plugins>
        </build>
      </project>
      """;

  private static final String NOTE = """
      package app;

      import dev.dbsync.annotations.Id;
      import dev.dbsync.annotations.Table;

      @Table("notes")
      public record Note(@Id long id, String body) {}
      """;

  private static final String NOTE_PINNED = """
      package app;

      import dev.dbsync.annotations.Default;
      import dev.dbsync.annotations.Id;
      import dev.dbsync.annotations.Table;

      @Table("notes")
      public record Note(@Id long id, String body, @Default("false") boolean pinned) {}
      """;

  /** NOTE_PINNED without its flag, the drop declared: the generated migration is destructive. */
  private static final String NOTE_UNPINNED = """
      package app;

      import dev.dbsync.annotations.Id;
      import dev.dbsync.annotations.Table;

      @Table(value = "notes", droppedColumns = "pinned")
      public record Note(@Id long id, String body) {}
      """;

  @TempDir Path project;

  @Test
  void compileSyncLoopThenCheckAndProductionMode(TestDatabase db) throws Exception {
    Files.writeString(project.resolve("pom.xml"), POM.formatted(System.getProperty("dbsync.version")));
    Path source = project.resolve("src/main/java/app/Note.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, NOTE);
    String url = "-Ddbsync.url=" + db.url();

    String first = mvn(0, Map.of(), "compile", "dbsync:sync", url);
    assertTrue(first.contains("Applied 1 migration") && first.contains("In sync"), first);
    assertEquals(List.of("1"), history(db));

    Files.writeString(source, NOTE_PINNED);
    String second = mvn(0, Map.of(), "compile", "dbsync:sync", url);
    assertTrue(second.contains("Applied 1 migration") && second.contains("In sync"), second);
    assertEquals(2, migrations().size(), migrations().toString());
    assertEquals(List.of("false"), db.query("SELECT column_default FROM information_schema.columns"
        + " WHERE table_name = 'notes' AND column_name = 'pinned'"));

    db.execute("ALTER TABLE notes ADD COLUMN extra integer");
    String check = mvn(1, Map.of(), "dbsync:check", url);
    assertTrue(check.contains("public.notes.extra") && check.contains("+ found    integer NULL")
        && check.contains("changed by hand") && check.contains("BUILD FAILURE")
        && check.contains("dbsync:check found the database out of sync (exit code 1)"), check);

    String push = mvn(1, Map.of("DBSYNC_MODE", "production"), "dbsync:push", url);
    assertTrue(push.contains("push is refused in production mode") && push.contains("BUILD FAILURE"), push);
  }

  /** The README's "Adopt an existing database" in Maven, on the PowerDNS schema the pull tests load. */
  @Test
  void pullCompileBaselineCheckAdoptsAnExistingDatabase(TestDatabase db) throws Exception {
    Files.writeString(project.resolve("pom.xml"), POM.formatted(System.getProperty("dbsync.version")));
    db.execute(Files.readString(Path.of("../commands/src/test/resources/realworld/powerdns/schema.pgsql.sql")));
    String url = "-Ddbsync.url=" + db.url();

    String pull = mvn(0, Map.of(), "dbsync:pull", "-Ddbsync.package=com.example.db", url);
    assertTrue(pull.contains("Pulled 7 table(s)") && pull.contains("com.example.db.Records")
        && pull.contains("public.records_id_seq"), pull);
    assertTrue(Files.exists(project.resolve("src/main/java/com/example/db/Domains.java")));

    String adopt = mvn(0, Map.of(), "compile", "dbsync:baseline", "dbsync:check", url);
    assertEquals(List.of("V1__baseline.sql"), migrations()); // compiling the pulled records wrote no migration
    assertTrue(adopt.contains("In sync"), adopt);
    assertEquals(List.of("1"), history(db));

    String again = mvn(1, Map.of(), "dbsync:pull", "-Ddbsync.package=com.example.db", url);
    assertTrue(again.contains("pull would overwrite files that exist") && again.contains("Domains.java"), again);
  }

  /**
   * The README's "Iterating: discard" in Maven: a change compiled and synced but not committed is discarded, its
   * migration file gone, the snapshot and the database back at the last commit; the next compile writes it again.
   */
  @Test
  void discardTakesFilesAndDatabaseBackToTheLastCommit(TestDatabase db) throws Exception {
    Files.writeString(project.resolve("pom.xml"), POM.formatted(System.getProperty("dbsync.version")));
    Files.writeString(project.resolve(".gitignore"), "target/\n");
    Path source = project.resolve("src/main/java/app/Note.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, NOTE);
    String url = "-Ddbsync.url=" + db.url();
    mvn(0, Map.of(), "compile", "dbsync:sync", url);
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "-q", "-m", "notes");
    String committedSnapshot = Files.readString(snapshot(project.resolve("src/main/resources")));

    Files.writeString(source, NOTE_PINNED);
    mvn(0, Map.of(), "compile", "dbsync:sync", url);
    List<String> iterated = migrations();
    assertEquals(2, iterated.size(), iterated.toString());
    String v1 = iterated.get(0);
    String v2 = iterated.get(1);
    String v2Text = Files.readString(migrationDirectory().resolve(v2));

    String production = mvn(1, Map.of("DBSYNC_MODE", "production"), "dbsync:discard", url);
    assertTrue(production.contains(EngineMessages.revertInProduction())
        && production.contains(MavenMessages.error("discard")) && production.contains("BUILD FAILURE"), production);
    assertEquals(iterated, migrations(), "refused: nothing changed");
    assertEquals(List.of("1", "2"), history(db));

    // discarding twice: the second finds nothing left; check compares the database with the restored snapshot
    String discard = mvn(0, Map.of(), "dbsync:discard", "dbsync:discard", "dbsync:check", url);
    assertTrue(discard.contains("Discarded 1 generated migration not committed to git:") && discard.contains(v2)
        && discard.contains("Restored db/dbsync/schema.json as committed")
        && discard.contains("The development database had applied V2: its history row is deleted")
        && discard.contains(CommandMessages.NOTHING_TO_DISCARD) && discard.contains("In sync"), discard);
    assertEquals(List.of(v1), migrations());
    assertEquals(committedSnapshot, Files.readString(snapshot(project.resolve("src/main/resources"))));
    assertEquals(committedSnapshot, Files.readString(snapshot(project.resolve("target/classes"))));
    assertEquals(" M src/main/java/app/Note.java\n", git("status", "--porcelain"),
        "the resources are the last commit again; the edited record stays");
    assertEquals(git("show", "HEAD:src/main/resources/db/dbsync/migrations.index"),
        Files.readString(project.resolve("target/classes/db/dbsync/migrations.index")), "the index lists V1 only");
    assertEquals(List.of("1"), history(db));
    assertEquals(List.of("id", "body"), noteColumns(db));

    // the records' sources did not change: Maven recompiles them only because discard removed their classes
    String again = mvn(0, Map.of(), "compile", "dbsync:sync", url);
    assertTrue(again.contains("Applied 1 migration") && again.contains("In sync"), again);
    assertEquals(List.of(v1, v2), migrations());
    assertEquals(v2Text, Files.readString(migrationDirectory().resolve(v2)));
    assertEquals(List.of("1", "2"), history(db));
    assertEquals(List.of("id", "body", "pinned"), noteColumns(db));
  }

  /**
   * The README's production mode through the plugin: a generated migration that drops a column is refused until
   * its version is allowed; then the database is dumped into the backup directory, the table copied into
   * dbsync_backup, and the migration applied.
   */
  @Test
  void productionMigrateRefusesADestructiveMigrationUntilAllowedThenBacksUp(TestDatabase db) throws Exception {
    Files.writeString(project.resolve("pom.xml"), POM.formatted(System.getProperty("dbsync.version")));
    Path source = project.resolve("src/main/java/app/Note.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, NOTE_PINNED);
    String url = "-Ddbsync.url=" + db.url();
    mvn(0, Map.of(), "compile", "dbsync:migrate", url);
    db.execute("INSERT INTO notes (id, body, pinned) VALUES (1, 'kept', true)");

    Files.writeString(source, NOTE_UNPINNED);
    String refused = mvn(1, Map.of(), "compile", "dbsync:migrate", "-Ddbsync.mode=production", url);
    String v2 = migrations().get(1);
    assertTrue(refused.contains("Production mode refuses the destructive migration " + v2)
        && refused.contains("allow it with DBSYNC_ALLOW_DESTRUCTIVE (system property dbsync.allow.destructive) = 2")
        && refused.contains(MavenMessages.error("migrate")) && refused.contains("BUILD FAILURE"), refused);
    assertEquals(List.of("1"), history(db));
    assertEquals(List.of("id", "body", "pinned"), noteColumns(db));

    String allowed = mvn(0, Map.of("DBSYNC_MODE", "production"), "dbsync:migrate",
        "-Ddbsync.allow.destructive=2", "-Ddbsync.backup.dir=target/backups", url);
    List<Path> dumps;
    try (Stream<Path> files = Files.list(project.resolve("target/backups"))) {
      dumps = files.toList();
    }
    assertEquals(1, dumps.size(), dumps.toString());
    String dump = dumps.get(0).getFileName().toString();
    assertTrue(dump.matches(Pattern.quote(db.name()) + "-\\d{8}-\\d{6}-\\d{3}-before-V2\\.dump"), dump);
    assertEquals("PGDMP", new String(Files.readAllBytes(dumps.get(0)), 0, 5, StandardCharsets.US_ASCII),
        "pg_dump's custom format");
    assertTrue(allowed.contains("Applied 1 migration") && allowed.contains("backup before: ")
        && allowed.contains(dump) && allowed.contains("dbsync_backup.notes_v2"), allowed);
    assertEquals(List.of("1", "2"), history(db));
    assertEquals(List.of("id", "body"), noteColumns(db));
    assertEquals(List.of("kept|true"), db.query("SELECT body || '|' || pinned FROM dbsync_backup.notes_v2"));
  }

  private Path migrationDirectory() {
    return project.resolve("src/main/resources/db/migration");
  }

  private static Path snapshot(Path resources) {
    return resources.resolve("db/dbsync/schema.json");
  }

  private static List<String> history(TestDatabase db) throws SQLException {
    return db.query("SELECT version FROM flyway_schema_history ORDER BY installed_rank");
  }

  private static List<String> noteColumns(TestDatabase db) throws SQLException {
    return db.query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
        + " AND table_name = 'notes' ORDER BY ordinal_position");
  }

  private List<String> migrations() throws IOException {
    try (Stream<Path> files = Files.list(migrationDirectory())) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** Runs the wrapper in the scratch project; returns its output after checking its exit code. */
  private String mvn(int expectedExit, Map<String, String> environment, String... goals)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(System.getProperty("dbsync.mvnw"), "-B", "-ntp",
        "-Dmaven.repo.local=" + System.getProperty("dbsync.it.repo"),
        "-Dmaven.repo.local.tail=" + System.getProperty("dbsync.outer.repo")));
    command.addAll(List.of(goals));
    return run(expectedExit, environment, command);
  }

  private String git(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(arguments));
    return run(0, Map.of(), command);
  }

  /** Runs a command in the scratch project; returns its output after checking its exit code. */
  private String run(int expectedExit, Map<String, String> environment, List<String> command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("DBSYNC_") || k.equals("MAVEN_OPTS"));
    builder.environment().remove("CI"); // a developer's build: the processor writes the migrations
    builder.environment().putAll(environment);
    Path log = Files.createTempFile("dbsync-run", ".log");
    Process process = builder.redirectOutput(log.toFile()).start();
    process.getOutputStream().close();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not end within 5 minutes");
    }
    String output = Files.readString(log);
    Files.delete(log);
    assertEquals(expectedExit, process.exitValue(), output);
    return output;
  }
}
