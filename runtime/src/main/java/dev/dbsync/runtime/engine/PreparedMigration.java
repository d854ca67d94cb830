package dev.dbsync.runtime.engine;

import dev.dbsync.schema.diff.MigrationScript;
import dev.dbsync.schema.lint.RiskyStatements;
import dev.dbsync.schema.sql.FlywayChecksum;
import dev.dbsync.schema.sql.NonTransactional;
import dev.dbsync.schema.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A pending migration read once: its checksum, its statements and the destructive changes its header declares.
 *
 * @param transactionControl its BEGIN, COMMIT, ... statements, which the engine refuses to run
 * @param dataLoss its statements that can lose data; in a generated migration (one with a dbsync header) only
 *     those the generator never writes undeclared, the header's lines covering the others
 * @param followUp a lock-safe follow-up ({@code -dbsync.safeDdl}): its header goes from a schema to the same one,
 *     because it only validates what the migration before it added NOT VALID or builds indexes concurrently
 */
record PreparedMigration(
    MigrationFile file, int checksum, List<String> statements, List<String> destructive,
    List<RiskyStatements.TransactionControl> transactionControl, List<RiskyStatements.DataLoss> dataLoss,
    boolean followUp) {
  /** The renderer writes each enum value addition as its own statement of exactly this form. */
  private static final Pattern ADD_ENUM_VALUE =
      Pattern.compile("(?is)^\\s*ALTER\\s+TYPE\\s+.+\\s+ADD\\s+VALUE\\s+IF\\s+NOT\\s+EXISTS\\s+.*");

  private static final String DESTRUCTIVE = "-- dbsync:destructive ";

  static PreparedMigration of(MigrationFile file) {
    String text = file.text();
    Optional<MigrationScript.Header> header = MigrationScript.Header.parse(text);
    boolean followUp = header.map(h -> h.from().equals(h.to())).orElse(false);
    List<RiskyStatements.DataLoss> dataLoss = RiskyStatements.dataLoss(text).stream()
        .filter(loss -> header.isEmpty() || !loss.kind().writtenByGenerator())
        .toList();
    return new PreparedMigration(file, FlywayChecksum.of(text), SqlScript.split(text), destructive(text),
        RiskyStatements.transactionControl(file.script(), text), dataLoss, followUp);
  }

  /** The {@code -- dbsync:destructive <description>} lines of the header (the comment lines the file starts with). */
  private static List<String> destructive(String text) {
    List<String> changes = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!trimmed.startsWith("--")) {
        break;
      }
      if (trimmed.startsWith(DESTRUCTIVE)) {
        changes.add(trimmed.substring(DESTRUCTIVE.length()).strip());
      }
    }
    return List.copyOf(changes);
  }

  /**
   * Whether production mode must refuse it unless allowed: its header declares a destructive change, or a
   * statement can lose data. A type change counts only once the column's current type shows that it narrows
   * ({@link #typeChanges()}, checked in the transaction).
   */
  boolean destructiveByText() {
    return !destructive.isEmpty()
        || dataLoss.stream().anyMatch(loss -> loss.kind() != RiskyStatements.Kind.TYPE_CHANGE);
  }

  List<RiskyStatements.DataLoss> typeChanges() {
    return dataLoss.stream().filter(loss -> loss.kind() == RiskyStatements.Kind.TYPE_CHANGE).toList();
  }

  /** The first statement that cannot run in a transaction, or null. */
  String nonTransactional() {
    return NonTransactional.first(statements).orElse(null);
  }

  List<String> enumValueAdditions() {
    return statements.stream().filter(PreparedMigration::isEnumValueAddition).toList();
  }

  static boolean isEnumValueAddition(String statement) {
    return ADD_ENUM_VALUE.matcher(statement).matches();
  }
}
