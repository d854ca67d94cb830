package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dbsync.processor.Fixtures.compile;
import static dev.dbsync.processor.Fixtures.failing;
import static dev.dbsync.processor.Fixtures.files;
import static dev.dbsync.processor.Fixtures.migrations;
import static dev.dbsync.processor.Fixtures.record;

import dev.dbsync.schema.model.IdentityOptions;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @Identity}'s sequence options: read into the snapshot and migration, refused where PostgreSQL would. */
class IdentityOptionsTest {
  @TempDir Path resources;

  /** Record {@code Ticket} of table tickets whose key {@code id} of Java type {@code type} has {@code identity}. */
  private static JavaFileObject ticket(String type, String identity) {
    return record("Ticket", "@Table(\"tickets\")\npublic record Ticket(\n    @Id " + identity + " " + type
        + " id,\n    String title) {}");
  }

  private IdentityOptions options() {
    return SnapshotCodec.read(files(resources).get("db/dbsync/schema.json"))
        .table(QualifiedName.of("public", "tickets")).orElseThrow()
        .column("id").orElseThrow().identityOptions();
  }

  @Test
  void declaredOptionsReachTheSnapshotAndTheMigration() {
    assertThat(compile(resources,
        ticket("long", "@Identity(always = true, start = 1000, increment = 10, maxValue = 1000000, cache = 20,"
            + " cycle = true)")))
        .succeeded();

    assertThat(options()).isEqualTo(new IdentityOptions(1000L, 10L, null, 1000000L, 20L, true));
    assertThat(files(resources).get(migrations(resources).get(0))).contains(
        "id bigint GENERATED ALWAYS AS IDENTITY (START WITH 1000 INCREMENT BY 10 MAXVALUE 1000000 CACHE 20 CYCLE)"
            + " NOT NULL");
  }

  @Test
  void optionsDeclaredAtPostgresDefaultsAreNoOptionsAndAChangeIsOneMigration() {
    assertThat(compile(resources, ticket("short", "@Identity"))).succeeded();
    Map<String, String> first = files(resources);
    assertThat(compile(resources, ticket("short", "@Identity(start = 1, increment = 1, maxValue = 32767, cache = 1)")))
        .succeeded();
    assertThat(files(resources)).isEqualTo(first);
    assertThat(options()).isEqualTo(IdentityOptions.DEFAULT);

    assertThat(compile(resources, ticket("short", "@Identity(increment = 5, cache = 10)"))).succeeded();
    assertThat(migrations(resources)).hasSize(2);
    assertThat(files(resources).get(migrations(resources).get(1))).contains(
        "ALTER TABLE public.tickets ALTER COLUMN id SET INCREMENT BY 5 SET CACHE 10");
  }

  @Test
  void anIdentityMustCountInAnIntegerType() {
    JavaFileObject file = ticket("String", "@Identity");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.identityType("id", "text"))
        .inFile(file)
        .onLineContaining("@Identity");
  }

  @Test
  void theIncrementCannotBeZero() {
    JavaFileObject file = ticket("long", "@Identity(increment = 0)");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.identityIncrementZero("id"))
        .inFile(file)
        .onLineContaining("@Identity");
  }

  @Test
  void theCacheIsAtLeastOne() {
    JavaFileObject file = ticket("long", "@Identity(cache = 0)");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.identityCache("id", 0))
        .inFile(file)
        .onLineContaining("@Identity");
  }

  @Test
  void valuesMustFitTheColumnType() {
    JavaFileObject file = ticket("short", "@Identity(maxValue = 40000)");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.identityOutOfRange("id", "maxValue", 40000, "smallint", -32768, 32767))
        .inFile(file)
        .onLineContaining("@Identity");
  }

  @Test
  void theMinimumMustBeBelowTheMaximum() {
    JavaFileObject declared = ticket("int", "@Identity(minValue = 100, maxValue = 10)");
    assertThat(failing(resources, declared))
        .hadErrorContaining(Messages.identityBounds("id", 100, 10))
        .inFile(declared)
        .onLineContaining("@Identity");
    // a bound not declared is PostgreSQL's: an ascending sequence starts its range at 1
    JavaFileObject defaulted = ticket("int", "@Identity(maxValue = 0)");
    assertThat(failing(resources, defaulted))
        .hadErrorContaining(Messages.identityBounds("id", 1, 0))
        .inFile(defaulted)
        .onLineContaining("@Identity");
  }

  @Test
  void theStartMustLieBetweenTheBounds() {
    JavaFileObject file = ticket("long", "@Identity(start = 5, minValue = 10, maxValue = 100)");
    assertThat(failing(resources, file))
        .hadErrorContaining(Messages.identityStart("id", 5, 10, 100, 10))
        .inFile(file)
        .onLineContaining("@Identity");
  }
}
