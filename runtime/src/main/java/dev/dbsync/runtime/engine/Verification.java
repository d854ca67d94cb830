package dev.dbsync.runtime.engine;

import dev.dbsync.MigrationException;
import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import dev.dbsync.schema.snapshot.SnapshotFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Verify-before-commit: after the pending migrations ran, still inside their transaction, the managed schemas
 * are read back and compared with the compiled snapshot. The snapshot is read only when something was applied,
 * so the no-op path stays one query.
 */
final class Verification {
  static final String SNAPSHOT = "db/dbsync/schema.json";

  private Verification() {}

  /** The snapshot on the class path, or empty when the project has none (plain hand-written migrations). */
  static Optional<Schema> snapshot(ClassLoader classLoader) {
    URL resource = classLoader.getResource(SNAPSHOT);
    if (resource == null) {
      return Optional.empty();
    }
    try (InputStream in = resource.openStream()) {
      return Optional.of(SnapshotCodec.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(EngineMessages.snapshotUnreadable(resource.toString(), e.toString()), e);
    } catch (SnapshotFormatException e) {
      throw new MigrationException(EngineMessages.snapshotUnreadable(resource.toString(), e.getMessage()));
    }
  }

  /** How the database on {@code connection} differs from {@code snapshot}. */
  static Drift compare(Connection connection, Schema snapshot, QualifiedName historyTable) throws SQLException {
    return Drift.between(snapshot, read(connection, snapshot, historyTable));
  }

  /** Everything in the database schemas that {@code snapshot} uses, the history table left out. */
  static Schema read(Connection connection, Schema snapshot, QualifiedName historyTable) throws SQLException {
    Set<String> schemas = new TreeSet<>();
    snapshot.tables().forEach(t -> schemas.add(t.name().schema()));
    snapshot.enums().forEach(e -> schemas.add(e.name().schema()));
    return Introspector.read(connection, schemas, historyTable.name());
  }
}
