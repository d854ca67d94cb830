package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dbsync.processor.Fixtures.compile;
import static dev.dbsync.processor.Fixtures.failing;
import static dev.dbsync.processor.Fixtures.record;
import static dev.dbsync.processor.Fixtures.files;
import static dev.dbsync.processor.Fixtures.profile;
import static dev.dbsync.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import dev.dbsync.schema.model.ForeignKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.ReferentialAction;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input fails the build with its message on the offending element, and nothing is written. */
class ValidationTest {
  private static final QualifiedName PROFILES = QualifiedName.of("public", "profiles");

  @TempDir Path resources;

  @Test
  void tableOnNonRecord() {
    JavaFileObject file = record("Account", "@Table public class Account {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.tableOnNonRecord("class", "Account"))
        .inFile(file)
        .onLineContaining("class Account");
  }

  @Test
  void unsupportedComponentType() {
    JavaFileObject file =
        record("Tagged", "@Table public record Tagged(\n    @Id UUID id,\n    java.util.List<String> tags) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.unsupportedType("tags", "java.util.List<java.lang.String>"))
        .inFile(file)
        .onLineContaining("tags");
  }

  @Test
  void explicitSqlTypeMakesAnyComponentTypeUsable() {
    JavaFileObject file =
        record("Tagged", "@Table public record Tagged(@Id UUID id, @Column(type = \"TEXT []\") String[] tags) {}");
    assertThat(compile(resources, file)).succeeded();
    assertThat(files(resources).get("db/dbsync/schema.json")).contains("\"type\": \"text[]\"");
  }

  @Test
  void duplicateTableNameIsReportedOnBoth() {
    JavaFileObject first = record("First", "@Table(\"things\") public record First(@Id UUID id) {}");
    JavaFileObject second = record("Second", "@Table(\"things\") public record Second(@Id UUID id) {}");
    Compilation compilation = failing(resources, first, second);
    QualifiedName things = QualifiedName.of("public", "things");
    assertThat(compilation)
        .hadErrorContaining(Messages.duplicateTable(things, "app.First"))
        .inFile(second)
        .onLineContaining("record Second");
    assertThat(compilation)
        .hadErrorContaining(Messages.duplicateTable(things, "app.Second"))
        .inFile(first)
        .onLineContaining("record First");
  }

  @Test
  void duplicateColumnName() {
    JavaFileObject file =
        record(
            "Twice",
            "@Table public record Twice(\n    @Id UUID userId,\n    @Column(\"user_id\") String other) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.duplicateColumn(QualifiedName.of("public", "twice"), "user_id", "userId"))
        .inFile(file)
        .onLineContaining("String other");
  }

  @Test
  void referenceToClassWithoutTable() {
    JavaFileObject other = record("Other", "public record Other(UUID id) {}");
    JavaFileObject file =
        record("Pointer", "@Table public record Pointer(\n    @Id UUID id,\n    @References(Other.class) UUID otherId) {}");
    assertThat(failing(resources, other, file))
        .hadErrorContaining(Messages.referenceNotTable("app.Other"))
        .inFile(file)
        .onLineContaining("otherId");
  }

  @Test
  void referencedColumnMissing() {
    JavaFileObject file =
        record(
            "Pointer",
            "@Table public record Pointer(\n    @Id UUID id,\n"
                + "    @References(value = Profile.class, column = \"nope\") UUID profileId) {}");
    assertThat(failing(resources, profile(), file))
        .hadErrorContaining(
            Messages.referencedColumnMissing(PROFILES, "nope", List.of("id", "user_id", "username", "created_at")))
        .inFile(file)
        .onLineContaining("profileId");
  }

  @Test
  void referencedColumnNotUnique() {
    JavaFileObject file =
        record(
            "Pointer",
            "@Table public record Pointer(\n    @Id UUID id,\n"
                + "    @References(value = Profile.class, column = \"createdAt\") java.time.Instant at) {}");
    assertThat(failing(resources, profile(), file))
        .hadErrorContaining(Messages.referencedColumnNotUnique(PROFILES, "created_at"))
        .inFile(file)
        .onLineContaining("Instant at");
  }

  @Test
  void referencedUniqueColumnByComponentName() {
    JavaFileObject file =
        record(
            "Pointer",
            "@Table public record Pointer(@Id UUID id,"
                + " @References(value = Profile.class, column = \"userId\", onDelete = References.Action.CASCADE)"
                + " String profileUserId) {}");
    assertThat(compile(resources, profile(), file)).succeeded();
    Table pointer =
        SnapshotCodec.read(files(resources).get("db/dbsync/schema.json"))
            .table(QualifiedName.of("public", "pointer"))
            .orElseThrow();
    assertThat(pointer.foreignKeys())
        .containsExactly(
            new ForeignKey(
                "pointer_profile_user_id_fkey", List.of("profile_user_id"), PROFILES, List.of("user_id"),
                ReferentialAction.CASCADE, ReferentialAction.NO_ACTION));
  }

  @Test
  void indexOnUnknownColumn() {
    JavaFileObject file =
        record("Indexed", "@Table\n@Index(columns = \"nope\")\npublic record Indexed(@Id UUID id, String name) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(
            Messages.unknownColumn("@Index", QualifiedName.of("public", "indexed"), "nope", List.of("id", "name")))
        .inFile(file)
        .onLineContaining("@Index(columns = \"nope\")");
  }

  @Test
  void secondOfRepeatedIndexesIsTheOneReported() {
    JavaFileObject file =
        record(
            "Indexed",
            "@Table\n@Index(columns = \"name\")\n@Index(columns = \"nope\")\n"
                + "public record Indexed(@Id UUID id, String name) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining("\"nope\"")
        .inFile(file)
        .onLineContaining("public record Indexed");
  }

  @Test
  void identifierOverSixtyThreeBytes() {
    String name = "t".repeat(64);
    JavaFileObject file = record("Long", "@Table(\"" + name + "\")\npublic record Long(@Id UUID id) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(
            Messages.invalidIdentifier(
                "table", name, "it is 64 bytes long and PostgreSQL keeps only 63", "Choose another: @Table(\"...\")"))
        .inFile(file)
        .onLineContaining("@Table(");
  }

  @Test
  void overlongColumnName() {
    String name = "é".repeat(32);
    JavaFileObject file =
        record("Blank", "@Table public record Blank(\n    @Id UUID id,\n    @Column(\"" + name + "\") String x) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(
            Messages.invalidIdentifier(
                "column", name, "it is 64 bytes long and PostgreSQL keeps only 63", "Choose another: @Column(\"...\")"))
        .inFile(file)
        .onLineContaining("String x");
  }

  @Test
  void hostileNamesAreQuotedNotInjected() {
    JavaFileObject file =
        record("Hostile", "@Table(\"x\\\"; DROP TABLE y; --\") public record Hostile(@Id UUID id) {}");
    assertThat(compile(resources, file)).succeeded();
    String sql =
        files(resources).entrySet().stream()
            .filter(e -> e.getKey().endsWith(".sql"))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertThat(sql).contains("CREATE TABLE public.\"x\"\"; DROP TABLE y; --\" (");
  }

  @Test
  void conflictingDefaults() {
    JavaFileObject file =
        record("Both", "@Table public record Both(\n    @Id @Identity @Default(\"1\") long id) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.conflictingDefaults("id"))
        .inFile(file)
        .onLineContaining("long id");
  }

  @Test
  void sameEnumTypeNameFromTwoJavaEnums() {
    JavaFileObject a = source("app.a.Status", "package app.a;\npublic enum Status { ON }\n");
    JavaFileObject b = source("app.b.Status", "package app.b;\npublic enum Status { OFF }\n");
    JavaFileObject file =
        record(
            "Switch",
            "@Table public record Switch(\n    @Id UUID id,\n    app.a.Status first,\n    app.b.Status second) {}");
    assertThat(failing(resources, a, b, file))
        .hadErrorContaining(
            Messages.conflictingEnum(QualifiedName.of("public", "status"), "app.b.Status", "app.a.Status"))
        .inFile(file)
        .onLineContaining("second");
  }

  @Test
  void dotInSchemaName() {
    JavaFileObject file = record("Dotted", "@Table(schema = \"a.b\") public record Dotted(@Id UUID id) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(
            Messages.invalidIdentifier("schema", "a.b", Messages.DOT_IN_SCHEMA, "Choose another: @Table(schema = \"...\")"))
        .inFile(file)
        .onLineContaining("record Dotted");
  }

  @Test
  void unreadableSnapshot() throws Exception {
    Path snapshot = resources.resolve("db/dbsync/schema.json");
    java.nio.file.Files.createDirectories(snapshot.getParent());
    java.nio.file.Files.writeString(snapshot, "{\"formatVersion\": 1}");
    Compilation compilation = compile(resources, profile());
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(Messages.snapshotUnreadable(snapshot, "snapshot.enums is missing"));
    assertThat(files(resources).keySet()).containsExactly("db/dbsync/schema.json");
  }

  @Test
  void withoutOptionsOutsideMavenLayoutAsksForTheProjectDirectory() {
    Compilation compilation =
        com.google.testing.compile.Compiler.javac().withProcessors(Fixtures.processor()).compile(profile());
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("pass -Adbsync.projectDir=${project.basedir}");
  }

  @Test
  void projectDirOptionPointsAtSrcMainResources() {
    Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(Fixtures.processor())
            .withOptions("-Adbsync.projectDir=" + resources)
            .compile(profile());
    assertThat(compilation).succeeded();
    assertThat(files(resources).keySet()).hasSize(3);
    assertThat(files(resources)).containsKey("src/main/resources/db/dbsync/schema.json");
    assertThat(files(resources)).containsKey("src/main/resources/db/dbsync/migrations.index");
  }

  @Test
  void componentWhoseConstantClashesWithTable() {
    JavaFileObject file = record("Seat", "@Table public record Seat(\n    @Id UUID id,\n    int table) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.constantClash("TABLE", "table", "(the table name)"))
        .inFile(file)
        .onLineContaining("int table");
  }

  @Test
  void unresolvableComponentTypeWritesNothing() {
    JavaFileObject file = record("Lost", "@Table public record Lost(\n    @Id UUID id,\n    Missing thing) {}");
    Compilation compilation = failing(resources, file);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(file).onLineContaining("Missing thing");
    assertThat(compilation)
        .hadErrorContaining(Messages.unresolvedType("thing", "Missing"))
        .inFile(file)
        .onLineContaining("Missing thing");
  }
}
