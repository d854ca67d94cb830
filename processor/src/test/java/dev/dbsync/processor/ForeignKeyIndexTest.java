package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dbsync.processor.Fixtures.compile;
import static dev.dbsync.processor.Fixtures.post;
import static dev.dbsync.processor.Fixtures.profile;
import static dev.dbsync.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import dev.dbsync.schema.model.ForeignKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.ReferentialAction;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A foreign key added without an index leading with its columns is warned about, with the @Index to paste. */
class ForeignKeyIndexTest {
  @TempDir Path resources;

  @Test
  void aForeignKeyWithoutAnIndexGetsTheIndexToPaste() {
    JavaFileObject comment = source("app.Comment", """
        package app;

        import dev.dbsync.annotations.*;
        import java.util.UUID;

        @Table("comments")
        public record Comment(
            @Id @DefaultRandom UUID id,
            @References(Post.class) UUID postId,
            String text) {}
        """);
    Compilation compilation = compile(resources, profile(), post(), comment);

    assertThat(compilation).succeeded();
    ForeignKey key = new ForeignKey("comments_post_id_fkey", List.of("post_id"), QualifiedName.of("public", "posts"),
        List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    assertThat(compilation)
        .hadWarningContaining(
            Messages.foreignKeyWithoutIndex(QualifiedName.of("public", "comments"), key, "@Index(columns = \"postId\")"))
        .inFile(comment)
        .onLineContaining("UUID postId");
  }

  @Test
  void anIndexLeadingWithTheColumnsIsEnough() {
    // posts has @Index(columns = "authorId"); comments' key is the leading column of a two-column index
    JavaFileObject comment = source("app.Comment", """
        package app;

        import dev.dbsync.annotations.*;
        import java.util.UUID;

        @Table("comments")
        @Index(columns = {"postId", "text"})
        public record Comment(
            @Id @DefaultRandom UUID id,
            @References(Post.class) UUID postId,
            String text) {}
        """);
    Compilation compilation = compile(resources, profile(), post(), comment);

    assertThat(compilation).succeeded();
    assertThat(compilation.warnings().stream().map(w -> w.getMessage(null)).toList().toString())
        .doesNotContain("has no index that starts with its columns");
  }
}
