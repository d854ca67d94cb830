package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dbsync.processor.Fixtures.compile;
import static dev.dbsync.processor.Fixtures.failing;
import static dev.dbsync.processor.Fixtures.files;
import static dev.dbsync.processor.Fixtures.migrations;
import static dev.dbsync.processor.Fixtures.source;

import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @Index} key elements with orders, operator classes and expressions; {@code include} and {@code with}. */
class IndexOptionsTest {
  private static final QualifiedName PEOPLE = QualifiedName.of("public", "people");

  @TempDir Path resources;

  private static JavaFileObject people(String indexes) {
    return source("app.Person", "package app;\n\nimport dev.dbsync.annotations.*;\nimport java.time.Instant;\n\n"
        + indexes + "\n@Table(\"people\")\npublic record Person(@Id long id, String email, String name,"
        + " Integer score, Instant createdAt) {}\n");
  }

  private List<Index> indexes() {
    return SnapshotCodec.read(files(resources).get("db/dbsync/schema.json")).table(PEOPLE).orElseThrow().indexes();
  }

  @Test
  void keyElementsAreReadInPostgresqlsFormAndRendered() {
    JavaFileObject file = people(
        "@Index(columns = {\"createdAt desc nulls first\", \"score ASC NULLS FIRST\"}, include = \"name\","
            + " with = \"FillFactor = 70\")\n"
            + "@Index(columns = \"lower(email)\", unique = true, name = \"people_email_key\")\n"
            + "@Index(columns = {\"name text_pattern_ops\", \"score desc nulls last\"}, where = \"score > 0\")");
    assertThat(compile(resources, file)).succeeded();

    assertThat(indexes()).containsExactly(
        new Index("people_created_at_score_idx", List.of("created_at DESC", "score NULLS FIRST"), false, "btree",
            null, List.of("name"), List.of("fillfactor=70")),
        new Index("people_email_key", List.of("lower(email)"), true, "btree", null),
        new Index("people_name_score_idx", List.of("name text_pattern_ops", "score DESC NULLS LAST"), false,
            "btree", "score > 0"));
    String migration = files(resources).get(migrations(resources).get(0));
    assertThat(migration).contains(
        "CREATE INDEX people_created_at_score_idx ON public.people (created_at DESC, score NULLS FIRST)"
            + " INCLUDE (name) WITH (fillfactor=70)");
    assertThat(migration).contains("CREATE UNIQUE INDEX people_email_key ON public.people (lower(email))");
  }

  @Test
  void unknownOptionsAreAnError() {
    JavaFileObject file = people("@Index(columns = \"createdAt DESC LAST\")");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.indexElementOptions(PEOPLE, "createdAt DESC LAST"))
        .inFile(file)
        .onLineContaining("@Index");
  }

  @Test
  void anOperatorExpressionNeedsParentheses() {
    JavaFileObject file = people("@Index(columns = \"score + id\", name = \"people_sum_idx\")");
    assertThat(compile(resources, file)).failed();
    JavaFileObject fixed = people("@Index(columns = \"(score + id)\", name = \"people_sum_idx\")");
    assertThat(compile(resources, fixed)).succeeded();
    assertThat(indexes().get(0).columns()).containsExactly("(score + id)");
  }

  @Test
  void anExpressionThatIsNotACallNeedsParentheses() {
    JavaFileObject file = people("@Index(columns = \"coalesce(name, '') || email\", name = \"people_x_idx\")");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.indexExpressionNotParenthesized(PEOPLE, "coalesce(name, '') || email"))
        .inFile(file)
        .onLineContaining("@Index");
  }

  @Test
  void storageParametersAreNameEqualsValue() {
    JavaFileObject file = people("@Index(columns = \"name\", with = \"fillfactor\")");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.indexStorageParameter(PEOPLE, "fillfactor"))
        .inFile(file)
        .onLineContaining("@Index");
  }
}
