package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.dbsync.schema.model.QualifiedName;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is dropped or lost by accident: a partial compilation keeps the tables whose sources exist, a deleted
 * migration is named as such, and the class output never serves a migration the resources no longer have. javac
 * runs on real files laid out as Maven does.
 */
class AccidentalDropTest {
  private static final String TAG =
      """
      package app;

      import dev.dbsync.annotations.*;

      @Table("tags")
      public record Tag(@Id long id, String label) {}
      """;

  @TempDir Path project;

  private Path resources() {
    return project.resolve("src/main/resources");
  }

  private Path source(String name, String text) throws Exception {
    Path directory = Files.createDirectories(project.resolve("src/main/java/app"));
    return Files.writeString(directory.resolve(name + ".java"), text);
  }

  @Test
  void compilingOneRecordIntoAnEmptyDirectoryKeepsTheTablesWhoseSourcesExist() throws Exception {
    Path profile = source("Profile", Fixtures.PROFILE);
    Path tag = source("Tag", TAG);
    javac(Files.createDirectories(project.resolve("target/classes")), List.of(profile, tag));
    Map<String, String> before = Fixtures.files(resources());

    // an IDE or a script: one file, an output directory without the other classes
    String diagnostics = javac(Files.createDirectories(project.resolve("out")), List.of(tag),
        "-Adbsync.projectDir=" + project);

    assertThat(Fixtures.files(resources())).isEqualTo(before);
    assertThat(diagnostics)
        .contains(Messages.tableKeptSourceExists(QualifiedName.of("public", "profiles"), "app.Profile",
            profile.toString()));
    assertThat(diagnostics).doesNotContain("Destructive change");

    // the record's source is really gone: now the table is dropped, with the warning
    Files.delete(profile);
    String dropped = javac(project.resolve("out"), List.of(tag), "-Adbsync.projectDir=" + project);
    assertThat(dropped).contains("Destructive change: drop table public.profiles");
    assertThat(Fixtures.migrations(resources())).hasSize(2);
  }

  @Test
  void aDeletedMigrationIsNamedAndRestoredNotWorkedAround() throws Exception {
    Path classes = Files.createDirectories(project.resolve("target/classes"));
    Path tag = source("Tag", TAG);
    javac(classes, List.of(tag));
    javac(classes, List.of(source("Tag", TAG.replace("String label)", "String label, @Default(\"0\") int uses)"))));
    javac(classes, List.of(source("Tag", TAG.replace("String label)",
        "String label, @Default(\"0\") int uses, @Default(\"''\") String color)"))));
    List<String> migrations = Fixtures.migrations(resources());
    assertThat(migrations).hasSize(3);
    Files.delete(resources().resolve(migrations.get(1)));

    String diagnostics = javacFailing(classes, List.of(tag));

    Path directory = resources().resolve("db/migration");
    assertThat(diagnostics)
        .contains(Messages.missingMigration(directory, 2, 2, name(migrations.get(0)), name(migrations.get(2))));
    assertThat(diagnostics).contains("V2 is missing between V1__create_tags.sql and V3__add_tags_color.sql: restore it"
        + " (git restore '" + directory.resolve("V2__*.sql") + "')");
  }

  @Test
  void theClassOutputStopsServingAMigrationDeletedFromTheResources() throws Exception {
    Path classes = Files.createDirectories(project.resolve("target/classes"));
    Path tag = source("Tag", TAG);
    javac(classes, List.of(tag));
    String snapshot = Files.readString(resources().resolve("db/dbsync/schema.json"));
    javac(classes, List.of(source("Tag", TAG.replace("String label)", "String label, @Default(\"0\") int uses)"))));
    assertThat(Files.exists(classes.resolve("db/migration/V2__add_tags_uses.sql"))).isTrue();

    // the unapplied V2 is discarded: its file and its snapshot, and another change is made instead
    Files.delete(resources().resolve("db/migration/V2__add_tags_uses.sql"));
    Files.writeString(resources().resolve("db/dbsync/schema.json"), snapshot);
    String diagnostics = javac(classes, List.of(source("Tag", TAG.replace("String label)",
        "String label, @Default(\"''\") String color)"))));

    assertThat(diagnostics).contains(Messages.staleMigrationRemoved("V2__add_tags_uses.sql", classes.toString()));
    assertThat(Fixtures.migrations(classes)).containsExactly(
        "db/migration/V1__create_tags.sql", "db/migration/V2__add_tags_color.sql");
    assertThat(Fixtures.migrations(classes)).isEqualTo(Fixtures.migrations(resources()));
  }

  private static String name(String path) {
    return path.substring("db/migration/".length());
  }

  private static String javac(Path classes, List<Path> sources, String... options) throws Exception {
    return run(classes, sources, true, options);
  }

  private static String javacFailing(Path classes, List<Path> sources, String... options) throws Exception {
    return run(classes, sources, false, options);
  }

  /** javac with the processor only, writing to {@code classes}; returns the diagnostics. */
  private static String run(Path classes, List<Path> sources, boolean succeeds, String... options) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-proc:only"));
      arguments.addAll(List.of(options));
      JavaCompiler.CompilationTask task =
          javac.getTask(diagnostics, files, null, arguments, null, files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(Fixtures.processor()));
      com.google.common.truth.Truth.assertWithMessage(diagnostics.toString()).that(task.call()).isEqualTo(succeeds);
    }
    return diagnostics.toString();
  }
}
