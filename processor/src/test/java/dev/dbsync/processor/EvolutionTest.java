package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dbsync.processor.Fixtures.compile;
import static dev.dbsync.processor.Fixtures.files;
import static dev.dbsync.processor.Fixtures.migrations;
import static dev.dbsync.processor.Fixtures.post;
import static dev.dbsync.processor.Fixtures.profile;
import static dev.dbsync.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import dev.dbsync.schema.diff.MigrationScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles after the seed schema's V1: the next migrations, and the safety rules around them. */
class EvolutionTest {
  private static final String NULLABLE =
      """
      package app;

      import java.lang.annotation.*;

      @Retention(RetentionPolicy.CLASS)
      @Target(ElementType.TYPE_USE)
      public @interface Nullable {}
      """;

  @TempDir Path resources;
  /** Set by a test that leaves the migrations broken on purpose: then there is nothing to replay. */
  private boolean chainBrokenOnPurpose;

  @BeforeEach
  void seed() {
    assertThat(compile(resources, profile(), post())).succeeded();
    assertThat(migrations(resources)).hasSize(1);
  }

  /** Every sequence of migrations these tests generate must replay under Flyway to the snapshot. */
  @AfterEach
  void flywayReplaysTheGeneratedMigrations() throws Exception {
    if (!chainBrokenOnPurpose) {
      FlywayReplay.assertReplays(resources);
    }
  }

  private static JavaFileObject profileWith(String lastComponent) {
    return source(
        "app.Profile", Fixtures.PROFILE.replace("@DefaultNow Instant createdAt)", "@DefaultNow Instant createdAt,\n    " + lastComponent + ")"));
  }

  private static JavaFileObject postEdited(String from, String to) {
    assertThat(Fixtures.POST).contains(from);
    return source("app.Post", Fixtures.POST.replace(from, to));
  }

  private String newMigration(List<String> before) {
    List<String> after = new java.util.ArrayList<>(migrations(resources));
    after.removeAll(before);
    assertThat(after).hasSize(1);
    return after.get(0);
  }

  @Test
  void addedNullableColumnBecomesV2() {
    List<String> before = migrations(resources);
    Compilation compilation =
        compile(resources, source("app.Nullable", NULLABLE), profileWith("@Nullable String bio"), post());

    assertThat(compilation).succeeded();
    String v2 = newMigration(before);
    assertThat(v2).startsWith("db/migration/V2__");
    String sql = files(resources).get(v2);
    assertThat(sql).contains("ADD COLUMN bio text");
    assertThat(sql).doesNotContain("NOT NULL");
    assertThat(files(resources).get("db/dbsync/schema.json")).contains("\"name\": \"bio\",\n          \"nullable\": true");
  }

  @Test
  void headersChainFromSnapshotToSnapshot() {
    String v1 = files(resources).get(migrations(resources).get(0));
    String snapshotHashAfterV1 = MigrationScript.Header.parse(v1).orElseThrow().to();

    compile(resources, source("app.Nullable", NULLABLE), profileWith("@Nullable String bio"), post());

    String v2 = files(resources).get(migrations(resources).get(1));
    assertThat(MigrationScript.Header.parse(v2).orElseThrow().from()).isEqualTo(snapshotHashAfterV1);
  }

  @Test
  void sameChangeGivesByteIdenticalFiles(@TempDir Path other) {
    assertThat(compile(other, profile(), post())).succeeded();
    compile(resources, source("app.Nullable", NULLABLE), profileWith("@Nullable String bio"), post());
    compile(other, source("app.Nullable", NULLABLE), profileWith("@Nullable String bio"), post());

    assertThat(files(other)).isEqualTo(files(resources));
  }

  @Test
  void notNullColumnWithoutDefaultOnExistingTableIsAnError() {
    JavaFileObject profile = profileWith("String bio");
    Compilation compilation = compile(resources, profile, post());

    assertThat(compilation).hadErrorContaining("[dbsync]").inFile(profile).onLineContaining("String bio");
    assertThat(migrations(resources)).hasSize(1);
  }

  @Test
  void declaredRenameBecomesRenameStatement() {
    List<String> before = migrations(resources);
    Compilation compilation =
        compile(resources, profile(), postEdited("String content,", "@Column(renamedFrom = \"content\") String body,"));

    assertThat(compilation).succeeded();
    assertThat(files(resources).get(newMigration(before))).contains("RENAME COLUMN content TO body");
  }

  @Test
  void undeclaredRenameIsAmbiguousAndReportedOnTheNewComponent() {
    JavaFileObject post = postEdited("String content,", "String body,");
    Compilation compilation = compile(resources, profile(), post);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[dbsync]").inFile(post).onLineContaining("String body");
    assertThat(migrations(resources)).hasSize(1);
    // one mistake, one message: not also "added as NOT NULL without a default", nor a drop warning
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
  }

  @Test
  void confirmedDropResolvesTheAmbiguity() {
    List<String> before = migrations(resources);
    Compilation compilation =
        compile(
            resources,
            profile(),
            source(
                "app.Post",
                Fixtures.POST
                    .replace("@Table(\"posts\")", "@Table(value = \"posts\", droppedColumns = \"content\")")
                    .replace("String content,", "@Default(\"''\") String body,")));

    assertThat(compilation).succeeded();
    String sql = files(resources).get(newMigration(before));
    assertThat(sql).contains("-- dbsync:destructive");
    assertThat(sql).contains("DROP COLUMN content");
    assertThat(sql).contains("ADD COLUMN body");
  }

  @Test
  void plainDropWarnsAndMarksTheMigration() {
    List<String> before = migrations(resources);
    JavaFileObject post = postEdited("String content,\n", "");
    Compilation compilation = compile(resources, profile(), post);

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[dbsync] Destructive change: drop column public.posts.content")
        .inFile(post)
        .onLineContaining("public record Post");
    String sql = files(resources).get(newMigration(before));
    assertThat(sql).contains("-- dbsync:destructive");
    assertThat(sql).contains("DROP COLUMN content");
  }

  @Test
  void deletedRecordDropsItsTableWithAWarning() {
    List<String> before = migrations(resources);
    Compilation compilation = compile(resources, profile());

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[dbsync] Destructive change: drop table public.posts");
    String sql = files(resources).get(newMigration(before));
    assertThat(sql).contains("-- dbsync:destructive");
    assertThat(sql).contains("DROP TABLE public.posts");
  }

  @Test
  void deletingTheLastRecordDropsItsTablesToo() {
    List<String> before = migrations(resources);
    Compilation compilation = compile(resources, source("app.Main", "package app; class Main {}"));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[dbsync] Destructive change: drop table public.posts");
    String sql = files(resources).get(newMigration(before));
    assertThat(sql).contains("DROP TABLE public.posts");
    assertThat(sql).contains("DROP TABLE public.profiles");
  }

  @Test
  void partialCompilationKeepsRecordsFoundOnTheClasspath(@TempDir Path scratch, @TempDir Path classes)
      throws Exception {
    Fixtures.writeClasses(compile(scratch, profile(), post()), classes);
    Map<String, String> before = files(resources);

    Compilation onlyPost =
        Fixtures.compiler(resources).withClasspath(Fixtures.classpathWith(classes)).compile(post());
    Compilation onlyProfile =
        Fixtures.compiler(resources).withClasspath(Fixtures.classpathWith(classes)).compile(profile());

    Compilation noRecord = Fixtures.compiler(resources).withClasspath(Fixtures.classpathWith(classes))
        .compile(source("app.Main", "package app; class Main {}"));

    assertThat(onlyPost).succeeded();
    assertThat(onlyProfile).succeeded();
    assertThat(noRecord).succeeded();
    assertThat(files(resources)).isEqualTo(before);
  }

  @Test
  void forkedChainIsExplained() throws Exception {
    chainBrokenOnPurpose = true;
    List<String> v1 = migrations(resources);
    compile(resources, source("app.Nullable", NULLABLE), profileWith("@Nullable String bio"), post());
    String v1Text = files(resources).get(v1.get(0));
    String afterV1 = MigrationScript.Header.parse(v1Text).orElseThrow().to();
    // another branch's migration, starting from the same schema as this branch's V2
    Files.writeString(
        resources.resolve("db/migration/V2__add_profiles_nick.sql"),
        "-- dbsync:from " + afterV1 + "\n-- dbsync:to 0123456789abcdef\n\nALTER TABLE public.profiles ADD COLUMN nick text;\n");

    Compilation compilation =
        compile(resources, source("app.Nullable", NULLABLE), profileWith("@Nullable String bio"), post());

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("do not form one chain ending at db/dbsync/schema.json");
    assertThat(compilation)
        .hadErrorContaining(
            "delete this branch's generated migration (V2__add_profiles_bio.sql or V2__add_profiles_nick.sql)");
  }

  @Test
  void handWrittenMigrationIsSkippedByTheChainAndNumbering() throws Exception {
    Files.writeString(
        resources.resolve("db/migration/V7__backfill_usernames.sql"), "UPDATE profiles SET username = lower(username);\n");

    Compilation compilation =
        compile(resources, source("app.Nullable", NULLABLE), profileWith("@Nullable String bio"), post());

    assertThat(compilation).succeeded();
    assertThat(migrations(resources)).hasSize(3);
    assertThat(migrations(resources).stream().filter(f -> f.startsWith("db/migration/V8__")).count()).isEqualTo(1);
  }

  @Test
  void enumComponentBecomesEnumType() {
    String status =
        """
        package app;

        import dev.dbsync.annotations.EnumValue;

        public enum PostStatus { DRAFT, @EnumValue("live") PUBLISHED }
        """;
    List<String> before = migrations(resources);
    Compilation compilation =
        compile(
            resources,
            profile(),
            source("app.PostStatus", status),
            source(
                "app.Tagged",
                "package app;\nimport dev.dbsync.annotations.*;\n"
                    + "@Table public record Tagged(@Id long id, @Default(\"'DRAFT'\") PostStatus status) {}\n"),
            post());

    assertThat(compilation).succeeded();
    String sql = files(resources).get(newMigration(before));
    assertThat(sql).contains("CREATE TYPE public.post_status AS ENUM ('DRAFT', 'live')");
    assertThat(files(resources).get("db/dbsync/schema.json")).contains("\"enum\": \"public.post_status\"");
  }

  @Test
  void anEnumValueTheChangeUsesGetsAMigrationOfItsOwnBeforeIt() {
    String status = "package app;\n\npublic enum OrderStatus { PENDING, PAID }\n";
    String order =
        "package app;\nimport dev.dbsync.annotations.*;\n"
            + "@Table(\"orders\") public record Order(@Id long id, @Default(\"'PENDING'\") OrderStatus status) {}\n";
    assertThat(compile(resources, profile(), post(), source("app.OrderStatus", status), source("app.Order", order)))
        .succeeded();
    List<String> before = migrations(resources);

    Compilation compilation =
        compile(
            resources, profile(), post(),
            source("app.OrderStatus", status.replace("PENDING,", "DRAFT, PENDING,")),
            source("app.Order", order.replace("'PENDING'", "'DRAFT'")));

    assertThat(compilation).succeeded();
    List<String> added = new java.util.ArrayList<>(migrations(resources));
    added.removeAll(before);
    assertThat(added)
        .containsExactly("db/migration/V3__add_order_status_draft.sql", "db/migration/V4__alter_orders_status.sql")
        .inOrder();
    String values = files(resources).get(added.get(0));
    assertThat(values).contains("\nALTER TYPE public.order_status ADD VALUE IF NOT EXISTS 'DRAFT' BEFORE 'PENDING';\n");
    assertThat(values).doesNotContain("SET DEFAULT");
    assertThat(files(resources).get(added.get(1))).contains("SET DEFAULT 'DRAFT'");
    assertThat(files(resources).get(added.get(1))).doesNotContain("ADD VALUE");
    // the chain runs through both, and the notes come in version order
    assertThat(MigrationScript.Header.parse(files(resources).get(added.get(1))).orElseThrow().from())
        .isEqualTo(MigrationScript.Header.parse(values).orElseThrow().to());
    List<String> notes = compilation.notes().stream().map(d -> d.getMessage(null)).toList();
    assertThat(notes)
        .containsExactly(
            Messages.migrationWritten("V3__add_order_status_draft.sql"),
            Messages.migrationWritten("V4__alter_orders_status.sql"))
        .inOrder();
  }
}
