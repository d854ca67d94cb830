package dev.dbsync.commands.pull;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.dbsync.CheckReport;
import dev.dbsync.commands.pull.PullReport.Unmanaged;
import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.snapshot.SchemaHash;
import dev.dbsync.testing.TestDatabase;
import dev.dbsync.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database built by hand-written SQL with every feature the annotations can declare: pull, compile the records
 * with the processor (no migration), no drift, the baseline rebuilds the same catalog, and one edit to a record
 * gives exactly its migration.
 */
class PullRoundTripTest {
  private static final String[] SCHEMAS = {"public", "app"};

  @TempDir Path root;

  @Test
  void pullCompilesBackToTheSameSchemaAndTheBaselineRebuildsTheCatalog() throws Exception {
    PulledProject project = new PulledProject(root);
    try (TestDatabase database = TestDatabases.create(); TestDatabase empty = TestDatabases.create()) {
      PulledProject.load(database, "/pull/features.sql");
      PullReport report = project.pull(database, SCHEMAS).run();

      assertThat(report.tables())
          .containsExactly(
              new PullReport.Mapping("app.moods", "com.example.db.Moods"),
              new PullReport.Mapping("public.Order", "com.example.db.Order"),
              new PullReport.Mapping("public.authors", "com.example.db.Authors"),
              new PullReport.Mapping("public.events", "com.example.db.Events"),
              new PullReport.Mapping("public.issues", "com.example.db.Issues"),
              new PullReport.Mapping("public.legacy_pairs", "com.example.db.LegacyPairs"),
              new PullReport.Mapping("public.pair_links", "com.example.db.PairLinks"),
              new PullReport.Mapping("public.pair_notes", "com.example.db.PairNotes"),
              new PullReport.Mapping("public.pairs", "com.example.db.Pairs"),
              new PullReport.Mapping("public.post_tags", "com.example.db.PostTags"),
              new PullReport.Mapping("public.posts", "com.example.db.Posts"),
              new PullReport.Mapping("public.record", "com.example.db.PublicRecord"),
              new PullReport.Mapping("public.search", "com.example.db.Search"),
              new PullReport.Mapping("public.tickets", "com.example.db.Tickets"))
          .inOrder();
      assertThat(report.enums())
          .containsExactly(
              new PullReport.Mapping("app.Priority", "com.example.db.Priority"),
              new PullReport.Mapping("app.mood", "com.example.db.Mood"),
              new PullReport.Mapping("app.visibility", "com.example.db.Visibility"),
              new PullReport.Mapping("public.post_status", "com.example.db.PostStatus"));
      assertThat(report.unmanaged())
          .containsAtLeast(
              new Unmanaged("enum type", "public.unused_kind", "used by no pulled record"),
              new Unmanaged("view", "public.published", ""),
              new Unmanaged("function", "public.touch()", ""),
              new Unmanaged("trigger", "posts_touch", "on public.posts"),
              new Unmanaged("domain", "public.positive_int", "over integer"),
              new Unmanaged("sequence", "public.spare_numbers", "used by no column"),
              new Unmanaged("sequence", "public.posts_id_seq", "default of public.posts.id"),
              new Unmanaged("policy", "own_posts", "on public.posts"),
              new Unmanaged("partition", "public.events_2024",
                  "of public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"),
              new Unmanaged("partitioning", "public.events", "PARTITION BY RANGE (at)"));
      assertThat(report.unmanaged())
          .contains(new Unmanaged("table", "public.people",
              "index people_initials has the entry '\"Initials\"(name)', which @Index(columns = ...) does not read"
                  + " back the same"));
      assertThat(report.unmanaged())
          .contains(new Unmanaged("table", "public.far_back", PullMessages.identityOptionNotDeclarable("id")));
      // as reviewed: names, keywords, clashes, explicit types, every annotation attribute; composite unique
      // constraints, a foreign key to one, every @Index option; identity options counting up and down; enum types
      // named or placed unlike the default, arrays of enum types
      for (String type : List.of("Posts", "Authors", "PostStatus", "PublicRecord", "PairNotes", "LegacyPairs",
          "PairLinks", "Search", "Order", "Tickets", "Issues", "Priority", "Visibility")) {
        Golden.assertEquals("pull/" + type + ".java", project.read("com/example/db/" + type + ".java"));
      }

      Map<String, String> pulled = project.resourceFiles();
      Compilation compilation = project.compile();
      assertThat(compilation).succeeded();
      assertThat(project.resourceFiles()).isEqualTo(pulled); // no migration, snapshot untouched

      Schema snapshot = project.snapshot();
      Schema introspected;
      try (Connection connection = database.connect()) {
        introspected = Introspector.read(connection, List.of(SCHEMAS));
      }
      Set<QualifiedName> unmanagedTables =
          report.unmanaged().stream()
              .filter(u -> u.kind().equals("table"))
              .map(u -> QualifiedName.parse(u.name()))
              .collect(Collectors.toSet());
      assertThat(unmanagedTables)
          .containsExactly(QualifiedName.of("public", "people"), QualifiedName.of("public", "far_back"));
      List<Table> managed =
          introspected.tables().stream().filter(t -> !unmanagedTables.contains(t.name())).toList();
      assertThat(snapshot.withoutClassNames().tables()).isEqualTo(managed);
      assertThat(snapshot.enums())
          .isEqualTo(introspected.enums().stream().filter(e -> !e.name().name().equals("unused_kind")).toList());
      assertThat(project.drift(database, SCHEMAS).differences()).isEmpty();
      assertThat(project.baseline(database).baselined()).isTrue();
      CheckReport check = project.check(database);
      assertWithMessage("%s", check).that(check.inSync()).isTrue();
      // pulled again after baseline: the history table is dbsync's own, neither a record nor in the baseline
      PulledProject again = new PulledProject(root.resolve("again"));
      assertThat(again.pull(database, SCHEMAS).run().tables()).isEqualTo(report.tables());
      assertThat(again.resourceFiles().get("db/migration/V1__baseline.sql")).doesNotContain("flyway_schema_history");

      project.migrate(empty);
      assertThat(PulledProject.catalog(empty, SCHEMAS)).isEqualTo(PulledProject.catalog(database, SCHEMAS));
      assertThat(project.drift(empty, SCHEMAS).differences()).isEmpty();
      assertThat(project.check(empty).inSync()).isTrue();

      String authors = project.read("com/example/db/Authors.java");
      int end = authors.lastIndexOf(") {");
      project.write(
          "com/example/db/Authors.java",
          authors.substring(0, end) + ",\n    @Nullable String nickname" + authors.substring(end));
      assertThat(project.compile()).succeeded();
      Map<String, String> after = project.resourceFiles();
      String migration = after.get("db/migration/V2__add_authors_nickname.sql");
      assertThat(migration)
          .isEqualTo(
              "-- dbsync:from " + SchemaHash.of(snapshot) + "\n"
                  + "-- dbsync:to " + SchemaHash.of(project.snapshot()) + "\n"
                  + "\n"
                  + "ALTER TABLE public.authors ADD COLUMN nickname text;\n");
      assertThat(after.keySet())
          .containsExactly(Pull.SNAPSHOT, "db/dbsync/migrations.index", "db/migration/V1__baseline.sql",
              "db/migration/V2__add_authors_nickname.sql");
    }
  }
}
