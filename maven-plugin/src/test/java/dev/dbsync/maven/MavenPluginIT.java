package dev.dbsync.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    assertEquals(List.of("1"), db.query("SELECT version FROM flyway_schema_history ORDER BY installed_rank"));

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
    assertEquals(List.of("1"), db.query("SELECT version FROM flyway_schema_history ORDER BY installed_rank"));

    String again = mvn(1, Map.of(), "dbsync:pull", "-Ddbsync.package=com.example.db", url);
    assertTrue(again.contains("pull would overwrite files that exist") && again.contains("Domains.java"), again);
  }

  private List<String> migrations() throws IOException {
    try (Stream<Path> files = Files.list(project.resolve("src/main/resources/db/migration"))) {
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
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("DBSYNC_") || k.equals("MAVEN_OPTS"));
    builder.environment().remove("CI"); // a developer's build: the processor writes the migrations
    builder.environment().putAll(environment);
    Path log = Files.createTempFile("dbsync-mvn", ".log");
    Process process = builder.redirectOutput(log.toFile()).start();
    process.getOutputStream().close();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("mvn " + String.join(" ", goals) + " did not end within 5 minutes");
    }
    String output = Files.readString(log);
    Files.delete(log);
    if (expectedExit == 0) {
      assertEquals(0, process.exitValue(), output);
    } else {
      assertNotEquals(0, process.exitValue(), output);
    }
    return output;
  }
}
