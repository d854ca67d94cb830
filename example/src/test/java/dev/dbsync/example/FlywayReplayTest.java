package dev.dbsync.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Flyway takes over: it builds the example's schema from the example's migrations, each in its own transaction. */
@ExtendWith(FreshDatabase.class)
class FlywayReplayTest {
  @Test
  void flywayBuildsTheSnapshotFromTheExamplesMigrations(TestDatabase db) throws Exception {
    Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load().migrate();

    try (Connection connection = db.connect()) {
      assertEquals(new Drift(List.of(), List.of()),
          Drift.between(snapshot(), Introspector.read(connection, Set.of("public"))));
    }
  }

  private static Schema snapshot() throws IOException {
    try (InputStream in = FlywayReplayTest.class.getClassLoader().getResourceAsStream("db/dbsync/schema.json")) {
      return SnapshotCodec.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
