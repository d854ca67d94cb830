package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * javac on real files laid out as Maven does, without options: the processor finds
 * {@code src/main/resources} from the class output {@code target/classes} and writes to both.
 */
class MavenLayoutTest {
  @TempDir Path project;

  @Test
  void classOutputLeadsToSrcMainResources() throws Exception {
    Path classes = directory("target/classes");

    String diagnostics = javac(classes, profileIn("src/main/java/app"));

    Path resources = project.resolve("src/main/resources");
    List<String> migrations = Fixtures.migrations(resources);
    assertThat(migrations).hasSize(1);
    assertThat(Fixtures.files(resources).keySet())
        .containsExactly("db/dbsync/migrations.index", "db/dbsync/schema.json", migrations.get(0));
    assertThat(Files.readString(classes.resolve("db/dbsync/migrations.index")))
        .isEqualTo(Files.readString(resources.resolve("db/dbsync/migrations.index")));
    assertThat(Files.readString(classes.resolve("db/dbsync/schema.json")))
        .isEqualTo(Files.readString(resources.resolve("db/dbsync/schema.json")));
    assertThat(Files.readString(classes.resolve(migrations.get(0))))
        .isEqualTo(Files.readString(resources.resolve(migrations.get(0))));
    assertThat(diagnostics)
        .contains(Messages.migrationWritten(migrations.get(0).substring("db/migration/".length())));
  }

  /** A @Table record among the tests (a fixture) must never reach the production migrations. */
  @Test
  void testCompilationLeavesTheSchemaAlone() throws Exception {
    Path source = profileIn("src/test/java/app");
    Path testClasses = directory("target/test-classes");

    String withoutOptions = javac(testClasses, source);
    String withProjectDir = javac(testClasses, source, "-Adbsync.projectDir=" + project);

    assertThat(Files.exists(project.resolve("src/main/resources"))).isFalse();
    assertThat(withoutOptions).contains(Messages.testCompilation(testClasses.toString()));
    assertThat(withProjectDir).contains(Messages.testCompilation(testClasses.toString()));
  }

  private Path directory(String relative) throws Exception {
    return Files.createDirectories(project.resolve(relative));
  }

  /** The seed schema's Profile record, written under {@code sourceDirectory}. */
  private Path profileIn(String sourceDirectory) throws Exception {
    return Files.writeString(directory(sourceDirectory).resolve("Profile.java"), Fixtures.PROFILE);
  }

  /** javac with the processor only, writing to {@code classes}; returns the diagnostics, fails on errors. */
  private static String javac(Path classes, Path source, String... options) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-proc:only"));
      arguments.addAll(List.of(options));
      JavaCompiler.CompilationTask task =
          javac.getTask(diagnostics, files, null, arguments, null, files.getJavaFileObjects(source));
      task.setProcessors(List.of(Fixtures.processor()));
      assertThat(task.call()).isTrue();
    }
    return diagnostics.toString();
  }
}
