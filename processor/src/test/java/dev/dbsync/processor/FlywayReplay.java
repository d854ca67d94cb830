package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import dev.dbsync.testing.TestDatabase;
import dev.dbsync.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;

/**
 * Flyway 13, the oracle for "Flyway can take over": it migrates an empty database from the migrations a test
 * generated, each file in its own transaction, and the database must then be the committed snapshot.
 */
final class FlywayReplay {
  private FlywayReplay() {}

  /** Replays {@code resources/db/migration} with Flyway and compares the database with the snapshot there. */
  static void assertReplays(Path resources) throws Exception {
    Path migrations = resources.resolve(ResourceFiles.MIGRATIONS);
    Path snapshotFile = resources.resolve(ResourceFiles.SNAPSHOT);
    if (!Files.isDirectory(migrations) || !Files.exists(snapshotFile)) {
      return;
    }
    Schema snapshot = SnapshotCodec.read(Files.readString(snapshotFile));
    try (TestDatabase db = TestDatabases.create(); Connection connection = db.connect()) {
      Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + migrations).load().migrate();
      Schema found = Introspector.read(connection, schemasOf(snapshot));
      assertWithMessage("Flyway replayed " + Fixtures.migrations(resources) + " and the database differs from the snapshot")
          .that(Drift.between(snapshot, found))
          .isEqualTo(new Drift(List.of(), List.of()));
    }
  }

  private static Set<String> schemasOf(Schema schema) {
    Set<String> names = new TreeSet<>(Set.of("public"));
    schema.tables().stream().map(Table::name).forEach(name -> names.add(name.schema()));
    schema.enums().forEach(type -> names.add(type.name().schema()));
    return names;
  }
}
