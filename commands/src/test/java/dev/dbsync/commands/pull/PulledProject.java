package dev.dbsync.commands.pull;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.dbsync.BaselineResult;
import dev.dbsync.CheckReport;
import dev.dbsync.DbSync;
import dev.dbsync.processor.DbSyncProcessor;
import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import dev.dbsync.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** A scratch project that {@code pull} writes into: its sources compiled with the real processor, its files read back. */
final class PulledProject {
  final Path sources;
  final Path resources;

  PulledProject(Path root) {
    this.sources = root.resolve("src/main/java");
    this.resources = root.resolve("src/main/resources");
  }

  /** A pull into this project's package com.example.db, of {@code schemas} (none given: the default). */
  Pull pull(TestDatabase database, String... schemas) {
    Pull pull = Pull.from(database.dataSource()).packageName("com.example.db").sourceDir(sources).resourcesDir(resources);
    return schemas.length == 0 ? pull : pull.schemas(schemas);
  }

  /** javac with dbsync's processor over every source of the project, writing to its resources. */
  Compilation compile() {
    List<JavaFileObject> files =
        filesUnder(sources).entrySet().stream()
            .map(e -> JavaFileObjects.forSourceString(
                e.getKey().replace(".java", "").replace('/', '.'), e.getValue()))
            .toList();
    return Compiler.javac()
        .withProcessors(new DbSyncProcessor())
        // write, as on a developer machine: under CI=true the processor would only verify
        .withOptions("-Adbsync.resources=" + resources, "-Adbsync.generate=write")
        .compile(files);
  }

  Map<String, String> resourceFiles() {
    return filesUnder(resources);
  }

  String read(String relative) {
    try {
      return Files.readString(sources.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write(String relative, String text) throws IOException {
    Files.writeString(sources.resolve(relative), text);
  }

  Schema snapshot() {
    return SnapshotCodec.read(resourceFiles().get(Pull.SNAPSHOT));
  }

  /** What {@code check} compares: the live database against the compiled snapshot. */
  Drift drift(TestDatabase database, String... schemas) throws SQLException {
    try (Connection connection = database.connect()) {
      return Drift.between(snapshot(), Introspector.read(connection, List.of(schemas)));
    }
  }

  /** Applies the project's migrations to {@code database} as an application would, verified against the snapshot. */
  void migrate(TestDatabase database) throws IOException {
    try (URLClassLoader classLoader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
      DbSync.configure().classLoader(classLoader).apply(database.dataSource());
    }
  }

  /** {@code baseline}: records the project's migrations as applied in {@code database} without running them. */
  BaselineResult baseline(TestDatabase database) throws IOException {
    try (URLClassLoader classLoader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
      return DbSync.configure().classLoader(classLoader).baseline(database.dataSource());
    }
  }

  /** {@code check}: the database against the project's snapshot and migrations. */
  CheckReport check(TestDatabase database) throws IOException {
    try (URLClassLoader classLoader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
      return DbSync.configure().classLoader(classLoader).check(database.dataSource());
    }
  }

  /** pg_dump's schema of {@code database}, cleaned as the baseline is: for comparing two catalogs. */
  static String catalog(TestDatabase database, String... schemas) throws SQLException {
    try (Connection connection = database.connect()) {
      return BaselineDump.start(connection, null, List.of(schemas), Introspector.HISTORY_TABLE).ddl();
    }
  }

  static void load(TestDatabase database, String resource) throws IOException, SQLException {
    String script;
    try (var in = PulledProject.class.getResourceAsStream(resource)) {
      assertWithMessage("test resource %s", resource).that(in).isNotNull();
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(script);
    }
  }

  private static Map<String, String> filesUnder(Path root) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
