package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.ApplyResult;
import dev.dbsync.DbSync;
import dev.dbsync.MigrationException;
import dev.dbsync.schema.snapshot.MigrationIndex;
import dev.dbsync.schema.sql.FlywayChecksum;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor's migration index ({@code db/dbsync/migrations.index}) at startup: used instead of reading the
 * files, yet never trusted over them. Each test uses roots and jars of its own (the runtime remembers what it
 * checked per root for the life of the JVM).
 */
@ExtendWith(FreshDatabase.class)
class MigrationIndexTest {
  private static final String V1 = "CREATE TABLE a (id int PRIMARY KEY);\n";
  private static final String V2 = "CREATE TABLE b (id int PRIMARY KEY);\n";
  private static final String V3 = "CREATE TABLE c (id int PRIMARY KEY);\n";

  @TempDir Path temp;

  @Test
  void aNoOpReadsTheIndexInsteadOfTheFiles(TestDatabase db) throws IOException {
    Map<String, String> files = files("V1__create_a.sql", V1, "V2__create_b.sql", V2);
    assertEquals(2, apply(jar("app.jar", files, true, false), db.dataSource()).applied().size());

    // the same jar, but V1's stored bytes are changed behind the jar's directory (which still gives the size and
    // CRC-32 of the original): only a runtime that reads the file sees the change
    Path tampered = jar("tampered.jar", files, true, true);
    assertTrue(apply(tampered, db.dataSource()).upToDate(), "a no-op from the index never opens a file");
    Path tamperedWithoutIndex = jar("tampered-without-index.jar", files, false, true);
    MigrationException e = assertThrows(MigrationException.class, () -> apply(tamperedWithoutIndex, db.dataSource()));
    assertTrue(e.getMessage().contains("V1__create_a.sql") && e.getMessage().contains("checksum"), e.getMessage());
  }

  @Test
  void theIndexChecksumsAreFlywaysAndAnAppliedFileEditedLaterIsDetected(TestDatabase db) {
    Migrations build = Migrations.in(temp.resolve("build")).add("V1__create_a.sql", V1).add("V2__create_b.sql", V2)
        .index();
    build.apply(db.dataSource());
    assertEquals(List.of("1 | " + FlywayChecksum.of(V1), "2 | " + FlywayChecksum.of(V2)),
        Catalog.query(db.dataSource(), "SELECT version || ' | ' || checksum FROM flyway_schema_history ORDER BY 1"));

    // the same build, V1 edited after the index was written (a new size)
    Migrations edited = Migrations.in(temp.resolve("edited")).add("V1__create_a.sql", V1).add("V2__create_b.sql", V2)
        .index().add("V1__create_a.sql", "CREATE TABLE a (id bigint PRIMARY KEY);\n");
    MigrationException e = assertThrows(MigrationException.class, () -> edited.apply(db.dataSource()));
    assertTrue(e.getMessage().contains("V1__create_a.sql") && e.getMessage().contains("checksum"), e.getMessage());
  }

  @Test
  void aFileEditedAfterTheIndexToTheSameSizeIsDetected(TestDatabase db) {
    Migrations.in(temp.resolve("build")).add("V1__create_a.sql", V1).index().apply(db.dataSource());

    Migrations edited = Migrations.in(temp.resolve("edited")).add("V1__create_a.sql", V1).index()
        .add("V1__create_a.sql", V1.replace("(id int", "(ib int"));
    MigrationException e = assertThrows(MigrationException.class, () -> edited.apply(db.dataSource()));
    assertTrue(e.getMessage().contains("V1__create_a.sql") && e.getMessage().contains("checksum"), e.getMessage());
  }

  @Test
  void aJarEntryEditedAfterTheBuildIsDetected(TestDatabase db) throws IOException {
    Map<String, String> files = files("V1__create_a.sql", V1, "V2__create_b.sql", V2);
    apply(jar("app.jar", files, true, false), db.dataSource());

    Map<String, String> edited = files("V1__create_a.sql", V1.replace("(id int", "(ib int"), "V2__create_b.sql", V2);
    Path jar = jar("edited.jar", edited, index(files), false);
    MigrationException e = assertThrows(MigrationException.class, () -> apply(jar, db.dataSource()));
    assertTrue(e.getMessage().contains("V1__create_a.sql") && e.getMessage().contains("checksum"), e.getMessage());
  }

  @Test
  void aFileAddedAfterTheBuildIsApplied(TestDatabase db) {
    Migrations app = Migrations.in(temp.resolve("app")).add("V1__create_a.sql", V1).index();
    app.apply(db.dataSource());

    app.add("V2__create_b.sql", V2);
    ApplyResult result = app.apply(db.dataSource());

    assertEquals(List.of("2"), result.applied().stream().map(ApplyResult.Migration::version).toList());
    assertEquals(List.of("1 | " + FlywayChecksum.of(V1), "2 | " + FlywayChecksum.of(V2)),
        Catalog.query(db.dataSource(), "SELECT version || ' | ' || checksum FROM flyway_schema_history ORDER BY 1"));
    assertTrue(app.apply(db.dataSource()).upToDate());
  }

  @Test
  void anEntryAddedToAJarAfterTheBuildIsApplied(TestDatabase db) throws IOException {
    Map<String, String> built = files("V1__create_a.sql", V1, "V2__create_b.sql", V2);
    Map<String, String> withAdded = files("V1__create_a.sql", V1, "V2__create_b.sql", V2, "V3__create_c.sql", V3);

    ApplyResult result = apply(jar("app.jar", withAdded, index(built), false), db.dataSource());

    assertEquals(List.of("1", "2", "3"), result.applied().stream().map(ApplyResult.Migration::version).toList());
    assertEquals(List.of("c"), Catalog.query(db.dataSource(),
        "SELECT relname FROM pg_class WHERE relname = 'c' AND relkind = 'r'"));
  }

  @Test
  void aFileIndexedButRemovedIsNoMigration(TestDatabase db) throws IOException {
    Migrations app = Migrations.in(temp.resolve("app")).add("V1__create_a.sql", V1).add("V2__create_b.sql", V2)
        .index();
    Files.delete(app.directory().resolve("V2__create_b.sql"));

    ApplyResult result = app.apply(db.dataSource());

    assertEquals(List.of("1"), result.applied().stream().map(ApplyResult.Migration::version).toList());
  }

  @Test
  void aRootWithoutTheIndexIsListedBesideOneWithIt(TestDatabase db) throws IOException {
    Migrations indexed = Migrations.in(temp.resolve("indexed")).add("V1__create_a.sql", V1).index();
    Migrations plain = Migrations.in(temp.resolve("plain")).add("V2__create_b.sql", V2);
    ClassLoader loader =
        new URLClassLoader(new URL[] {indexed.root().toUri().toURL(), plain.root().toUri().toURL()}, null);

    ApplyResult result = DbSync.configure().classLoader(loader).apply(db.dataSource());

    assertEquals(List.of("1", "2"), result.applied().stream().map(ApplyResult.Migration::version).toList());
    assertTrue(DbSync.configure().classLoader(loader).apply(db.dataSource()).upToDate());
  }

  @Test
  void anUnreadableIndexIsIgnored(TestDatabase db) throws IOException {
    Migrations app = Migrations.in(temp.resolve("app")).add("V1__create_a.sql", V1).index();
    Files.writeString(app.root().resolve(MigrationIndex.RESOURCE), "V1__create_a.sql\tnot an index line\n");

    assertEquals(1, app.apply(db.dataSource()).applied().size());
    assertEquals(List.of("1 | " + FlywayChecksum.of(V1)),
        Catalog.query(db.dataSource(), "SELECT version || ' | ' || checksum FROM flyway_schema_history ORDER BY 1"));
  }

  private static Map<String, String> files(String... namesAndTexts) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      files.put(namesAndTexts[i], namesAndTexts[i + 1]);
    }
    return files;
  }

  private static String index(Map<String, String> files) {
    return new MigrationIndex(files.entrySet().stream()
        .map(f -> MigrationIndex.Entry.of(f.getKey(), f.getKey().substring(1, f.getKey().indexOf("__")),
            f.getValue().getBytes(StandardCharsets.UTF_8)))
        .toList()).text();
  }

  private Path jar(String name, Map<String, String> files, boolean withIndex, boolean tamperV1) throws IOException {
    return jar(name, files, withIndex ? index(files) : null, tamperV1);
  }

  /** A jar of the files, stored uncompressed (so that changing one's bytes leaves the jar's directory as is). */
  private Path jar(String name, Map<String, String> files, String index, boolean tamperV1) throws IOException {
    Path jar = temp.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String directory : List.of("db/", "db/migration/", "db/dbsync/")) {
        out.putNextEntry(new JarEntry(directory));
        out.closeEntry();
      }
      for (Map.Entry<String, String> file : files.entrySet()) {
        stored(out, "db/migration/" + file.getKey(), file.getValue());
      }
      if (index != null) {
        stored(out, MigrationIndex.RESOURCE, index);
      }
    }
    if (tamperV1) {
      byte[] bytes = Files.readAllBytes(jar);
      byte[] v1 = files.get("V1__create_a.sql").getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i + v1.length <= bytes.length; i++) {
        if (Arrays.equals(bytes, i, i + v1.length, v1, 0, v1.length)) {
          bytes[i + 7] = 'X'; // "CREATE XABLE": the first copy is the entry's data, the directory holds none
          break;
        }
      }
      Files.write(jar, bytes);
      Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
    }
    return jar;
  }

  private static void stored(JarOutputStream out, String name, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    JarEntry entry = new JarEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    entry.setCrc(crc.getValue());
    out.putNextEntry(entry);
    ((OutputStream) out).write(bytes);
    out.closeEntry();
  }

  private static ApplyResult apply(Path jar, DataSource dataSource) throws IOException {
    ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    return DbSync.configure().classLoader(loader).apply(dataSource);
  }
}
