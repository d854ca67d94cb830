package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dbsync.processor.Fixtures.compile;
import static dev.dbsync.processor.Fixtures.files;
import static dev.dbsync.processor.Fixtures.migrations;
import static dev.dbsync.processor.Fixtures.post;
import static dev.dbsync.processor.Fixtures.profile;
import static dev.dbsync.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Adbsync.generate}: a CI build ({@code verify}, the default under {@code CI=true}) fails on a record whose
 * migration is not committed and writes nothing; a developer's compile ({@code write}) writes the migration.
 */
class GenerateModeTest {
  private static final String V2 = "V2__add_profiles_bio.sql";
  private static final String BIO_ADDED = "add column public.profiles.bio";

  @TempDir Path resources;
  /** What the seed compile committed: V1 and the snapshot. */
  private Map<String, String> committed;

  @BeforeEach
  void seed() {
    assertThat(compile(resources, profile(), post())).succeeded();
    committed = files(resources);
    assertThat(migrations(resources)).hasSize(1);
  }

  private static JavaFileObject profileWithBio() {
    return source(
        "app.Profile",
        Fixtures.PROFILE.replace(
            "@DefaultNow Instant createdAt)", "@DefaultNow Instant createdAt,\n    @Default(\"''\") String bio)"));
  }

  /** The processor in an environment with {@code CI=true}, as GitHub Actions and GitLab CI run it. */
  private Compiler onCiRunner(String... options) {
    List<String> all = new ArrayList<>(List.of("-Adbsync.resources=" + resources));
    all.addAll(List.of(options));
    return Compiler.javac()
        .withProcessors(new DbSyncProcessor(variable -> variable.equals("CI") ? "true" : null))
        .withOptions(all);
  }

  /** Paths of the resources (not classes) the compilation wrote to its class output. */
  private static List<String> resourcesInClassOutput(Compilation compilation) {
    return compilation.generatedFiles().stream()
        .map(file -> file.toUri().getPath())
        .filter(path -> path.startsWith("/CLASS_OUTPUT/db/"))
        .toList();
  }

  @Test
  void verifyFailsOnTheChangedRecordAndWritesNothing() {
    JavaFileObject profile = profileWithBio();
    Compilation compilation = Fixtures.compiler(resources, "-Adbsync.generate=verify").compile(profile, post());

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(Messages.migrationNotCommitted(V2, List.of(BIO_ADDED), true))
        .inFile(profile)
        .onLineContaining("public record Profile(");
    assertThat(compilation).hadErrorCount(1);
    // compile-testing keeps a failed compilation's output to itself: javacInACiEnvironmentVerifies looks at it
    assertThat(files(resources)).isEqualTo(committed);
  }

  @Test
  void verifyIsTheDefaultWhenCiIsTrue() {
    JavaFileObject profile = profileWithBio();
    Compilation compilation = onCiRunner().compile(profile, post());

    assertThat(compilation)
        .hadErrorContaining(Messages.migrationNotCommitted(V2, List.of(BIO_ADDED), false))
        .inFile(profile)
        .onLineContaining("public record Profile(");
    assertThat(compilation).hadErrorContaining("-Adbsync.generate=write overrides it");
    // compile-testing keeps a failed compilation's output to itself: javacInACiEnvironmentVerifies looks at it
    assertThat(files(resources)).isEqualTo(committed);
  }

  @Test
  void explicitWriteOverridesCi() {
    Compilation compilation = onCiRunner("-Adbsync.generate=write").compile(profileWithBio(), post());

    assertThat(compilation).succeeded();
    assertThat(migrations(resources)).contains("db/migration/" + V2);
    Fixtures.assertClassOutputHolds(resources, compilation);
  }

  @Test
  void writeIsTheDefaultWithoutCi() {
    Compilation compilation = Fixtures.compiler(resources).compile(profileWithBio(), post());

    assertThat(compilation).succeeded();
    assertThat(migrations(resources)).contains("db/migration/" + V2);
  }

  @Test
  void verifyPassesWhenTheMigrationIsCommittedAndCopiesTheCommittedFilesUnchanged() {
    assertThat(Fixtures.compiler(resources).compile(profileWithBio(), post())).succeeded();
    Map<String, String> withV2 = files(resources);

    Compilation compilation = onCiRunner().compile(profileWithBio(), post());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(files(resources)).isEqualTo(withV2);
    // the class output (and so the jar) holds every committed migration and the snapshot, byte for byte
    Fixtures.assertClassOutputHolds(resources, compilation);
    assertThat(resourcesInClassOutput(compilation)).hasSize(withV2.size());
  }

  @Test
  void eachChangedRecordGetsItsOwnError() {
    JavaFileObject profile = profileWithBio();
    JavaFileObject post = source("app.Post", Fixtures.POST.replace("String content,", "String content, @Default(\"0\") int views,"));
    Compilation compilation = onCiRunner().compile(profile, post);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("add column public.posts.views")
        .inFile(post)
        .onLineContaining("public record Post(");
    assertThat(compilation).hadErrorContaining(BIO_ADDED).inFile(profile).onLineContaining("public record Profile(");
    assertThat(files(resources)).isEqualTo(committed);
  }

  @Test
  void aDeletedRecordFailsVerifyToo() {
    // Post alone: Profile's record is gone, its table would be dropped
    JavaFileObject post =
        source("app.Post", Fixtures.POST.replace("@References(Profile.class) UUID authorId", "UUID authorId"));
    Compilation compilation = Fixtures.compiler(resources, "-Adbsync.generate=verify").compile(post);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("drop table public.profiles");
    assertThat(compilation).hadErrorContaining("`db/migration/V2__drop_profiles");
    assertThat(files(resources)).isEqualTo(committed);
  }

  @Test
  void aFirstSchemaNeverCommittedFailsVerify(@TempDir Path fresh) {
    JavaFileObject profile = profile();
    Compilation compilation = Fixtures.compiler(fresh, "-Adbsync.generate=verify").compile(profile);

    assertThat(compilation)
        .hadErrorContaining("`db/migration/V1__create_profiles.sql` and `db/dbsync/schema.json`")
        .inFile(profile)
        .onLineContaining("public record Profile(");
    assertThat(files(fresh)).isEmpty();
  }

  @Test
  void aMovedRecordWhoseSnapshotIsNotCommittedFailsVerify(@TempDir Path alone) {
    assertThat(compile(alone, profile())).succeeded();
    Map<String, String> before = files(alone);
    JavaFileObject moved = source("app.people.Profile", Fixtures.PROFILE.replace("package app;", "package app.people;"));

    Compilation compilation = Fixtures.compiler(alone, "-Adbsync.generate=verify").compile(moved);

    assertThat(compilation)
        .hadErrorContaining(
            Messages.snapshotNotCommitted(
                Messages.classNameChanged(
                    new dev.dbsync.schema.model.QualifiedName("public", "profiles"), "app.Profile",
                    "app.people.Profile"),
                true))
        .inFile(moved)
        .onLineContaining("public record Profile(");
    assertThat(files(alone)).isEqualTo(before);
  }

  @Test
  void anInvalidValueIsAnError() {
    Compilation compilation = Fixtures.compiler(resources, "-Adbsync.generate=check").compile(profile(), post());

    assertThat(compilation).hadErrorContaining(Messages.invalidGenerateOption("check"));
    assertThat(files(resources)).isEqualTo(committed);
  }

  /** The processor as javac loads it (its public constructor), in a child javac whose environment has CI=true. */
  @Test
  void javacInACiEnvironmentVerifies(@TempDir Path work) throws Exception {
    Path sources = Files.createDirectories(work.resolve("app"));
    Path profile = Files.writeString(sources.resolve("Profile.java"), Fixtures.PROFILE.replace(
        "@DefaultNow Instant createdAt)", "@DefaultNow Instant createdAt,\n    @Default(\"''\") String bio)"));
    Path post = Files.writeString(sources.resolve("Post.java"), Fixtures.POST);
    String classpath = System.getProperty("java.class.path");
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    List<String> command = List.of(javac.toString(), "-proc:only", "-processorpath", classpath, "-cp", classpath,
        "-processor", DbSyncProcessor.class.getName(), "-Adbsync.resources=" + resources,
        "-d", Files.createDirectories(work.resolve("classes")).toString(), profile.toString(), post.toString());

    ProcessBuilder ci = new ProcessBuilder(command).redirectErrorStream(true);
    ci.environment().put("CI", "true");
    Process run = ci.start();
    String output = new String(run.getInputStream().readAllBytes());

    assertThat(run.waitFor()).isNotEqualTo(0);
    assertThat(output).contains("Profile.java:");
    assertThat(output).contains(Messages.migrationNotCommitted(V2, List.of(BIO_ADDED), false));
    assertThat(files(resources)).isEqualTo(committed);
    // the metamodel source is generated as always; no migration or snapshot reaches the class output
    assertThat(files(work.resolve("classes")).keySet().stream().filter(f -> f.startsWith("db/")).toList()).isEmpty();

    ProcessBuilder developer = new ProcessBuilder(command).redirectErrorStream(true);
    developer.environment().remove("CI");
    Process again = developer.start();
    String developerOutput = new String(again.getInputStream().readAllBytes());
    assertThat(again.waitFor()).isEqualTo(0);
    assertThat(developerOutput).contains(Messages.migrationWritten(V2));
    assertThat(migrations(resources)).contains("db/migration/" + V2);
  }
}
