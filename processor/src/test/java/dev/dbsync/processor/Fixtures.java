package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Sources, compilation and file helpers shared by the processor tests. */
final class Fixtures {
  static final String PROFILE =
      """
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

  static final String POST =
      """
      package app;

      import dev.dbsync.annotations.*;
      import java.time.Instant;
      import java.util.UUID;

      @Table("posts")
      @Index(columns = "authorId")
      public record Post(
          @Id @DefaultRandom UUID id,
          @References(Profile.class) UUID authorId,
          String title,
          String content,
          @Default("false") boolean published,
          @DefaultNow Instant createdAt) {}
      """;

  private Fixtures() {}

  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /** {@code text} (a record or enum) as {@code app.<name>}, with dbsync's annotations and UUID imported. */
  static JavaFileObject record(String name, String text) {
    return source(
        "app." + name,
        "package app;\n\nimport dev.dbsync.annotations.*;\nimport java.util.UUID;\n\n" + text + "\n");
  }

  /** Compiles {@code sources}, which must fail without writing anything to {@code resources}. */
  static Compilation failing(Path resources, JavaFileObject... sources) {
    Compilation compilation = compile(resources, sources);
    CompilationSubject.assertThat(compilation).failed();
    assertWithMessage("files written despite the errors").that(files(resources)).isEmpty();
    return compilation;
  }

  static JavaFileObject profile() {
    return source("app.Profile", PROFILE);
  }

  static JavaFileObject post() {
    return source("app.Post", POST);
  }

  static Compilation compile(Path resources, JavaFileObject... sources) {
    return compiler(resources).compile(sources);
  }

  /** javac with the processor, writing to {@code resources}, and further processor options ({@code -A...}). */
  static Compiler compiler(Path resources, String... options) {
    List<String> all = new ArrayList<>(List.of("-Adbsync.resources=" + resources));
    all.addAll(List.of(options));
    return Compiler.javac().withProcessors(processor()).withOptions(all);
  }

  /**
   * The processor on a developer's machine, whatever the environment running the tests says: a CI runner sets
   * {@code CI=true}, which would turn every test that expects a migration into a verify-mode failure.
   */
  static DbSyncProcessor processor() {
    return new DbSyncProcessor(variable -> null);
  }

  /** Every file under {@code resources} is also in the compilation's class output, with the same content. */
  static void assertClassOutputHolds(Path resources, Compilation compilation) {
    for (Map.Entry<String, String> file : files(resources).entrySet()) {
      CompilationSubject.assertThat(compilation)
          .generatedFile(StandardLocation.CLASS_OUTPUT, file.getKey())
          .contentsAsUtf8String()
          .isEqualTo(file.getValue());
    }
  }

  /** The test class path plus {@code extra}: for compiling against classes of an earlier compilation. */
  static List<File> classpathWith(Path extra) {
    List<File> entries = new ArrayList<>();
    entries.add(extra.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      entries.add(new File(entry));
    }
    return entries;
  }

  /** Writes the class files a compilation produced under {@code directory}. */
  static void writeClasses(Compilation compilation, Path directory) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        // the URI is mem:///CLASS_OUTPUT/app/Profile.class
        String path = file.toUri().getPath().replaceFirst("^/CLASS_OUTPUT/", "");
        Path target = directory.resolve(path);
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.write(target, in.readAllBytes());
        }
      }
    }
  }

  /** Every file under {@code directory}: relative path to content. */
  static Map<String, String> files(Path directory) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(directory)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(directory.relativize(file).toString(), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  static List<String> migrations(Path resources) {
    return files(resources).keySet().stream().filter(f -> f.startsWith("db/migration/")).toList();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compares with {@code src/test/resources/golden/<name>}. A missing or outdated golden fails with the
   * actual text and the file it belongs in; {@code -Ddbsync.updateGoldens=true} writes it there instead.
   */
  static void assertGolden(String name, String actual) throws IOException {
    Path golden = Path.of("src/test/resources/golden").resolve(name);
    if (Boolean.getBoolean("dbsync.updateGoldens")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertWithMessage(
            "golden file missing: put this text into processor/" + golden
                + " (or run with -Ddbsync.updateGoldens=true)\n" + actual)
        .that(Files.exists(golden))
        .isTrue();
    assertWithMessage("differs from processor/" + golden + " (-Ddbsync.updateGoldens=true rewrites it)")
        .that(actual)
        .isEqualTo(Files.readString(golden));
  }
}
