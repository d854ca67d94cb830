package dev.dbsync.cli;

import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** A compiled project as the CLI reads it: {@code target/classes} with migrations and the snapshot. */
final class Project {
  private final Path classes;

  Project(Path directory) {
    this.classes = directory.resolve("target/classes");
  }

  Path classes() {
    return classes;
  }

  /** The module directory: the CLI's default class path ({@code target/classes}) is below it. */
  Path directory() {
    return classes.getParent().getParent();
  }

  Project migration(String fileName, String sql) {
    return write("db/migration/" + fileName, sql);
  }

  Project snapshot(Schema schema) {
    return write("db/dbsync/schema.json", SnapshotCodec.write(schema));
  }

  private Project write(String path, String text) {
    try {
      Files.createDirectories(classes.resolve(path).getParent());
      Files.writeString(classes.resolve(path), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The same files packed as an application jar. */
  Path jar(Path jar) {
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path path : walk.sorted().toList()) {
        String name = classes.relativize(path).toString().replace('\\', '/');
        if (name.isEmpty()) {
          continue;
        }
        out.putNextEntry(new JarEntry(Files.isDirectory(path) ? name + "/" : name));
        if (!Files.isDirectory(path)) {
          out.write(Files.readAllBytes(path));
        }
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

}
