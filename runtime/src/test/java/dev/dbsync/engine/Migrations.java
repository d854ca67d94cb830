package dev.dbsync.engine;

import dev.dbsync.ApplyResult;
import dev.dbsync.DbSync;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.snapshot.MigrationIndex;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A migration set in a directory of its own ({@code <root>/db/migration}), seen through a class loader that
 * sees nothing else, so each test applies exactly its own files through the public API.
 */
final class Migrations {
  private final Path root;

  private Migrations(Path root) {
    this.root = root;
  }

  static Migrations in(Path root) {
    try {
      Files.createDirectories(root.resolve("db/migration"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Migrations(root);
  }

  /** A copy of the test resource set {@code engine/<set>} in {@code root}. */
  static Migrations copyOf(String set, Path root) {
    Migrations copy = in(root);
    Path source = resource("/engine/" + set + "/db/migration");
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.directory().resolve(file.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return copy;
  }

  static Path resource(String name) {
    try {
      return Path.of(Migrations.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  Migrations add(String fileName, String sql) {
    return write(fileName, sql.getBytes(StandardCharsets.UTF_8));
  }

  Migrations write(String fileName, byte[] bytes) {
    try {
      Files.write(directory().resolve(fileName), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The compiled snapshot ({@code db/dbsync/schema.json}) next to the migrations, as the processor writes it. */
  Migrations snapshot(Schema schema) {
    try {
      Files.createDirectories(root.resolve("db/dbsync"));
      Files.writeString(root.resolve("db/dbsync/schema.json"), SnapshotCodec.write(schema));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * The migration index ({@code db/dbsync/migrations.index}) of the files there now, as the processor writes it
   * at the end of a build: every file's modification time is before the index's.
   */
  Migrations index() {
    try {
      List<MigrationIndex.Entry> entries = new ArrayList<>();
      try (Stream<Path> files = Files.list(directory())) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          entries.add(MigrationIndex.Entry.of(name, name.substring(1, name.indexOf("__")), Files.readAllBytes(file)));
          Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        }
      }
      Files.createDirectories(root.resolve("db/dbsync"));
      Files.writeString(root.resolve(MigrationIndex.RESOURCE), new MigrationIndex(entries).text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Path directory() {
    return root.resolve("db/migration");
  }

  Path root() {
    return root;
  }

  /** Flyway's spelling of the same location. */
  String flywayLocation() {
    return "filesystem:" + directory();
  }

  ClassLoader classLoader() {
    try {
      return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  DbSync.Builder configure() {
    return DbSync.configure().classLoader(classLoader());
  }

  ApplyResult apply(DataSource dataSource) {
    return configure().apply(dataSource);
  }
}
