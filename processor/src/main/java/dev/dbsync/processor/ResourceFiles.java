package dev.dbsync.processor;

import dev.dbsync.schema.diff.MigrationScript;
import dev.dbsync.schema.snapshot.MigrationIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The project's committed dbsync files: {@code db/dbsync/schema.json}, {@code db/migration/V*__*.sql} and the
 * index of those migrations ({@code db/dbsync/migrations.index}, see {@link MigrationIndex}) under the resources
 * directory (normally {@code src/main/resources}).
 */
final class ResourceFiles {
  static final String SNAPSHOT = "db/dbsync/schema.json";
  static final String MIGRATIONS = "db/migration";

  /** Flyway's versioned file name; the leading integer is what dbsync numbers by. */
  private static final Pattern MIGRATION_NAME = Pattern.compile("V(\\d+)([._]\\d+)*__.*\\.sql");

  /**
   * A migration file; {@code header} is empty for a hand-written one. {@code indexed} is its line in the committed
   * index while the file still has the size and CRC-32 indexed: a compile writes the index only after checking
   * every file, so such a file is not lexed again (at 1,000 tables a migration is ~300 kB of SQL).
   */
  record Migration(
      String fileName, long version, Optional<MigrationScript.Header> header, Optional<MigrationIndex.Entry> indexed) {}

  private final Path directory;
  /** Relative paths written in this compilation, to both places. */
  private final Set<String> written = new HashSet<>();

  ResourceFiles(Path directory) {
    this.directory = directory;
  }

  /**
   * {@code dbsync.resources} if given, else {@code <dbsync.projectDir>/src/main/resources}, else derived from
   * the class output, which Maven puts at {@code <project>/target/classes}.
   */
  static Optional<ResourceFiles> locate(String resources, String projectDir, URI classOutput) {
    if (resources != null) {
      return Optional.of(new ResourceFiles(Path.of(resources)));
    }
    if (projectDir != null) {
      return Optional.of(new ResourceFiles(Path.of(projectDir, "src", "main", "resources")));
    }
    if ("file".equals(classOutput.getScheme())) {
      Path directory = Path.of(classOutput);
      if (directory.endsWith(Path.of("target", "classes"))) {
        return Optional.of(new ResourceFiles(directory.getParent().getParent().resolve("src/main/resources")));
      }
    }
    return Optional.empty();
  }

  /** Maven's {@code target/test-classes} or Gradle's {@code build/classes/java/test}: a test compilation. */
  static boolean isTestOutput(URI classOutput) {
    if (!"file".equals(classOutput.getScheme())) {
      return false;
    }
    Path directory = Path.of(classOutput);
    return directory.endsWith(Path.of("target", "test-classes"))
        || directory.endsWith(Path.of("classes", "java", "test"));
  }

  static URI classOutputOf(Filer filer) throws IOException {
    // getResource does not create or reserve the file, unlike createResource
    return filer.getResource(StandardLocation.CLASS_OUTPUT, "", "dbsync.probe").toUri().resolve(".");
  }

  Path snapshotFile() {
    return directory.resolve(SNAPSHOT);
  }

  Path migrationDirectory() {
    return directory.resolve(MIGRATIONS);
  }

  Optional<String> snapshotText() throws IOException {
    Path file = snapshotFile();
    return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
  }

  /**
   * The source file of the top-level class of {@code binaryName} ({@code app.Outer$Inner} is in
   * {@code app/Outer.java}) in the source tree next to the resources ({@code src/main/java} beside
   * {@code src/main/resources}), if it exists there.
   */
  Optional<Path> sourceFile(String binaryName) {
    String topLevel = binaryName.contains("$") ? binaryName.substring(0, binaryName.indexOf('$')) : binaryName;
    Path file = directory.resolveSibling("java").resolve(topLevel.replace('.', '/') + ".java");
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /**
   * Deletes from the class output the generated migrations (those with a dbsync header) that are no longer in
   * the resources: process-resources copies files but never deletes them, and an incremental build would
   * otherwise keep packaging and applying a migration that was deleted. Returns the names removed. Hand-written
   * files are left alone: they may come from another resource directory.
   */
  List<String> removeStaleFromClassOutput(List<Migration> migrations, URI classOutput) throws IOException {
    if (!"file".equals(classOutput.getScheme())) {
      return List.of();
    }
    Path copies = Path.of(classOutput).resolve(MIGRATIONS);
    if (!Files.isDirectory(copies) || Files.isSameFile(copies, migrationDirectory())) {
      return List.of();
    }
    Set<String> current = new HashSet<>();
    migrations.forEach(migration -> current.add(migration.fileName()));
    List<String> removed = new ArrayList<>();
    try (Stream<Path> files = Files.list(copies)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (MIGRATION_NAME.matcher(name).matches() && !current.contains(name)
            && MigrationScript.Header.parse(Files.readString(file)).isPresent()) {
          Files.delete(file);
          removed.add(name);
        }
      }
    }
    return removed;
  }

  /** Every {@code V<n>__*.sql}, ordered by version, then name. */
  List<Migration> migrations() throws IOException {
    Path dir = migrationDirectory();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    Map<String, MigrationIndex.Entry> committed = committedIndex();
    List<Migration> migrations = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String fileName = file.getFileName().toString();
        Matcher name = MIGRATION_NAME.matcher(fileName);
        if (name.matches()) {
          byte[] bytes = Files.readAllBytes(file);
          Optional<MigrationIndex.Entry> indexed = Optional.ofNullable(committed.get(fileName))
              .filter(e -> e.size() == bytes.length && e.crc32() == MigrationIndex.crc32(bytes));
          migrations.add(new Migration(fileName, Long.parseLong(name.group(1)),
              MigrationScript.Header.parse(new String(bytes, StandardCharsets.UTF_8)), indexed));
        }
      }
    }
    migrations.sort(Comparator.comparingLong(Migration::version).thenComparing(Migration::fileName));
    return migrations;
  }

  /**
   * Writes {@code text} to {@code relativePath} under the resources directory and under the class output:
   * process-resources already ran, so only the class output copy reaches this build's jar.
   */
  void write(String relativePath, String text, Filer filer) throws IOException {
    Path file = directory.resolve(relativePath);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    writeToClassOutput(relativePath, text, filer);
    written.add(relativePath);
  }

  /**
   * Copies the snapshot and every migration that the class output lacks into it. Maven's incremental compiler
   * deletes the files the previous compilation created before it compiles again, after process-resources copied
   * them: without this, a migration generated by an earlier build would be missing from target/classes and from
   * the jar.
   */
  void restoreClassOutput(List<Migration> migrations, Filer filer) throws IOException {
    List<String> paths = new ArrayList<>();
    if (Files.exists(snapshotFile())) {
      paths.add(SNAPSHOT);
    }
    migrations.forEach(migration -> paths.add(MIGRATIONS + "/" + migration.fileName()));
    for (String path : paths) {
      if (!written.contains(path) && !inClassOutput(path, filer)) {
        writeToClassOutput(path, Files.readString(directory.resolve(path)), filer);
      }
    }
  }

  /**
   * Writes {@link MigrationIndex} for the migrations now in the resources: into the resources directory (unless
   * {@code resourcesToo} is false: verify mode writes nothing there) and into the class output, each only where its
   * bytes differ, so that a compile with nothing changed writes nothing.
   */
  void writeIndex(boolean resourcesToo, Filer filer) throws IOException {
    String text = index().text();
    Path file = directory.resolve(MigrationIndex.RESOURCE);
    if (resourcesToo && !(Files.isRegularFile(file) && Files.readString(file).equals(text))) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
    if (!text.equals(classOutputText(MigrationIndex.RESOURCE, filer))) {
      writeToClassOutput(MigrationIndex.RESOURCE, text, filer);
    }
  }

  /** The index of every {@code V<n>__*.sql}, in the order of {@link #migrations()}. */
  private MigrationIndex index() throws IOException {
    List<MigrationIndex.Entry> entries = new ArrayList<>();
    for (Migration migration : migrations()) {
      String name = migration.fileName();
      String version = name.substring(1, name.indexOf("__")).replace('_', '.');
      entries.add(migration.indexed().isPresent() ? migration.indexed().get()
          : MigrationIndex.Entry.of(name, version, Files.readAllBytes(migrationDirectory().resolve(name))));
    }
    return new MigrationIndex(entries);
  }

  /** The committed index's lines by file name; none when it is missing or unreadable (then every file is read). */
  private Map<String, MigrationIndex.Entry> committedIndex() throws IOException {
    Path file = directory.resolve(MigrationIndex.RESOURCE);
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    return MigrationIndex.parse(Files.readString(file)).map(MigrationIndex::byScript).orElse(Map.of());
  }

  private static String classOutputText(String relativePath, Filer filer) {
    try (InputStream in = filer.getResource(StandardLocation.CLASS_OUTPUT, "", relativePath).openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null; // not there
    }
  }

  private static boolean inClassOutput(String relativePath, Filer filer) {
    try (InputStream in = filer.getResource(StandardLocation.CLASS_OUTPUT, "", relativePath).openInputStream()) {
      return true;
    } catch (IOException e) {
      return false; // getResource does not check: opening is what fails for a missing file
    }
  }

  private static void writeToClassOutput(String relativePath, String text, Filer filer) throws IOException {
    FileObject output = filer.createResource(StandardLocation.CLASS_OUTPUT, "", relativePath);
    try (Writer writer = output.openWriter()) {
      writer.write(text);
    }
  }
}
