package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dbsync.processor.Fixtures.compile;
import static dev.dbsync.processor.Fixtures.failing;
import static dev.dbsync.processor.Fixtures.record;
import static dev.dbsync.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import dev.dbsync.schema.sql.SqlMessages;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL fragments in annotations are checked before dbsync pastes them into a statement, and names cannot break
 * the generated Java: each mistake fails the build on its element, and nothing is written.
 */
class FragmentTest {
  @TempDir Path resources;

  @Test
  void bareEnumLabelAsDefaultGivesTheLiteralToPaste() {
    JavaFileObject status = source("app.Status", "package app;\npublic enum Status { PENDING, DONE }\n");
    JavaFileObject file =
        record("Order", "@Table public record Order(\n    @Id UUID id,\n    @Default(\"PENDING\") Status status) {}");
    Compilation compilation = failing(resources, status, file);
    assertThat(compilation)
        .hadErrorContaining(Messages.bareIdentifierDefault("status", "PENDING", "'PENDING'"))
        .inFile(file)
        .onLineContaining("Status status");
    assertThat(compilation).hadErrorContaining("@Default(\"'PENDING'\")");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void bareWordAsDefaultOfATextColumnGivesTheLiteralToPaste() {
    JavaFileObject file =
        record("Visit", "@Table public record Visit(\n    @Id UUID id,\n    @Default(\"web\") String source) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.bareIdentifierDefault("source", "web", "'web'"))
        .inFile(file)
        .onLineContaining("String source");
  }

  @Test
  void bareNameAsDefaultOfANumberIsAnError() {
    JavaFileObject file =
        record("Stock", "@Table public record Stock(\n    @Id UUID id,\n    @Default(\"amount\") int count) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.bareIdentifierDefault("count", "amount", null))
        .inFile(file)
        .onLineContaining("int count");
  }

  @Test
  void keywordsAndFunctionsAreValidDefaults() {
    JavaFileObject file =
        record(
            "Fine",
            "@Table public record Fine(\n    @Id UUID id,\n    @Default(\"true\") boolean on,\n"
                + "    @Default(\"CURRENT_TIMESTAMP\") java.time.Instant at,\n"
                + "    @Default(\"'it''s; (fine'\") String note,\n    @Default(\"lower('X')\") String lowered) {}");
    assertThat(compile(resources, file)).succeeded();
  }

  @Test
  void columnTypeWithASecondStatement() {
    JavaFileObject file =
        record(
            "Victim",
            "@Table public record Victim(\n    @Id UUID id,\n    @Column(type = \"text; DROP TABLE x\") String name) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(
            Messages.invalidFragment("@Column(type = ...)", "type", "text; DROP TABLE x", SqlMessages.semicolon()))
        .inFile(file)
        .onLineContaining("String name");
  }

  @Test
  void defaultCarryingASecondStatement() {
    String value = "0; DROP TABLE victim";
    JavaFileObject file =
        record("Victim", "@Table public record Victim(\n    @Id UUID id,\n    @Default(\"" + value + "\") int n) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.invalidFragment("@Default", "expression", value, SqlMessages.semicolon()))
        .inFile(file)
        .onLineContaining("int n");
  }

  @Test
  void defaultBreakingOutOfItsParentheses() {
    String value = "1) CHECK (false";
    JavaFileObject file =
        record("Victim", "@Table public record Victim(\n    @Id UUID id,\n    @Default(\"" + value + "\") int n) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.invalidFragment("@Default", "expression", value, SqlMessages.unbalanced(")")))
        .inFile(file)
        .onLineContaining("int n");
  }

  @Test
  void checkWithAnUnclosedParenthesis() {
    String value = "(n > 0";
    JavaFileObject file =
        record(
            "Positive",
            "@Check(name = \"positive\", value = \"" + value + "\")\n"
                + "@Table public record Positive(@Id UUID id, int n) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.invalidFragment("@Check", "expression", value, SqlMessages.unclosed("(")))
        .inFile(file)
        .onLineContaining("@Check");
  }

  @Test
  void generatedWithAnUnterminatedString() {
    String value = "name || '!";
    JavaFileObject file =
        record(
            "Shout",
            "@Table public record Shout(\n    @Id UUID id,\n    String name,\n    @Generated(\"" + value
                + "\") String loud) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(
            Messages.invalidFragment("@Generated", "expression", value, SqlMessages.unterminated("the string '!")))
        .inFile(file)
        .onLineContaining("String loud");
  }

  @Test
  void indexPredicateWithAnUnterminatedDollarQuote() {
    String value = "name <> $$x";
    JavaFileObject file =
        record(
            "Named",
            "@Index(columns = \"name\", where = \"" + value + "\")\n"
                + "@Table public record Named(@Id UUID id, String name) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(
            Messages.invalidFragment(
                "@Index(where = ...)", "condition", value, SqlMessages.unterminated("the dollar quote $$")))
        .inFile(file)
        .onLineContaining("@Index");
  }

  @Test
  void trailingLineCommentWouldSwallowTheRestOfTheStatement() {
    String value = "0 -- zero";
    JavaFileObject file =
        record("Counter", "@Table public record Counter(\n    @Id UUID id,\n    @Default(\"" + value + "\") int n) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(
            Messages.invalidFragment("@Default", "expression", value, SqlMessages.unterminated("the line comment -- zero")))
        .inFile(file)
        .onLineContaining("int n");
  }

  @Test
  void aTableNameCannotInjectJavaIntoTheMetamodel() throws Exception {
    JavaFileObject file =
        record("Hostile", "@Table(\"x*/class Injected{int pwned;}/*\") public record Hostile(@Id UUID id) {}");
    Compilation compilation = compile(resources, file);

    assertThat(compilation).succeeded();
    assertThat(compilation.generatedFiles().stream().map(f -> f.toUri().getPath()).toList())
        .doesNotContain("/CLASS_OUTPUT/app/Injected.class");
    String metamodel =
        compilation.generatedSourceFile("app.HostileTable").orElseThrow().getCharContent(true).toString();
    assertThat(metamodel.substring(0, metamodel.indexOf("public final class"))).doesNotContain("*/class");
    assertThat(metamodel).contains("x&#42;&#47;class Injected&#123;int pwned;&#125;&#47;&#42;");
    assertThat(metamodel).contains("TABLE = \"public.\\\"x*/class Injected{int pwned;}/*\\\"\"");
  }

  @Test
  void unicodeEscapesInANameCannotCloseTheJavadocEither() throws Exception {
    // javac turns backslash-u002a into '*' in comments too
    JavaFileObject file =
        record("Sly", "@Table(\"x\\\\u002a/class Injected{}/\\\\u002a\") public record Sly(@Id UUID id) {}");
    Compilation compilation = compile(resources, file);

    assertThat(compilation).succeeded();
    assertThat(compilation.generatedFiles().stream().map(f -> f.toUri().getPath()).toList())
        .doesNotContain("/CLASS_OUTPUT/app/Injected.class");
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "app/SlyTable.class")).isPresent();
  }
}
