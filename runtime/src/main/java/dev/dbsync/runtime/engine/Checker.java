package dev.dbsync.runtime.engine;

import static dev.dbsync.runtime.engine.Connections.withConnection;

import dev.dbsync.CheckReport;
import dev.dbsync.CheckReport.Difference;
import dev.dbsync.CheckReport.Recommendation;
import dev.dbsync.MigrationState;
import dev.dbsync.StatusReport;
import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.diff.Drift;
import dev.dbsync.schema.model.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * {@code check} and {@code status}: the history, the migration files and the compiled snapshot read against the
 * live database in one read-only transaction. The history is judged by {@link MigrationStates} (as {@code apply}
 * judges it) and the schema by {@link Drift} (as {@code apply}'s verification does); this class only puts them
 * side by side and says, per difference, whether a pending migration explains it.
 */
public final class Checker {
  private final MigrationLocation location;
  private final HistoryTable history;

  public Checker(Settings settings, MigrationLocation location) {
    this.location = location;
    this.history = new HistoryTable(settings.historyTable());
  }

  public CheckReport check(DataSource dataSource) {
    List<MigrationFile> files = location.migrations();
    Optional<Schema> snapshot = Verification.snapshot(location.classLoader());
    return readOnly(dataSource, "check", connection -> inspect(connection, files, snapshot));
  }

  public StatusReport status(DataSource dataSource) {
    List<MigrationFile> files = location.migrations();
    return readOnly(dataSource, "status", connection -> {
      boolean present = history.exists(connection);
      List<HistoryTable.Installed> installed = present ? history.readInstalled(connection) : List.of();
      Map<Integer, HistoryTable.Installed> byRank = new LinkedHashMap<>();
      installed.forEach(i -> byRank.put(i.row().installedRank(), i));
      MigrationStates states =
          MigrationStates.of(installed.stream().map(HistoryTable.Installed::row).toList(), files);
      List<StatusReport.Row> rows = new ArrayList<>();
      for (MigrationStates.Entry entry : states.entries()) {
        HistoryTable.Installed done = entry.row() == null ? null : byRank.get(entry.row().installedRank());
        rows.add(new StatusReport.Row(entry.version(), entry.description(),
            done == null ? "SQL" : done.row().type(), entry.script(),
            done == null ? null : done.installedOn(),
            done == null ? null : Duration.ofMillis(done.executionMillis()),
            done == null ? null : done.installedBy(), entry.state(), entry.problem()));
      }
      return new StatusReport(present, states.currentVersion(), rows);
    });
  }

  /** The check on a connection already in a transaction (read-only for check, locked for baseline). */
  CheckReport inspect(Connection connection, List<MigrationFile> files, Optional<Schema> snapshot)
      throws SQLException {
    boolean present = history.exists(connection);
    MigrationStates states = MigrationStates.of(present ? history.read(connection) : List.of(), files);
    boolean empty = isEmpty(connection);
    List<CheckReport.Migration> pending = states.pending().stream()
        .map(f -> new CheckReport.Migration(f.version().text(), f.description(), f.script()))
        .toList();
    List<CheckReport.HistoryProblem> problems = states.problems().stream()
        .map(e -> new CheckReport.HistoryProblem(e.state(), e.version(), e.script(), e.problem()))
        .toList();
    List<CheckReport.TableDrift> schema = new ArrayList<>();
    List<String> unmanaged = List.of();
    if (snapshot.isPresent()) {
      Drift drift = Verification.compare(connection, snapshot.get(), history.name());
      unmanaged = drift.unmanaged();
      Map<String, List<Difference>> byOwner = new LinkedHashMap<>();
      boolean migrated = states.currentVersion() != null;
      Map<String, String> pendingTexts = new LinkedHashMap<>(); // script -> text, each file read once
      if (!drift.mismatches().isEmpty()) {
        states.pending().forEach(f -> pendingTexts.put(f.script(), f.text()));
      }
      for (Drift.Mismatch m : drift.mismatches()) {
        byOwner.computeIfAbsent(m.owner(), o -> new ArrayList<>())
            .add(recommend(m, pendingTexts, migrated || empty));
      }
      byOwner.forEach((owner, differences) -> schema.add(new CheckReport.TableDrift(owner, whole(owner, differences))));
    }
    return new CheckReport(present, snapshot.isPresent(), empty, states.currentVersion(), pending, problems,
        schema, unmanaged);
  }

  /** A table that is not there at all is one difference, not one more per index and key it lacks. */
  private static List<Difference> whole(String owner, List<Difference> differences) {
    return differences.stream()
        .filter(d -> d.object().equals("table " + owner) && d.found() == null)
        .findFirst()
        .map(List::of)
        .orElse(differences);
  }

  /**
   * A pending migration that names the table (or enum type) in one of its statements is expected to remove the
   * difference; otherwise, on a migrated (or empty) database the difference was made by hand, and on a database
   * with tables but no history nothing was ever migrated.
   */
  private static Difference recommend(Drift.Mismatch m, Map<String, String> pendingTexts, boolean migrated) {
    if (!migrated) {
      return new Difference(m.object(), m.expected(), m.found(), Recommendation.NOT_MIGRATED,
          EngineMessages.notMigrated());
    }
    String name = m.owner().substring(m.owner().lastIndexOf('.') + 1);
    Pattern mentioned = Pattern.compile("(?i)(^|[^\\w$])\"?" + Pattern.quote(name) + "\"?($|[^\\w$])");
    return pendingTexts.entrySet().stream()
        .filter(pending -> mentioned.matcher(pending.getValue()).find())
        .findFirst()
        .map(pending -> new Difference(m.object(), m.expected(), m.found(), Recommendation.RUN_MIGRATE,
            EngineMessages.runMigrate(pending.getKey())))
        .orElseGet(() -> new Difference(m.object(), m.expected(), m.found(), Recommendation.CHANGED_BY_HAND,
            EngineMessages.changedByHand()));
  }

  /** No table, view or enum type outside PostgreSQL's own schemas (and dbsync's backups), the history left out. */
  private boolean isEmpty(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("""
        SELECT NOT EXISTS (
                 SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
                    AND n.nspname NOT IN ('pg_catalog', 'information_schema', ?) AND n.nspname NOT LIKE 'pg\\_%'
                    AND c.oid IS DISTINCT FROM to_regclass(?))
           AND NOT EXISTS (
                 SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                  WHERE t.typtype = 'e'
                    AND n.nspname NOT IN ('pg_catalog', 'information_schema', ?) AND n.nspname NOT LIKE 'pg\\_%')
        """)) {
      query.setString(1, Introspector.BACKUP_SCHEMA);
      query.setString(2, history.quotedName());
      query.setString(3, Introspector.BACKUP_SCHEMA);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static <T> T readOnly(DataSource dataSource, String task, Connections.Work<T> work) {
    return withConnection(dataSource, task, connection -> {
      // Not SET TRANSACTION READ ONLY: verification asks PostgreSQL for the canonical form of declared expressions
      // by creating temporary copies under a savepoint (CanonicalForms), which a read-only transaction refuses.
      // Nothing is kept either way: the copies are rolled back to their savepoint, the transaction as a whole.
      connection.setAutoCommit(false);
      T result = work.run(connection);
      connection.rollback(); // nothing to keep
      return result;
    });
  }
}
