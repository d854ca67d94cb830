package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dbsync.processor.Fixtures.compiler;
import static dev.dbsync.processor.Fixtures.migrations;
import static dev.dbsync.processor.Fixtures.post;
import static dev.dbsync.processor.Fixtures.profile;

import com.google.testing.compile.Compilation;
import dev.dbsync.schema.snapshot.MigrationIndex;
import dev.dbsync.schema.sql.FlywayChecksum;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db/dbsync/migrations.index}: every migration, generated and hand-written, written only when it changes. */
class MigrationIndexTest {
  @TempDir Path resources;

  private Path index() {
    return resources.resolve(MigrationIndex.RESOURCE);
  }

  @Test
  void listsGeneratedAndHandWrittenMigrationsWithFlywaysChecksums() throws Exception {
    assertThat(compiler(resources).compile(profile(), post())).succeeded();
    String concurrently = "CREATE INDEX CONCURRENTLY posts_title_idx ON posts (title);\r\n";
    Files.writeString(resources.resolve("db/migration/V2__posts_title_index.sql"), concurrently);

    Compilation compilation = compiler(resources).compile(profile(), post());

    assertThat(compilation).succeeded();
    List<MigrationIndex.Entry> entries =
        MigrationIndex.parse(Files.readString(index())).orElseThrow().entries();
    String v1 = migrations(resources).get(0).substring("db/migration/".length());
    byte[] v1Bytes = Files.readAllBytes(resources.resolve("db/migration").resolve(v1));
    assertThat(entries).containsExactly(
        new MigrationIndex.Entry(v1, "1", v1Bytes.length, MigrationIndex.crc32(v1Bytes),
            FlywayChecksum.of(new String(v1Bytes, StandardCharsets.UTF_8)), true),
        new MigrationIndex.Entry("V2__posts_title_index.sql", "2", concurrently.length(),
            MigrationIndex.crc32(concurrently.getBytes(StandardCharsets.UTF_8)),
            FlywayChecksum.of(concurrently), false)).inOrder();
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, MigrationIndex.RESOURCE)
        .contentsAsUtf8String()
        .isEqualTo(Files.readString(index()));
  }

  @Test
  void aCompileWithNothingChangedDoesNotRewriteIt() throws Exception {
    assertThat(compiler(resources).compile(profile(), post())).succeeded();
    FileTime past = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(index(), past);
    Files.setLastModifiedTime(resources.resolve("db/dbsync/schema.json"), past);
    String before = Files.readString(index());

    assertThat(compiler(resources).compile(profile(), post())).succeeded();

    assertThat(Files.getLastModifiedTime(index())).isEqualTo(past);
    assertThat(Files.getLastModifiedTime(resources.resolve("db/dbsync/schema.json"))).isEqualTo(past);
    assertThat(Files.readString(index())).isEqualTo(before);
  }

  @Test
  void aStaleIndexIsRewrittenByTheNextCompile() throws Exception {
    assertThat(compiler(resources).compile(profile(), post())).succeeded();
    String fresh = Files.readString(index());
    Files.writeString(index(), "# stale\n");

    assertThat(compiler(resources).compile(profile(), post())).succeeded();

    assertThat(Files.readString(index())).isEqualTo(fresh);
  }
}
