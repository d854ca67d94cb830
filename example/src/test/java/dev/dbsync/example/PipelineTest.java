package dev.dbsync.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.testing.TestDatabase;
import dev.dbsync.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's CI/CD pipeline, {@code example/ci/pipeline.sh}, run end to end as GitHub Actions runs it — a child
 * bash with the workflow's environment — against two scratch databases standing in for staging and production,
 * on a copy of the example's records and committed migrations. Its build step is {@code process-resources} and {@code javac} with the dbsync
 * processor (what {@code mvn package} does for the schema), run with {@code CI=true} like every step.
 */
class PipelineTest {
  /** The example's post with one more column: V2 adds it. */
  private static final String POST = "src/main/java/dev/dbsync/example/Post.java";

  @TempDir Path project;
  private TestDatabase staging;
  private TestDatabase production;

  @BeforeEach
  void copyOfTheExample() throws IOException {
    Path example = Path.of("").toAbsolutePath();
    // the records and the committed migrations and snapshot (Main is the demo, not part of the schema)
    for (String record : List.of("Profile.java", "Post.java")) {
      Path source = Path.of("src/main/java/dev/dbsync/example", record);
      Files.createDirectories(project.resolve(source).getParent());
      Files.copy(example.resolve(source), project.resolve(source));
    }
    copyTree(example.resolve("src/main/resources"), project.resolve("src/main/resources"));
    copyTree(example.resolve("ci"), project.resolve("ci"));
    Files.writeString(project.resolve("build.sh"), """
        #!/bin/sh
        # mvn package, as far as the schema goes: process-resources, then javac with the dbsync processor
        set -e
        rm -rf target/classes
        mkdir -p target/classes
        cp -R src/main/resources/. target/classes/
        javac -d target/classes -cp "$BUILD_CLASSPATH" -processorpath "$BUILD_CLASSPATH" \\
          -Adbsync.projectDir="$PWD" $(find src/main/java -name '*.java')
        """);
    project.resolve("build.sh").toFile().setExecutable(true);
    staging = TestDatabases.create();
    production = TestDatabases.create();
  }

  @AfterEach
  void dropDatabases() {
    staging.close();
    production.close();
  }

  @Test
  void developDeploysToStagingAndMainToProduction() throws Exception {
    Run develop = pipeline("develop", Map.of());
    assertEquals(0, develop.exitCode(), develop.output());
    assertTrue(develop.output().contains("deployed to staging"), develop.output());
    assertEquals(List.of("1"), history(staging));
    assertEquals(List.of(), tables(production), "develop never touches production");

    Run main = pipeline("main", Map.of());
    assertEquals(0, main.exitCode(), main.output());
    assertEquals(List.of("1"), history(production));
    assertEquals(1, backups().size(), "production mode dumped production before migrating: " + backups());

    Run again = pipeline("main", Map.of());
    assertEquals(0, again.exitCode(), again.output());
    assertEquals(1, backups().size(), "nothing pending: no migration, no backup");
  }

  @Test
  void driftPlantedByHandFailsTheJobAtCheck() throws Exception {
    assertEquals(0, pipeline("develop", Map.of()).exitCode());
    staging.execute("ALTER TABLE posts ADD COLUMN flagged boolean");

    Run run = pipeline("develop", Map.of());

    assertEquals(1, run.exitCode(), run.output());
    assertTrue(run.output().contains("pipeline failed at step: check staging"), run.output());
    assertTrue(run.output().contains("flagged"), run.output());
  }

  @Test
  void driftFailsTheJobAtCheckAlsoWhenAMigrationIsPending() throws Exception {
    assertEquals(0, pipeline("develop", Map.of()).exitCode());
    staging.execute("ALTER TABLE profiles ALTER COLUMN username DROP NOT NULL");
    developerAddsAColumn(); // to posts

    Run run = pipeline("develop", Map.of());

    assertEquals(1, run.exitCode(), run.output());
    assertTrue(run.output().contains("pipeline failed at step: check staging"), run.output());
    assertTrue(run.output().contains("public.profiles.username"), run.output());
    assertEquals(List.of("1"), history(staging), "nothing was migrated");
  }

  /**
   * A hand change to a table that the pending migration changes too is not told apart by check (the migration may
   * be what explains it): the migration's verification before commit catches it, and nothing is applied.
   */
  @Test
  void driftOnTheTableAPendingMigrationChangesStopsAtMigrate() throws Exception {
    assertEquals(0, pipeline("develop", Map.of()).exitCode());
    staging.execute("ALTER TABLE posts ALTER COLUMN title DROP NOT NULL");
    developerAddsAColumn(); // to posts

    Run run = pipeline("develop", Map.of());

    assertEquals(2, run.exitCode(), run.output());
    assertTrue(run.output().contains("pipeline failed at step: migrate staging"), run.output());
    assertTrue(run.output().contains("public.posts.title: expected text NOT NULL, found text NULL"), run.output());
    assertEquals(List.of("1"), history(staging), "nothing was migrated");
    assertEquals(List.of(), staging.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'posts' AND column_name = 'views'"));
  }

  @Test
  void aPendingMigrationPassesTheFirstCheckAndIsApplied() throws Exception {
    assertEquals(0, pipeline("develop", Map.of()).exitCode());
    developerAddsAColumn();

    Run run = pipeline("develop", Map.of());

    assertEquals(0, run.exitCode(), run.output());
    assertEquals(List.of("1", "2"), history(staging));
  }

  @Test
  void aDestructiveMigrationStopsAtMigrateUntilAllowed() throws Exception {
    assertEquals(0, pipeline("develop", Map.of()).exitCode());
    assertEquals(0, pipeline("main", Map.of()).exitCode());
    production.execute("INSERT INTO profiles (user_id, username) VALUES ('u1', 'ada')");
    production.execute("INSERT INTO posts (author_id, title, content) SELECT id, 'Hello', 'kept' FROM profiles");
    // the developer drops a column, compiles (V2, marked destructive), reviews and commits
    edit(POST, "    String content,\n", "");
    edit(POST, "@Table(\"posts\")", "@Table(value = \"posts\", droppedColumns = \"content\")");
    developerCompiles();

    Run refused = pipeline("develop", Map.of());
    assertEquals(2, refused.exitCode(), refused.output());
    assertTrue(refused.output().contains("pipeline failed at step: migrate staging"), refused.output());
    assertEquals(List.of("1"), history(staging));

    assertEquals(0, pipeline("develop", Map.of("DBSYNC_ALLOW_DESTRUCTIVE", "2")).exitCode());
    assertEquals(List.of("1", "2"), history(staging));

    Run production = pipeline("main", Map.of());
    assertEquals(2, production.exitCode(), production.output());
    assertTrue(production.output().contains("pipeline failed at step: migrate production"), production.output());
    assertEquals(List.of("kept"), this.production.query("SELECT content FROM posts"));

    Run allowed = pipeline("main", Map.of("DBSYNC_ALLOW_DESTRUCTIVE", "2"));
    assertEquals(0, allowed.exitCode(), allowed.output());
    assertEquals(List.of("1", "2"), history(this.production));
    assertEquals(List.of("Hello"), this.production.query("SELECT title FROM posts"));
  }

  @Test
  void aRecordChangedWithoutItsMigrationFailsTheBuild() throws Exception {
    edit(POST, "    String content,\n", "    String content,\n    @Default(\"0\") int views,\n");

    Run run = pipeline("develop", Map.of());

    assertEquals(1, run.exitCode(), run.output());
    assertTrue(run.output().contains("pipeline failed at step: build"), run.output());
    assertTrue(run.output().contains("the schema changed but its migration is not committed"), run.output());
    assertTrue(run.output().contains("V2__add_posts_views.sql"), run.output());
    assertEquals(List.of(), tables(staging), "the job stopped before touching a database");
    try (Stream<Path> migrations = Files.list(project.resolve("src/main/resources/db/migration"))) {
      assertEquals(1, migrations.count(), "verify mode wrote no migration");
    }
  }

  // --- the developer's side ---

  private void developerAddsAColumn() throws Exception {
    edit(POST, "    String content,\n", "    String content,\n    @Default(\"0\") int views,\n");
    developerCompiles();
  }

  /** The developer's compile (write mode: no CI variable) writes the migration they review and commit. */
  private void developerCompiles() throws Exception {
    Run build = run(List.of("./build.sh"), Map.of(), false);
    assertEquals(0, build.exitCode(), build.output());
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = project.resolve(file);
    String text = Files.readString(path);
    assertTrue(text.contains(from), () -> file + " has no " + from);
    Files.writeString(path, text.replace(from, to));
  }

  // --- the pipeline ---

  private record Run(int exitCode, String output) {}

  private Run pipeline(String branch, Map<String, String> variables) throws Exception {
    Map<String, String> environment = new java.util.HashMap<>(variables);
    environment.put("BRANCH", branch);
    environment.put("DBSYNC_CLI", cliJar());
    environment.put("DBSYNC_BUILD", "./build.sh");
    environment.put("STAGING_DATABASE_URL", staging.url());
    environment.put("PRODUCTION_DATABASE_URL", production.url());
    environment.put("PRODUCTION_BACKUP_DIR", project.resolve("backups").toString());
    return run(List.of("bash", "ci/pipeline.sh"), environment, true);
  }

  private Run run(List<String> command, Map<String, String> variables, boolean onRunner) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    // a clean runner: no setting of the machine running the tests leaks into the job
    environment.keySet().removeIf(name -> name.startsWith("DBSYNC_") || name.equals("CI"));
    environment.put("BUILD_CLASSPATH", System.getProperty("java.class.path"));
    if (onRunner) {
      environment.put("CI", "true"); // what GitHub Actions sets for every step
    }
    environment.putAll(variables);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }

  /** The runnable dbsync-cli jar: a test dependency of this module, so the reactor builds it first. */
  private static String cliJar() {
    return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> Path.of(entry).getFileName().toString().matches("dbsync-cli-.*\\.jar"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("dbsync-cli is not on the test class path"));
  }

  private List<Path> backups() throws IOException {
    Path directory = project.resolve("backups");
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }

  // --- the databases ---

  private static List<String> history(TestDatabase db) throws SQLException {
    return tables(db).contains("flyway_schema_history")
        ? db.query("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
        : List.of();
  }

  private static List<String> tables(TestDatabase db) throws SQLException {
    return db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.filter(Files::isRegularFile).forEach(file -> {
        try {
          Path target = to.resolve(from.relativize(file).toString());
          Files.createDirectories(target.getParent());
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
