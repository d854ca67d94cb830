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
  void pagila() throws Exception {
    PullReport report = roundTrip("/realworld/pagila/pagila-schema.sql");
    assertThat(report.tables()).hasSize(14);
    assertThat(report.tables()).contains(new PullReport.Mapping("public.film", "com.example.db.Film"));
    assertThat(report.enums()).containsExactly(new PullReport.Mapping("public.mpaa_rating", "com.example.db.MpaaRating"));
    assertThat(report.unmanaged())
        .containsAtLeast(
            new Unmanaged("table", "public.payment",
                "primary key columns [payment_date, payment_id] are not in column order [payment_id, payment_date]"
                    + " (@Id components declare the key in component order)"),
            new Unmanaged("partitioning", "public.payment", "PARTITION BY RANGE (payment_date)"),
            new Unmanaged("view", "public.actor_info", ""),
            new Unmanaged("materialized view", "public.rental_by_category", ""),
            new Unmanaged("function", "public.last_updated()", ""),
            new Unmanaged("aggregate", "public.group_concat(text)", ""),
            new Unmanaged("trigger", "film_fulltext_trigger", "on public.film"),
            new Unmanaged("domain", "public.year", "over integer"),
            new Unmanaged("sequence", "public.actor_actor_id_seq", "default of public.actor.actor_id"));
    assertThat(report.unmanaged().stream().filter(u -> u.kind().equals("partition")).count()).isEqualTo(7);
  }

  @Test
  void chinook() throws Exception {
    PullReport report = roundTrip("/realworld/chinook/chinook-schema.sql");
    assertThat(report.tables()).hasSize(11);
    assertThat(report.tables()).contains(new PullReport.Mapping("public.invoice_line", "com.example.db.InvoiceLine"));
    // identity columns are declared by @Identity: their sequences are not unmanaged objects
    assertThat(report.unmanaged()).isEmpty();
  }

  @Test
  void northwind() throws Exception {
    PullReport report = roundTrip("/realworld/northwind/northwind-schema.sql");
    assertThat(report.tables()).hasSize(14);
    assertThat(report.tables())
        .contains(new PullReport.Mapping("public.customer_customer_demo", "com.example.db.CustomerCustomerDemo"));
    assertThat(report.unmanaged()).isEmpty();
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
