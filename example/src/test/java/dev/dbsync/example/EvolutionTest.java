package dev.dbsync.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.ApplyResult;
import dev.dbsync.DbSync;
import dev.dbsync.annotations.Table;
import dev.dbsync.processor.DbSyncProcessor;
import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.diff.SchemaDiffer;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole workflow in a scratch project, four times over: write the records, compile them with the processor,
 * apply what it generated, and check that the database equals the committed snapshot and that the rows survived.
 *
 * <p>By default it compiles in process, the way Maven does (resources copied to the class output first, the
 * processor told the project directory). With {@code -Ddbsync.evolution.mvn=<path to mvnw>} each step is a real
 * {@code mvn compile} of a scratch Maven project that declares dbsync as the README says; the dbsync artifacts
 * must be installed first ({@code .ci/run} does both).
 */
@ExtendWith(FreshDatabase.class)
class EvolutionTest {
  private static final String PROFILE_V1 = """
      package app;
      import dev.dbsync.annotations.*;
      import java.time.Instant;
      import java.util.UUID;
      @Table("profiles")
      public record Profile(
          @Id @DefaultRandom UUID id,
          @Unique String userId,
          @Unique String username,
          @DefaultNow Instant createdAt) {}
      """;

  private static final String POST_V1 = """
      package app;
      import dev.dbsync.annotations.*;
      import java.time.Instant;
      import java.util.UUID;
      @Table("posts")
      @Index(columns = "authorId")
      public record Post(
          @Id @DefaultRandom UUID id,
          @References(Profile.class) UUID authorId,
          @Column(type = "varchar(100)") String title,
          String content,
          @Default("false") boolean published,
          @DefaultNow Instant createdAt) {}
      """;

  /** Step 2: a column renamed (its data must follow), one added with a default, a nullable one added. */
  private static final String POST_V2 = """
      package app;
      import dev.dbsync.annotations.*;
      import java.time.Instant;
      import java.util.UUID;
      @Table("posts")
      @Index(columns = "authorId")
      public record Post(
          @Id @DefaultRandom UUID id,
          @References(Profile.class) UUID authorId,
          @Column(type = "varchar(100)") String title,
          @Column(renamedFrom = "content") String body,
          @Default("false") boolean published,
          @Default("0") int views,
          @Nullable String summary,
          @DefaultNow Instant createdAt) {}
      """;

  private static final String NULLABLE = """
      package app;
      import java.lang.annotation.*;
      @Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
      public @interface Nullable {}
      """;

  /** Step 3: an enum column with a default, a widened column, a new table with a cascading foreign key. */
  private static final String POST_V3 = """
      package app;
      import dev.dbsync.annotations.*;
      import java.time.Instant;
      import java.util.UUID;
      @Table("posts")
      @Index(columns = "authorId")
      public record Post(
          @Id @DefaultRandom UUID id,
          @References(Profile.class) UUID authorId,
          @Column(type = "varchar(200)") String title,
          @Column(renamedFrom = "content") String body,
          @Default("false") boolean published,
          @Default("0") int views,
          @Nullable String summary,
          @Default("'DRAFT'") Status status,
          @DefaultNow Instant createdAt) {}
      """;

  private static final String STATUS_V3 = """
      package app;
      public enum Status { DRAFT, PUBLISHED }
      """;

  private static final String COMMENT_V3 = """
      package app;
      import dev.dbsync.annotations.*;
      import java.util.UUID;
      @Table("comments")
      public record Comment(
          @Id @Identity long id,
          @References(value = Post.class, onDelete = References.Action.CASCADE) UUID postId,
          String text) {}
      """;

  /** Step 4: a confirmed column drop, a table rename, an enum value added and used as the default at once. */
  private static final String POST_V4 = """
      package app;
      import dev.dbsync.annotations.*;
      import java.time.Instant;
      import java.util.UUID;
      @Table(value = "posts", droppedColumns = "published")
      @Index(columns = "authorId")
      public record Post(
          @Id @DefaultRandom UUID id,
          @References(Profile.class) UUID authorId,
          @Column(type = "varchar(200)") String title,
          @Column(renamedFrom = "content") String body,
          @Default("0") int views,
          @Nullable String summary,
          @Default("'ARCHIVED'") Status status,
          @DefaultNow Instant createdAt) {}
      """;

  private static final String STATUS_V4 = """
      package app;
      public enum Status { DRAFT, PUBLISHED, ARCHIVED }
      """;

  private static final String COMMENT_V4 = COMMENT_V3.replace(
      "@Table(\"comments\")", "@Table(value = \"post_comments\", renamedFrom = \"comments\")");

  @TempDir Path project;

  @Test
  void fourCompilesFourMigrationsDatabaseMatchesEveryTime(TestDatabase db, TestDatabase flywayDb) throws Exception {
    step(Map.of("Profile", PROFILE_V1, "Post", POST_V1), "V1__", db);
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO profiles (user_id, username) VALUES ('u1', 'ada')");
      s.execute("INSERT INTO posts (author_id, title, content) SELECT id, 'Hello', 'First words' FROM profiles");
    }

    step(Map.of("Nullable", NULLABLE, "Post", POST_V2), "V2__", db);
    assertEquals(List.of("Hello|First words|0"), db.query("SELECT title || '|' || body || '|' || views FROM posts"));

    step(Map.of("Post", POST_V3, "Status", STATUS_V3, "Comment", COMMENT_V3), "V3__", db);
    db.execute("INSERT INTO comments (post_id, text) SELECT id, 'Nice' FROM posts");
    assertEquals(List.of("Hello|DRAFT"), db.query("SELECT title || '|' || status FROM posts"));

    // ARCHIVED is added and made the default: the value gets a migration of its own, so Flyway can replay it
    step(Map.of("Post", POST_V4, "Status", STATUS_V4, "Comment", COMMENT_V4), db, "V4__add_status_archived.sql",
        "V5__");
    assertEquals(List.of("Nice"), db.query("SELECT text FROM post_comments"));
    assertEquals(List.of("First words|DRAFT"), db.query("SELECT body || '|' || status FROM posts"));
    assertEquals(List.of("ARCHIVED"), db.query(
        "INSERT INTO posts (author_id, title, body) SELECT id, 'Second', 'More' FROM profiles RETURNING status"));

    // Flyway, each file in its own transaction, builds the same schema from the same files
    Flyway.configure().dataSource(flywayDb.dataSource())
        .locations("filesystem:" + project.resolve("src/main/resources/db/migration")).load().migrate();
    try (Connection connection = flywayDb.connect()) {
      assertEquals(List.of(), SchemaDiffer.diff(Introspector.read(connection, Set.of("public")),
          snapshot().withoutClassNames(), Intent.NONE).changes(), "Flyway's database differs from the snapshot");
    }
  }

  private Schema snapshot() throws IOException {
    return SnapshotCodec.read(Files.readString(project.resolve("src/main/resources/db/dbsync/schema.json")));
  }

  private void step(Map<String, String> sources, String expectedPrefix, TestDatabase db) throws Exception {
    step(sources, db, expectedPrefix);
  }

  /** Writes the sources, compiles like Maven, expects the new migrations named, applies them, compares. */
  private void step(Map<String, String> sources, TestDatabase db, String... expectedPrefixes) throws Exception {
    Path sourceDir = project.resolve("src/main/java/app");
    Files.createDirectories(sourceDir);
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Files.writeString(sourceDir.resolve(source.getKey() + ".java"), source.getValue());
    }
    List<String> before = migrationNames();
    compile();
    List<String> added = new ArrayList<>(migrationNames());
    added.removeAll(before);
    assertEquals(expectedPrefixes.length, added.size(), () -> "expected " + List.of(expectedPrefixes) + ", found " + added);
    for (int i = 0; i < expectedPrefixes.length; i++) {
      assertTrue(added.get(i).startsWith(expectedPrefixes[i]), added::toString);
    }

    Path classes = project.resolve("target/classes");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      ApplyResult result = DbSync.configure().classLoader(loader).apply(db.dataSource());
      assertEquals(expectedPrefixes.length, result.applied().size(), result::summary);
    }
    Schema snapshot = snapshot();
    try (Connection connection = db.connect()) {
      Schema found = Introspector.read(connection, Set.of("public"));
      assertEquals(List.of(), SchemaDiffer.diff(found, snapshot.withoutClassNames(), Intent.NONE).changes(),
          () -> "after " + added.get(0) + " the database differs from the snapshot");
    }
  }

  /**
   * The scratch project's {@code pom.xml}: dbsync's parent for the pinned plugin versions, then what the README's
   * "Use it in your project" asks for.
   */
  private static final String SCRATCH_POM = """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <parent>
          <groupId>dev.dbsync</groupId>
          <artifactId>dbsync-parent</artifactId>
          <version>%1$s</version>
          <relativePath/>
        </parent>
        <artifactId>evolution-scratch</artifactId>
        <dependencies>
          <dependency>
            <groupId>dev.dbsync</groupId>
            <artifactId>dbsync-annotations</artifactId>
          </dependency>
        </dependencies>
        <build>
          <plugins>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-compiler-plugin</artifactId>
              <configuration>
                <annotationProcessorPaths>
                  <path>
                    <groupId>dev.dbsync</groupId>
                    <artifactId>dbsync-processor</artifactId>
                    <version>%1$s</version>
                  </path>
                </annotationProcessorPaths>
              </configuration>
            </plugin>
          </plugins>
        </build>
      </project>
      """;

  private void compile() throws IOException, InterruptedException {
    String mvn = System.getProperty("dbsync.evolution.mvn");
    if (mvn == null) {
      compileInProcess();
      return;
    }
    // the version under test: set by this module's surefire configuration
    Files.writeString(project.resolve("pom.xml"), SCRATCH_POM.formatted(System.getProperty("dbsync.version")));
    ProcessBuilder developer = new ProcessBuilder(mvn, "-B", "-q", "compile")
        .directory(project.toFile()).redirectErrorStream(true);
    // a developer's compile writes the migration; on a CI runner (CI=true) dbsync would only verify
    developer.environment().remove("CI");
    Process build = developer.start();
    String output = new String(build.getInputStream().readAllBytes());
    assertEquals(0, build.waitFor(), () -> "mvn compile failed:\n" + output);
  }

  /** process-resources, then javac with the processor, as {@code mvn compile} does. */
  private void compileInProcess() throws IOException {
    Path resources = project.resolve("src/main/resources");
    Path classes = project.resolve("target/classes");
    Files.createDirectories(resources);
    Files.createDirectories(classes);
    copyTree(resources, classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null);
        Stream<Path> sources = Files.list(project.resolve("src/main/java/app"))) {
      JavaCompiler.CompilationTask task = javac.getTask(diagnostics, files, null,
          List.of("-d", classes.toString(), "-classpath", codeSource(Table.class),
              "-Adbsync.projectDir=" + project, "-Adbsync.generate=write"),
          null, files.getJavaFileObjectsFromPaths(sources.toList()));
      task.setProcessors(List.of(new DbSyncProcessor()));
      assertTrue(task.call(), () -> "compilation failed:\n" + diagnostics);
    }
  }

  private List<String> migrationNames() throws IOException {
    Path dir = project.resolve("src/main/resources/db/migration");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.filter(Files::isRegularFile).forEach(file -> {
        try {
          Path target = to.resolve(from.relativize(file).toString());
          Files.createDirectories(target.getParent());
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static String codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
