package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dbsync.processor.Fixtures.compiler;
import static dev.dbsync.processor.Fixtures.files;
import static dev.dbsync.processor.Fixtures.migrations;
import static dev.dbsync.processor.Fixtures.profile;
import static dev.dbsync.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import dev.dbsync.schema.diff.MigrationScript;
import dev.dbsync.schema.lint.LintFinding;
import dev.dbsync.schema.lint.MigrationLint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compile-time lint of lock-heavy DDL, and the lock-safe forms of {@code -Adbsync.safeDdl=true}. */
class LockSafeDdlTest {
  private static final JavaFileObject NULLABLE =
      source(
          "app.Nullable",
          """
          package app;

          import java.lang.annotation.*;

          @Retention(RetentionPolicy.CLASS)
          @Target(ElementType.TYPE_USE)
          public @interface Nullable {}
          """);

  /** Posts with a nullable title. */
  private static final String SEED_POST = Fixtures.POST.replace("String title,", "@Nullable String title,");

  /** Posts whose title becomes NOT NULL and indexed, with a new column referencing profiles. */
  private static final String EVOLVED_POST_TEXT =
      Fixtures.POST
          .replace("@Index(columns = \"authorId\")", "@Index(columns = \"authorId\")\n@Index(columns = \"title\")")
          .replace("@DefaultNow Instant createdAt)",
              "@DefaultNow Instant createdAt,\n    @References(Profile.class) @Nullable UUID editorId)");
  private static final JavaFileObject EVOLVED_POST = source("app.Post", EVOLVED_POST_TEXT);

  private static final String MARKER = "; safer: ";

  @TempDir Path resources;

  @BeforeEach
  void seed() {
    Compilation seed = compile(false, NULLABLE, profile(), source("app.Post", SEED_POST));

    assertThat(seed).succeeded();
    // tables created by the migration itself are empty: nothing to warn about
    assertThat(lockWarnings(seed)).isEmpty();
    assertThat(migrations(resources)).hasSize(1);
  }

  private Compilation compile(boolean safeDdl, JavaFileObject... sources) {
    return (safeDdl ? compiler(resources, "-Adbsync.safeDdl=true") : compiler(resources)).compile(sources);
  }

  private static List<String> lockWarnings(Compilation compilation) {
    return compilation.warnings().stream()
        .map(d -> d.getMessage(null))
        .filter(m -> m.contains(MARKER))
        .toList();
  }

  private String text(String migration) {
    return files(resources).get(migration);
  }

  @Test
  void addingAForeignKeyAnIndexAndNotNullToAnExistingTableWarns() {
    Compilation compilation = compile(false, NULLABLE, profile(), EVOLVED_POST);

    assertThat(compilation).succeeded();
    assertThat(migrations(resources)).hasSize(2);
    String v2 = migrations(resources).get(1);
    List<LintFinding> findings = MigrationLint.check(v2.substring(v2.lastIndexOf('/') + 1), text(v2));
    assertThat(findings.stream().map(LintFinding::rule).toList())
        .containsExactly(
            LintFinding.Rule.SET_NOT_NULL_WITHOUT_CHECK,
            LintFinding.Rule.INDEX_NOT_CONCURRENT,
            LintFinding.Rule.FOREIGN_KEY_NOT_VALID_MISSING);
    for (LintFinding finding : findings) {
      assertThat(compilation)
          .hadWarningContaining(Messages.lockHeavyGenerated(finding, true))
          .inFile(EVOLVED_POST)
          .onLineContaining("public record Post(");
    }
    assertThat(lockWarnings(compilation)).hasSize(3);
    assertThat(lockWarnings(compilation).get(1)).contains("CREATE INDEX CONCURRENTLY");
  }

  @Test
  void safeDdlWritesTheSafeFormsAndAFollowUpMigrationAndDoesNotWarn() {
    Compilation compilation = compile(true, NULLABLE, profile(), EVOLVED_POST);

    assertThat(compilation).succeeded();
    assertThat(lockWarnings(compilation)).isEmpty();
    List<String> migrations = migrations(resources);
    assertThat(migrations).hasSize(3);
    assertThat(migrations.get(1)).startsWith("db/migration/V2__");
    // the follow-up says what it does, on which tables
    assertThat(migrations.get(2)).isEqualTo("db/migration/V3__validate_index_posts_concurrently.sql");
    String v2 = text(migrations.get(1));
    String v3 = text(migrations.get(2));
    assertThat(v2).contains("ADD CONSTRAINT posts_title_not_null CHECK (title IS NOT NULL) NOT VALID,");
    assertThat(v2).contains("REFERENCES public.profiles (id) NOT VALID;");
    assertThat(v2).doesNotContain("CREATE INDEX");
    assertThat(v3).contains("\nALTER TABLE public.posts VALIDATE CONSTRAINT posts_title_not_null;\n");
    assertThat(v3).contains("\nALTER TABLE public.posts ALTER COLUMN title SET NOT NULL;\n");
    assertThat(v3).contains("\nALTER TABLE public.posts DROP CONSTRAINT posts_title_not_null;\n");
    assertThat(v3).contains("\nCREATE INDEX CONCURRENTLY posts_title_idx ON public.posts (title);\n");
    assertThat(v3).contains("\nALTER TABLE public.posts VALIDATE CONSTRAINT posts_editor_id_fkey;\n");
    MigrationScript.Header header = MigrationScript.Header.parse(v3).orElseThrow();
    assertThat(header.from()).isEqualTo(MigrationScript.Header.parse(v2).orElseThrow().to());
    assertThat(header.to()).isEqualTo(header.from());
  }

  @Test
  void safeDdlWritesAMigrationOfOnlyIndexesAsOneFile() {
    String indexed =
        SEED_POST.replace(
            "@Index(columns = \"authorId\")", "@Index(columns = \"authorId\")\n@Index(columns = \"title\")");
    Compilation compilation = compile(true, NULLABLE, profile(), source("app.Post", indexed));

    assertThat(compilation).succeededWithoutWarnings();
    List<String> migrations = migrations(resources);
    assertThat(migrations).hasSize(2);
    String v2 = text(migrations.get(1));
    assertThat(v2).endsWith("\nCREATE INDEX CONCURRENTLY posts_title_idx ON public.posts (title);\n");
    assertThat(MigrationScript.Header.parse(v2).orElseThrow().from())
        .isEqualTo(MigrationScript.Header.parse(text(migrations.get(0))).orElseThrow().to());
  }

  @Test
  void theFollowUpKeepsTheChainIntactForTheNextCompilations() {
    assertThat(compile(true, NULLABLE, profile(), EVOLVED_POST)).succeeded();
    String snapshotHash = MigrationScript.Header.parse(text(migrations(resources).get(2))).orElseThrow().to();

    Compilation unchanged = compile(true, NULLABLE, profile(), EVOLVED_POST);
    assertThat(unchanged).succeededWithoutWarnings();
    assertThat(migrations(resources)).hasSize(3);

    Compilation next =
        compile(true, NULLABLE, profile(),
            source("app.Post",
                EVOLVED_POST_TEXT.replace("UUID editorId)", "UUID editorId,\n    @Nullable String summary)")));
    assertThat(next).succeeded();
    List<String> migrations = migrations(resources);
    assertThat(migrations).hasSize(4);
    assertThat(migrations.get(3)).startsWith("db/migration/V4__");
    assertThat(MigrationScript.Header.parse(text(migrations.get(3))).orElseThrow().from()).isEqualTo(snapshotHash);
  }

  @Test
  void aPendingHandWrittenMigrationWithAPlainIndexWarns() throws IOException {
    Path file = resources.resolve("db/migration/V2__index_posts_title.sql");
    Files.writeString(file, "-- a hand-written index\nCREATE INDEX posts_title_idx ON posts (title);\n");

    Compilation compilation = compile(false, NULLABLE, profile(), source("app.Post", SEED_POST));

    assertThat(compilation).succeeded();
    List<String> warnings = lockWarnings(compilation);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .startsWith("[dbsync] V2__index_posts_title.sql: `CREATE INDEX posts_title_idx ON posts (title)` ");
    assertThat(warnings.get(0)).contains("CREATE INDEX CONCURRENTLY");
    assertThat(warnings.get(0)).doesNotContain("-Adbsync.safeDdl");
    assertThat(warnings.get(0)).endsWith("start the file with the line `-- dbsync:allow-locks`)");
  }

  @Test
  void aHandWrittenMigrationThatAllowsLocksIsNotReportedButStillCounts() throws IOException {
    Files.writeString(resources.resolve("db/migration/V2__tags.sql"),
        "-- tags are few\n-- dbsync:allow-locks\n"
            + "CREATE TABLE tags (id int);\nCREATE INDEX posts_title_idx ON posts (title);\n");
    Files.writeString(resources.resolve("db/migration/V3__tags_index.sql"),
        "CREATE INDEX tags_id_idx ON tags (id);\nALTER TABLE posts ALTER COLUMN title TYPE bigint USING 0;\n");

    Compilation compilation = compile(false, NULLABLE, profile(), source("app.Post", SEED_POST));

    // V2's index is allowed; V3's index is on a table V2 creates; V3's type change is reported
    List<String> warnings = lockWarnings(compilation);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).startsWith("[dbsync] V3__tags_index.sql: `ALTER TABLE posts ALTER COLUMN title TYPE");
  }

  @Test
  void aHandWrittenMigrationFollowedByAGeneratedOneIsNoLongerReported() throws IOException {
    Files.writeString(
        resources.resolve("db/migration/V2__index_posts_title.sql"),
        "CREATE INDEX posts_title_idx ON posts (title);\n");
    assertThat(compile(false, NULLABLE, profile(), EVOLVED_POST)).succeeded();
    assertThat(migrations(resources)).hasSize(3);

    Compilation again = compile(false, NULLABLE, profile(), EVOLVED_POST);

    assertThat(again).succeededWithoutWarnings();
  }

  @Test
  void theOptionWithoutAValueMeansTrue() {
    Compilation compilation =
        compiler(resources, "-Adbsync.safeDdl").compile(NULLABLE, profile(), EVOLVED_POST);

    assertThat(compilation).succeeded();
    assertThat(migrations(resources)).hasSize(3);
  }

  @Test
  void aSafeDdlValueOtherThanTrueOrFalseIsAnError() {
    Compilation compilation =
        compiler(resources, "-Adbsync.safeDdl=yes").compile(NULLABLE, profile(), EVOLVED_POST);

    assertThat(compilation).hadErrorContaining(Messages.invalidBooleanOption("dbsync.safeDdl", "yes"));
    assertThat(migrations(resources)).hasSize(1);
  }

  @Test
  void safeDdlHasNoSaferFormForARewritingTypeChangeAndStillWarns() {
    String withViews =
        SEED_POST.replace(
            "@DefaultNow Instant createdAt)", "@DefaultNow Instant createdAt,\n    @Default(\"0\") int views)");
    assertThat(compile(true, NULLABLE, profile(), source("app.Post", withViews))).succeededWithoutWarnings();

    Compilation compilation =
        compile(true, NULLABLE, profile(), source("app.Post", withViews.replace("int views", "long views")));

    assertThat(compilation).succeeded();
    List<String> warnings = lockWarnings(compilation);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("`ALTER TABLE public.posts ALTER COLUMN views TYPE bigint` rewrites posts");
    assertThat(warnings.get(0)).doesNotContain("-Adbsync.safeDdl");
  }
}
