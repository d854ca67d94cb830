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
    Path sources = project.resolve("src/main/java/app");
    Files.createDirectories(sources);
    Files.writeString(sources.resolve("Profile.java"), Fixtures.PROFILE);
    Path classes = project.resolve("target/classes");
    Files.createDirectories(classes);

    String diagnostics = javac(classes, sources.resolve("Profile.java"));

    Path resources = project.resolve("src/main/resources");
    List<String> migrations = Fixtures.migrations(resources);
    assertThat(migrations).hasSize(1);
    assertThat(Fixtures.files(resources).keySet()).containsExactly("db/dbsync/schema.json", migrations.get(0));
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
    Path sources = project.resolve("src/test/java/app");
    Files.createDirectories(sources);
    Files.writeString(sources.resolve("Profile.java"), Fixtures.PROFILE);
    Path testClasses = project.resolve("target/test-classes");
    Files.createDirectories(testClasses);

    String withoutOptions = javac(testClasses, sources.resolve("Profile.java"));
    String withProjectDir =
        javac(testClasses, sources.resolve("Profile.java"), "-Adbsync.projectDir=" + project);

    assertThat(Files.exists(project.resolve("src/main/resources"))).isFalse();
    assertThat(withoutOptions).contains(Messages.testCompilation(testClasses.toString()));
    assertThat(withProjectDir).contains(Messages.testCompilation(testClasses.toString()));
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
      task.setProcessors(List.of(new DbSyncProcessor()));
      assertThat(task.call()).isTrue();
    }
    return diagnostics.toString();
  }
}
