package dev.dbsync.runtime.engine;

import dev.dbsync.DbSync;
import dev.dbsync.MigrationException;
import dev.dbsync.PushResult;
import dev.dbsync.schema.diff.DdlRenderer;
import dev.dbsync.schema.diff.DiffProblem;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.diff.SchemaChange;
import dev.dbsync.schema.diff.SchemaDiff;
import dev.dbsync.schema.diff.SchemaDiffer;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Development's shortcut: makes the database match the compiled snapshot directly, without a migration file or a
 * history row. Only what the snapshot declares is changed; a table or enum type it does not declare is left
 * alone and reported (it may be another library's, or one whose record was deleted: either way dropping it would
 * be a guess). Renames cannot be pushed (the snapshot does not say what was renamed), destructive changes only
 * when allowed, and production mode refuses the whole thing before it connects.
 */
public final class Pusher {
  private final Settings settings;
  private final ClassLoader classLoader;
  private final HistoryTable history;

  public Pusher(Settings settings, ClassLoader classLoader) {
    this.settings = settings;
    this.classLoader = classLoader;
    this.history = new HistoryTable(settings.historyTable());
  }

  public PushResult push(DataSource dataSource) {
    if (settings.mode() == DbSync.Mode.PRODUCTION) {
      throw new MigrationException(EngineMessages.pushInProduction());
    }
    long start = System.nanoTime();
    Schema snapshot = Verification.snapshot(classLoader)
        .orElseThrow(() -> new MigrationException(EngineMessages.pushWithoutSnapshot()))
        .withoutClassNames();
    return Connections.withConnection(dataSource, "push", connection -> {
      connection.setAutoCommit(false);
      return push(connection, snapshot, Optional.empty(), start);
    });
  }

  /**
   * Development only, for {@code discard}: undoes generated migrations the database applied whose files were
   * discarded before they were committed. Makes the tables and enum types that {@code kept} (the committed
   * snapshot the discarded migrations started from) or {@code discarded} (the snapshot they led to) declare match
   * {@code kept} — dropping what they created, destructive changes included, since they undo changes that never
   * left this machine — and deletes the history rows of {@code versions}, in one transaction under the migration
   * lock, verified against {@code kept} before commit. Only a database that applied at least one of them is
   * changed (one that applied none is left as it is: it may be empty, or pushed). Renames cannot be undone this
   * way (the schemas do not say what was renamed), nor changes the discarded migrations did not make: then
   * nothing changes. Production mode refuses it before connecting.
   */
  public Reverted revert(DataSource dataSource, Schema kept, Schema discarded, List<String> versions) {
    if (settings.mode() == DbSync.Mode.PRODUCTION) {
      throw new MigrationException(EngineMessages.revertInProduction());
    }
    long start = System.nanoTime();
    return Connections.withConnection(dataSource, connection -> {
      connection.setAutoCommit(false);
      MigrationLock.acquire(connection, settings, history);
      List<String> applied = history.exists(connection)
          ? history.read(connection).stream().map(HistoryRow::version).filter(versions::contains).distinct().toList()
          : List.of();
      if (applied.isEmpty()) {
        connection.rollback();
        return new Reverted(applied, Optional.empty());
      }
      Revert revert = new Revert(discarded.withoutClassNames(), applied);
      return new Reverted(applied, Optional.of(push(connection, kept.withoutClassNames(), Optional.of(revert), start)));
    });
  }

  /**
   * What {@link #revert} did: the discarded versions the database had applied (their history rows are deleted)
   * and the statements that took it back, empty when it had applied none of them and nothing changed.
   */
  public record Reverted(List<String> versions, Optional<PushResult> push) {
    public Reverted {
      versions = List.copyOf(versions);
    }
  }

  /** What a revert undoes: the schema the discarded migrations led to, and their versions. */
  private record Revert(Schema discarded, List<String> versions) {}

  /** Whether {@code schema} declares what {@code change} drops or alters: the table, its column, the enum type. */
  private static boolean declares(Schema schema, SchemaChange change) {
    if (change instanceof SchemaChange.ColumnDropped dropped) {
      return schema.table(dropped.table()).flatMap(t -> t.column(dropped.column().name())).isPresent();
    }
    if (change instanceof SchemaChange.ColumnAltered altered) {
      return schema.table(altered.table()).flatMap(t -> t.column(altered.column())).isPresent();
    }
    return schema.table(change.table()).isPresent() || schema.enumType(change.table()).isPresent();
  }

  /** The tables and enum types of {@code snapshot}, and those of {@code discarded} that it does not declare. */
  private static Schema managed(Schema snapshot, Optional<Revert> revert) {
    if (revert.isEmpty()) {
      return snapshot;
    }
    Schema discarded = revert.get().discarded();
    List<EnumType> enums = new ArrayList<>(snapshot.enums());
    discarded.enums().stream().filter(e -> snapshot.enumType(e.name()).isEmpty()).forEach(enums::add);
    List<Table> tables = new ArrayList<>(snapshot.tables());
    discarded.tables().stream().filter(t -> snapshot.table(t.name()).isEmpty()).forEach(tables::add);
    return new Schema(enums, tables);
  }

  /**
   * Makes the part of the database that the snapshot (and, for a revert, the discarded schema) declares match
   * {@code snapshot}; a revert also deletes the discarded versions' history rows before the verification.
   */
  private PushResult push(Connection connection, Schema snapshot, Optional<Revert> revert, long start)
      throws SQLException {
    Schema managed = managed(snapshot, revert);
    MigrationLock.acquire(connection, settings, history);
    Schema declared = declaredPart(
        Verification.inDeclaredSpelling(connection, Verification.read(connection, managed, history.name()), managed),
        managed);
    SchemaDiff diff = SchemaDiffer.diff(declared, snapshot, Intent.NONE);
    List<String> errors = diff.problems().stream()
        .filter(p -> p.severity() == DiffProblem.Severity.ERROR).map(DiffProblem::message).toList();
    if (!errors.isEmpty()) {
      throw new MigrationException(
          revert.isPresent() ? EngineMessages.revertAmbiguous(errors) : EngineMessages.pushAmbiguous(errors));
    }
    if (revert.isEmpty() && !diff.destructive().isEmpty() && !settings.destructive().all()) {
      throw new MigrationException(EngineMessages.pushDestructive(diff.destructive()));
    }
    if (revert.isPresent()) {
      // undoing the discarded migrations may drop only what they made; anything else was made by hand
      List<String> notDiscarded = diff.changes().stream()
          .filter(change -> change.destructive() && !declares(revert.get().discarded(), change))
          .map(SchemaChange::description)
          .toList();
      if (!notDiscarded.isEmpty()) {
        throw new MigrationException(EngineMessages.revertWouldLoseOthers(notDiscarded));
      }
    }
    List<String> statements = DdlRenderer.statements(diff.changes());
    List<String> additions = statements.stream().filter(PreparedMigration::isEnumValueAddition).toList();
    try (Statement statement = connection.createStatement()) {
      if (!additions.isEmpty()) {
        // a value added in a transaction cannot be used before that transaction commits
        for (String sql : additions) {
          execute(statement, sql, List.of());
        }
        connection.commit();
        MigrationLock.acquire(connection, settings, history);
      }
      for (String sql : statements) {
        if (!additions.contains(sql)) {
          execute(statement, sql, additions);
        }
      }
    }
    if (revert.isPresent()) {
      history.delete(connection, revert.get().versions());
    }
    Drift drift = Verification.compare(connection, snapshot, history.name());
    if (!drift.isEmpty()) {
      throw new MigrationException(EngineMessages.pushVerificationFailed(drift.differences()));
    }
    connection.commit();
    return new PushResult(statements, drift.unmanaged(), Duration.ofNanos(System.nanoTime() - start));
  }

  private static void execute(Statement statement, String sql, List<String> committedFirst) {
    try {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new MigrationException(
          EngineMessages.pushStatementFailed(sql, e, committedFirst), null, sql, e.getSQLState(), e);
    }
  }

  /** The tables and enum types of {@code found} that {@code snapshot} declares: the only ones a push may change. */
  private static Schema declaredPart(Schema found, Schema snapshot) {
    return new Schema(
        found.enums().stream().filter(e -> snapshot.enumType(e.name()).isPresent()).toList(),
        found.tables().stream().filter(t -> snapshot.table(t.name()).isPresent()).toList());
  }
}
