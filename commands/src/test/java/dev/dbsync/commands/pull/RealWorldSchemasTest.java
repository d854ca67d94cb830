package dev.dbsync.commands.pull;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.dbsync.CheckReport;
import dev.dbsync.commands.pull.PullReport.Unmanaged;
import dev.dbsync.testing.TestDatabase;
import dev.dbsync.testing.TestDatabases;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemas this project did not design (see {@code src/test/resources/realworld/README.md}): pulled, compiled with the
 * processor without a migration, no drift, and the baseline rebuilds the same catalog on an empty database.
 */
class RealWorldSchemasTest {
  @TempDir Path root;

  @Test
  void powerdns() throws Exception {
    PullReport report = roundTrip("/realworld/powerdns/schema.pgsql.sql");
    assertThat(report.tables())
        .containsExactly(
            new PullReport.Mapping("public.comments", "com.example.db.Comments"),
            new PullReport.Mapping("public.cryptokeys", "com.example.db.Cryptokeys"),
            new PullReport.Mapping("public.domainmetadata", "com.example.db.Domainmetadata"),
            new PullReport.Mapping("public.domains", "com.example.db.Domains"),
            new PullReport.Mapping("public.records", "com.example.db.Records"),
            new PullReport.Mapping("public.supermasters", "com.example.db.Supermasters"),
            new PullReport.Mapping("public.tsigkeys", "com.example.db.Tsigkeys"));
    assertThat(report.enums()).isEmpty();
    // the operator class of (domain_id, ordername text_pattern_ops) is declared as it is in SQL
    assertThat(new PulledProject(root).read("com/example/db/Records.java"))
        .contains(
            "@Index(\n    columns = {\"domainId\", \"ordername text_pattern_ops\"},\n    name = \"recordorder\"\n)");
    // serial columns keep their nextval(...) default: the sequence behind each stays unmanaged, named with its column
    assertThat(report.unmanaged())
        .containsExactly(
            new Unmanaged("sequence", "public.comments_id_seq", "default of public.comments.id"),
            new Unmanaged("sequence", "public.cryptokeys_id_seq", "default of public.cryptokeys.id"),
            new Unmanaged("sequence", "public.domainmetadata_id_seq", "default of public.domainmetadata.id"),
            new Unmanaged("sequence", "public.domains_id_seq", "default of public.domains.id"),
            new Unmanaged("sequence", "public.records_id_seq", "default of public.records.id"),
            new Unmanaged("sequence", "public.tsigkeys_id_seq", "default of public.tsigkeys.id"));
  }

  @Test
  void roundcube() throws Exception {
    PullReport report = roundTrip("/realworld/roundcube/postgres.initial.sql");
    assertThat(report.tables())
        .containsExactly(
            new PullReport.Mapping("public.cache", "com.example.db.Cache"),
            new PullReport.Mapping("public.cache_index", "com.example.db.CacheIndex"),
            new PullReport.Mapping("public.cache_messages", "com.example.db.CacheMessages"),
            new PullReport.Mapping("public.cache_shared", "com.example.db.CacheShared"),
            new PullReport.Mapping("public.cache_thread", "com.example.db.CacheThread"),
            new PullReport.Mapping("public.collected_addresses", "com.example.db.CollectedAddresses"),
            new PullReport.Mapping("public.contactgroupmembers", "com.example.db.Contactgroupmembers"),
            new PullReport.Mapping("public.contactgroups", "com.example.db.Contactgroups"),
            new PullReport.Mapping("public.contacts", "com.example.db.Contacts"),
            new PullReport.Mapping("public.dictionary", "com.example.db.Dictionary"),
            new PullReport.Mapping("public.filestore", "com.example.db.Filestore"),
            new PullReport.Mapping("public.identities", "com.example.db.Identities"),
            new PullReport.Mapping("public.responses", "com.example.db.Responses"),
            new PullReport.Mapping("public.searches", "com.example.db.Searches"),
            new PullReport.Mapping("public.session", "com.example.db.Session"),
            new PullReport.Mapping("public.system", "com.example.db.PublicSystem"),
            new PullReport.Mapping("public.users", "com.example.db.Users"));
    assertThat(report.enums()).isEmpty();
    // the unique constraint over (username, mail_host) that every other table's user_id leads to
    assertThat(new PulledProject(root).read("com/example/db/Users.java"))
        .contains("@Unique(\n    columns = {\"username\", \"mailHost\"},\n    name = \"users_username_key\"\n)");
    // Roundcube's defaults are nextval('users_seq'::text): a run-time lookup by name, so PostgreSQL records no
    // dependency of the column on the sequence, and pull reports each sequence as used by no column
    assertThat(report.unmanaged())
        .containsExactly(
            new Unmanaged("sequence", "public.collected_addresses_seq", "used by no column"),
            new Unmanaged("sequence", "public.contactgroups_seq", "used by no column"),
            new Unmanaged("sequence", "public.contacts_seq", "used by no column"),
            new Unmanaged("sequence", "public.filestore_seq", "used by no column"),
            new Unmanaged("sequence", "public.identities_seq", "used by no column"),
            new Unmanaged("sequence", "public.responses_seq", "used by no column"),
            new Unmanaged("sequence", "public.searches_seq", "used by no column"),
            new Unmanaged("sequence", "public.users_seq", "used by no column"));
  }

  private PullReport roundTrip(String schema) throws Exception {
    PulledProject project = new PulledProject(root);
    try (TestDatabase database = TestDatabases.create(); TestDatabase empty = TestDatabases.create()) {
      PulledProject.load(database, schema);
      PullReport report = project.pull(database).run();
      Map<String, String> pulled = project.resourceFiles();
      assertThat(project.compile()).succeeded();
      assertThat(project.resourceFiles()).isEqualTo(pulled);
      assertThat(project.drift(database, "public").differences()).isEmpty();
      assertThat(project.baseline(database).baselined()).isTrue();
      CheckReport check = project.check(database);
      assertWithMessage("%s", check).that(check.inSync()).isTrue();
      project.migrate(empty);
      assertThat(PulledProject.catalog(empty, "public")).isEqualTo(PulledProject.catalog(database, "public"));
      return report;
    }
  }
}
