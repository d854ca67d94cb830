package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dbsync.processor.Fixtures.compiler;
import static dev.dbsync.processor.Fixtures.migrations;
import static dev.dbsync.processor.Fixtures.profile;
import static dev.dbsync.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transaction control in a migration is a compile error; hand-written statements that can lose data warn. */
class HandWrittenSqlTest {
  @TempDir Path resources;

  @BeforeEach
  void seed() {
    assertThat(compile()).succeeded();
    assertThat(migrations(resources)).hasSize(1);
  }

  private Compilation compile() {
    return compiler(resources).compile(profile(), source("app.Post", Fixtures.POST));
  }

  @Test
  void transactionControlInAMigrationIsAnErrorNamingFileAndLineAndNothingIsWritten() throws IOException {
    Files.writeString(resources.resolve("db/migration/V2__bonus.sql"),
        "-- a bonus\nBEGIN;\nUPDATE posts SET title = title || '!';\ncommit;\n");
    Files.writeString(resources.resolve("db/migration/V3__words.sql"),
        "INSERT INTO posts (title) SELECT 'COMMIT;' WHERE false; -- ROLLBACK;\n");

    Compilation compilation = compiler(resources).compile(profile(),
        source("app.Post", Fixtures.POST.replace("String title,", "String title, @Default(\"''\") String summary,")));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[dbsync] V2__bonus.sql:2: `BEGIN` controls the transaction");
    assertThat(compilation).hadErrorContaining("[dbsync] V2__bonus.sql:4: `commit` controls the transaction");
    assertThat(compilation.errors()).hasSize(2);
    assertThat(migrations(resources)).hasSize(3); // the seed's and the two hand-written: no new migration
  }

  /** An indexed file is not lexed again while its bytes are the ones indexed; once edited, it is. */
  @Test
  void anIndexedMigrationEditedAfterTheIndexWasWrittenIsCheckedAgain() throws IOException {
    Path first = resources.resolve(migrations(resources).get(0));
    String name = first.getFileName().toString();
    assertThat(Files.readString(resources.resolve("db/dbsync/migrations.index"))).contains(name + "\t");
    assertThat(compile()).succeeded();

    Files.writeString(first, Files.readString(first) + "COMMIT;\n");
    Compilation compilation = compile();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[dbsync] " + name + ":");
    assertThat(compilation).hadErrorContaining("`COMMIT` controls the transaction");
  }

  @Test
  void aPendingHandWrittenDeleteWarnsAndOneFollowedByAGeneratedMigrationNoLonger() throws IOException {
    Files.writeString(resources.resolve("db/migration/V2__clean_up.sql"), "DELETE FROM posts;\n");

    Compilation compilation = compile();

    assertThat(compilation).succeeded();
    List<String> warnings = compilation.warnings().stream().map(d -> d.getMessage(null))
        .filter(m -> m.startsWith("[dbsync] V2__clean_up.sql")).toList();
    assertThat(warnings).containsExactly("[dbsync] V2__clean_up.sql:1: `DELETE FROM posts` deletes rows of posts and"
        + " can lose data: production mode refuses it unless it is allowed (DBSYNC_ALLOW_DESTRUCTIVE), and then"
        + " copies the tables it touches into dbsync_backup first.");

    String evolved = Fixtures.POST.replace("String title,", "String title, @Default(\"''\") String summary,");
    assertThat(compiler(resources).compile(profile(), source("app.Post", evolved))).succeeded();
    assertThat(migrations(resources)).hasSize(3);
    Compilation next = compiler(resources).compile(profile(), source("app.Post", evolved));
    assertThat(next).succeeded();
    assertThat(next.warnings().stream().map(d -> d.getMessage(null)).filter(m -> m.contains("V2__clean_up")).toList())
        .isEmpty();
  }
}
