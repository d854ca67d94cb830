package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dbsync.processor.Fixtures.assertClassOutputHolds;
import static dev.dbsync.processor.Fixtures.assertGolden;
import static dev.dbsync.processor.Fixtures.compile;
import static dev.dbsync.processor.Fixtures.compiler;
import static dev.dbsync.processor.Fixtures.files;
import static dev.dbsync.processor.Fixtures.migrations;
import static dev.dbsync.processor.Fixtures.post;
import static dev.dbsync.processor.Fixtures.profile;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedSchemaTest {
  @TempDir Path resources;

  @Test
  void seedSchemaCompilesToGoldenSnapshotAndMigration() throws Exception {
    Compilation compilation = compile(resources, profile(), post());

    assertThat(compilation).succeeded();
    Map<String, String> written = files(resources);
    List<String> migrations = Fixtures.migrations(resources);
    assertThat(written.keySet())
        .containsExactly("db/dbsync/migrations.index", "db/dbsync/schema.json", migrations.get(0));
    // the slug is the differ's; the name must be Flyway's V1__<slug>.sql
    assertThat(migrations.get(0)).matches("db/migration/V1__[a-z0-9_]{1,60}\\.sql");
    assertGolden("seed/schema.json", written.get("db/dbsync/schema.json"));
    assertGolden("seed/V1.sql", written.get(migrations.get(0)));
    assertGolden("seed/migrations.index", written.get("db/dbsync/migrations.index"));
  }

  @Test
  void classOutputGetsTheSameFilesForThisBuildsJar() throws Exception {
    assertClassOutputHolds(resources, compile(resources, profile(), post()));
  }

  @Test
  void metamodelNamesTableAndColumns() throws Exception {
    Compilation compilation = compile(resources, profile(), post());

    assertThat(compilation).generatedSourceFile("app.PostTable").isNotNull();
    String source =
        compilation.generatedSourceFile("app.ProfileTable").orElseThrow().getCharContent(true).toString();
    assertGolden("seed/ProfileTable.java", source);
  }

  /**
   * Maven's incremental compiler deletes what the previous compilation created (the migrations and the snapshot
   * in target/classes) before it compiles again: a compilation with nothing new puts them back.
   */
  @Test
  void recompilingPutsTheCommittedFilesBackIntoAnEmptyClassOutput() throws Exception {
    assertThat(compile(resources, profile(), post())).succeeded();

    Compilation again = compile(resources, profile(), post());

    assertThat(again).succeeded();
    assertClassOutputHolds(resources, again);
  }

  @Test
  void metamodelCanBeLeftOut() throws Exception {
    Compilation compilation =
        compiler(resources, "-Adbsync.metamodel=false").compile(profile(), post());

    assertThat(compilation).succeeded();
    assertThat(compilation.generatedSourceFiles()).isEmpty();
    assertThat(migrations(resources)).hasSize(1);
  }

  @Test
  void metamodelOptionMustBeABoolean() {
    Compilation compilation =
        compiler(resources, "-Adbsync.metamodel=no").compile(profile(), post());

    assertThat(compilation).hadErrorContaining(Messages.invalidBooleanOption("dbsync.metamodel", "no"));
    assertThat(files(resources)).isEmpty();
  }

  @Test
  void recompilingWithoutChangeWritesNothing() throws Exception {
    assertThat(compile(resources, profile(), post())).succeeded();
    Map<String, String> before = files(resources);
    FileTime past = FileTime.fromMillis(1_000_000_000_000L);
    List<Path> all;
    try (Stream<Path> walk = Files.walk(resources)) {
      all = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : all) {
      Files.setLastModifiedTime(file, past);
    }

    Compilation again = compile(resources, profile(), post());

    assertThat(again).succeeded();
    assertThat(files(resources)).isEqualTo(before);
    assertThat(all.stream().collect(Collectors.toMap(p -> p, SeedSchemaTest::modified)))
        .isEqualTo(all.stream().collect(Collectors.toMap(p -> p, p -> past)));
    // the class output only gets the committed migration back (see the test above), nothing new
    assertThat(again.generatedFiles().stream().map(f -> f.getName()).filter(n -> n.endsWith(".sql")).toList())
        .containsExactly("/CLASS_OUTPUT/" + migrations(resources).get(0));
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void snapshotCheckedOutWithCrlfLineEndsIsNotRewritten() throws Exception {
    assertThat(compile(resources, profile(), post())).succeeded();
    Path snapshot = resources.resolve("db/dbsync/schema.json");
    String crlf = Files.readString(snapshot).replace("\n", "\r\n");
    Files.writeString(snapshot, crlf);

    assertThat(compile(resources, profile(), post())).succeeded();

    assertThat(Files.readString(snapshot)).isEqualTo(crlf);
  }

  @Test
  void movedRecordRewritesOnlyTheSnapshotsClassName() throws Exception {
    assertThat(compile(resources, profile(), post())).succeeded();
    Map<String, String> before = files(resources);

    Compilation moved =
        compile(
            resources,
            Fixtures.source("app.model.Profile", Fixtures.PROFILE.replace("package app;", "package app.model;")),
            Fixtures.source(
                "app.Post", Fixtures.POST.replace("import java.util.UUID;", "import java.util.UUID;\nimport app.model.Profile;")));

    assertThat(moved).succeeded();
    Map<String, String> after = files(resources);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    assertThat(after.get("db/dbsync/schema.json"))
        .isEqualTo(before.get("db/dbsync/schema.json").replace("\"app.Profile\"", "\"app.model.Profile\""));
  }
}
