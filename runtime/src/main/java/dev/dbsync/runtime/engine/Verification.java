package dev.dbsync.runtime.engine;

import dev.dbsync.MigrationException;
import dev.dbsync.runtime.introspect.CanonicalForms;
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
 *
 * <p>Expressions (checks, generated columns, index predicates and definitions, defaults) are compared as
 * PostgreSQL stores them: where the declared and stored texts differ even with casts and parentheses set aside,
 * the server is asked for its canonical form of the declared tables ({@link CanonicalForms}, one more round
 * trip), so a correct migration never fails over how an expression was spelled. The same comparison serves
 * apply, push and the {@code check} command.
 */
public final class Verification {
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

  /**
   * How the database on {@code connection} differs from {@code snapshot} (the compiled schema), the history
   * table left out. Inside a transaction it runs in it and leaves it as it was; in autocommit it reads in a
   * transaction of its own, rolled back.
   */
  public static Drift compare(Connection connection, Schema snapshot, QualifiedName historyTable)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (autoCommit) {
      connection.setAutoCommit(false);
    }
    try {
      Schema found = read(connection, snapshot, historyTable);
      Drift asWritten = Drift.between(snapshot, found);
      return asWritten.isEmpty() ? asWritten : Drift.between(snapshot, found, canonical(connection, snapshot, found));
    } finally {
      if (autoCommit) {
        connection.rollback(); // nothing was written
        connection.setAutoCommit(true);
      }
    }
  }

  /** {@link #compare(Connection, Schema, QualifiedName)} with Flyway's history table in the default schema. */
  public static Drift compare(Connection connection, Schema snapshot) throws SQLException {
    return compare(connection, snapshot, QualifiedName.of(QualifiedName.DEFAULT_SCHEMA, Introspector.HISTORY_TABLE));
  }

  /**
   * The tables and enum types of {@code found} that {@code snapshot} declares, every expression that PostgreSQL
   * stores as it stores the declared one written as declared: what a push diffs against the snapshot, so that
   * a spelling never becomes a change. Needs a transaction.
   */
  static Schema inDeclaredSpelling(Connection connection, Schema found, Schema snapshot) throws SQLException {
    return Drift.inDeclaredSpelling(found, snapshot, canonical(connection, snapshot, found));
  }

  /**
   * The server's canonical form of the declared tables that the texts alone do not show equal to the live
   * ones; nothing (and no round trip) when they all do.
   */
  private static Schema canonical(Connection connection, Schema snapshot, Schema found) throws SQLException {
    Set<QualifiedName> differing = Drift.tablesDiffering(snapshot, found);
    return differing.isEmpty() ? Schema.EMPTY : CanonicalForms.of(connection, snapshot, differing);
  }

  /** Everything in the database schemas that {@code snapshot} uses, the history table left out. */
  static Schema read(Connection connection, Schema snapshot, QualifiedName historyTable) throws SQLException {
    Set<String> schemas = new TreeSet<>();
    snapshot.tables().forEach(t -> schemas.add(t.name().schema()));
    snapshot.enums().forEach(e -> schemas.add(e.name().schema()));
    return Introspector.read(connection, schemas, historyTable.name());
  }
}
