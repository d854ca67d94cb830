package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dbsync.processor.Fixtures.compile;
import static dev.dbsync.processor.Fixtures.failing;
import static dev.dbsync.processor.Fixtures.files;
import static dev.dbsync.processor.Fixtures.migrations;
import static dev.dbsync.processor.Fixtures.record;

import com.google.testing.compile.Compilation;
import dev.dbsync.schema.model.ForeignKey;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.ReferentialAction;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.model.UniqueConstraint;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Record-level {@code @Unique} over several columns beside the component's {@code @Unique}. */
class UniquesTest {
  private static final QualifiedName MEMBERS = QualifiedName.of("public", "members");
  private static final QualifiedName BADGES = QualifiedName.of("public", "badges");

  @TempDir Path resources;

  private static JavaFileObject members(String uniques) {
    return record("Member", uniques + "\n@Table(\"members\")\n"
        + "public record Member(\n    @Id long id,\n    UUID tenantId,\n    String email,\n"
        + "    @Unique String login) {}");
  }

  private Table table(QualifiedName name) {
    return SnapshotCodec.read(files(resources).get("db/dbsync/schema.json")).table(name).orElseThrow();
  }

  @Test
  void recordLevelUniquesAreConstraintsOverTheirColumnsAndAForeignKeyMayReferenceOne() throws Exception {
    JavaFileObject members = members(
        "@Unique(columns = {\"tenantId\", \"email\"})\n"
            + "@Unique(columns = {\"email\", \"login\", \"tenant_id\"}, name = \"members_by_email\")");
    JavaFileObject badges = record("Badge", "@Table(\"badges\")\n"
        + "@Index(columns = {\"memberEmail\", \"tenantId\"})\n"
        + "@ForeignKey(columns = {\"memberEmail\", \"tenantId\"}, references = Member.class,"
        + " referencedColumns = {\"email\", \"tenantId\"})\n"
        + "public record Badge(@Id long id, UUID tenantId, String memberEmail) {}");
    Compilation compilation = compile(resources, members, badges);
    assertThat(compilation).succeededWithoutWarnings();

    assertThat(table(MEMBERS).uniques()).containsExactly(
        new UniqueConstraint("members_by_email", List.of("email", "login", "tenant_id")),
        new UniqueConstraint("members_login_key", List.of("login")),
        new UniqueConstraint("members_tenant_id_email_key", List.of("tenant_id", "email")));
    // PostgreSQL matches a referenced key as a set of columns: (email, tenant_id) is (tenant_id, email)
    assertThat(table(BADGES).foreignKeys()).containsExactly(
        new ForeignKey("badges_member_email_tenant_id_fkey", List.of("member_email", "tenant_id"), MEMBERS,
            List.of("email", "tenant_id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
    String migration = files(resources).get(migrations(resources).get(0));
    assertThat(migration).contains("""
          CONSTRAINT members_by_email UNIQUE (email, login, tenant_id),
          CONSTRAINT members_login_key UNIQUE (login),
          CONSTRAINT members_tenant_id_email_key UNIQUE (tenant_id, email)
        )""");
    FlywayReplay.assertReplays(resources);
  }

  @Test
  void addingOneToATableIsAnAlterTable() throws Exception {
    assertThat(compile(resources, members(""))).succeeded();
    assertThat(compile(resources, members("@Unique(columns = {\"tenantId\", \"email\"})"))).succeeded();

    assertThat(migrations(resources)).hasSize(2);
    assertThat(files(resources).get(migrations(resources).get(1)))
        .endsWith("\nALTER TABLE public.members ADD CONSTRAINT members_tenant_id_email_key"
            + " UNIQUE (tenant_id, email);\n");
    FlywayReplay.assertReplays(resources);
  }

  @Test
  void aRecordLevelUniqueNamesColumns() {
    JavaFileObject file = members("@Unique(name = \"members_unique\")");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.uniqueWithoutColumns(MEMBERS, "Member"))
        .inFile(file)
        .onLineContaining("@Unique(name");
  }

  @Test
  void aComponentsUniqueIsOverItsOwnColumn() {
    JavaFileObject file = record("Member", "@Table(\"members\")\n"
        + "public record Member(\n    @Id long id,\n    UUID tenantId,\n"
        + "    @Unique(columns = {\"tenantId\", \"email\"}) String email) {}");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.uniqueColumnsOnComponent("email", List.of("tenantId", "email")))
        .inFile(file)
        .onLineContaining("@Unique(columns");
  }

  @Test
  void unknownColumn() {
    JavaFileObject file = members("@Unique(columns = {\"tenantId\", \"mail\"})");
    assertThat(failing(resources, file))
        .hadErrorContaining(
            Messages.unknownColumn("@Unique", MEMBERS, "mail", List.of("id", "tenantId", "email", "login")))
        .inFile(file)
        .onLineContaining("@Unique(columns");
  }

  @Test
  void aColumnNamedTwice() {
    JavaFileObject file = members("@Unique(columns = {\"email\", \"tenantId\", \"email\"})");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.uniqueColumnTwice(MEMBERS, "email"))
        .inFile(file)
        .onLineContaining("@Unique(columns");
  }

  @Test
  void aUniqueAndAUniqueIndexOfOneDefaultNameAreAnError() {
    JavaFileObject file = members(
        "@Unique(columns = {\"tenantId\", \"email\"})\n@Index(columns = {\"tenantId\", \"email\"}, unique = true)");
    Compilation compilation = failing(resources, file);
    assertThat(compilation)
        .hadErrorContaining(Messages.duplicateConstraintName(MEMBERS, "members_tenant_id_email_key",
            "@Index(columns = [tenant_id, email])", "@Unique(columns = [tenant_id, email])"))
        .inFile(file)
        .onLineContaining("@Index");
    assertThat(compilation)
        .hadErrorContaining(Messages.duplicateConstraintName(MEMBERS, "members_tenant_id_email_key",
            "@Unique(columns = [tenant_id, email])", "@Index(columns = [tenant_id, email])"))
        .inFile(file)
        .onLineContaining("@Unique(columns");
  }

  @Test
  void twoRecordLevelUniquesOfOneNameAreAnErrorOnTheRecord() {
    JavaFileObject file = members(
        "@Unique(columns = {\"tenantId\", \"email\"}, name = \"members_key\")\n"
            + "@Unique(columns = {\"email\", \"login\"}, name = \"members_key\")");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.duplicateConstraintName(MEMBERS, "members_key",
            "@Unique(columns = [email, login])", "@Unique(columns = [tenant_id, email])"))
        .inFile(file)
        .onLineContaining("public record Member");
  }
}
