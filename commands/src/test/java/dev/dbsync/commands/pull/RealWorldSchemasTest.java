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
            new PullReport.Mapping("public.supermasters", "com.example.db.Supermasters"),
            new PullReport.Mapping("public.tsigkeys", "com.example.db.Tsigkeys"));
    assertThat(report.enums()).isEmpty();
    // serial columns keep their nextval(...) default: the sequence behind each stays unmanaged, named with its column
    assertThat(report.unmanaged())
        .containsExactly(
            new Unmanaged("table", "public.records",
                "index recordorder has the entry 'ordername text_pattern_ops', which is not a plain column"
                    + " (@Index names columns)"),
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
            new PullReport.Mapping("public.cache_shared", "com.example.db.CacheShared"),
            new PullReport.Mapping("public.session", "com.example.db.Session"),
            new PullReport.Mapping("public.system", "com.example.db.PublicSystem"));
    assertThat(report.enums()).isEmpty();
    // Roundcube's defaults are nextval('users_seq'::text): a run-time lookup by name, so PostgreSQL records no
    // dependency of the column on the sequence, and pull reports each sequence as used by no column
    assertThat(report.unmanaged())
        .containsExactly(
            new Unmanaged("table", "public.cache",
                "foreign key cache_user_id_fkey references public.users, which is not pulled as a record"),
            new Unmanaged("table", "public.cache_index",
                "foreign key cache_index_user_id_fkey references public.users, which is not pulled as a record"),
            new Unmanaged("table", "public.cache_messages",
                "foreign key cache_messages_user_id_fkey references public.users, which is not pulled as a record"),
            new Unmanaged("table", "public.cache_thread",
                "foreign key cache_thread_user_id_fkey references public.users, which is not pulled as a record"),
            new Unmanaged("table", "public.collected_addresses",
                "foreign key collected_addresses_user_id_fkey references public.users,"
                    + " which is not pulled as a record"),
            new Unmanaged("table", "public.contactgroupmembers",
                "foreign key contactgroupmembers_contact_id_fkey references public.contacts,"
                    + " which is not pulled as a record;"
                    + " foreign key contactgroupmembers_contactgroup_id_fkey references public.contactgroups,"
                    + " which is not pulled as a record"),
            new Unmanaged("table", "public.contactgroups",
                "foreign key contactgroups_user_id_fkey references public.users, which is not pulled as a record"),
            new Unmanaged("table", "public.contacts",
                "foreign key contacts_user_id_fkey references public.users, which is not pulled as a record"),
            new Unmanaged("table", "public.dictionary",
                "unique constraint dictionary_user_id_language_key spans [user_id, language]"
                    + " (@Unique declares one column)"),
            new Unmanaged("table", "public.filestore",
                "unique constraint filestore_user_id_filename spans [user_id, context, filename]"
                    + " (@Unique declares one column)"),
            new Unmanaged("table", "public.identities",
                "foreign key identities_user_id_fkey references public.users, which is not pulled as a record"),
            new Unmanaged("table", "public.responses",
                "foreign key responses_user_id_fkey references public.users, which is not pulled as a record"),
            new Unmanaged("table", "public.searches",
                "unique constraint searches_user_id_key spans [user_id, type, name] (@Unique declares one column)"),
            new Unmanaged("table", "public.users",
                "unique constraint users_username_key spans [username, mail_host] (@Unique declares one column)"),
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
