package dev.dbsync.processor;

import dev.dbsync.schema.diff.DdlRenderer;
import dev.dbsync.schema.diff.MigrationScript;
import dev.dbsync.schema.diff.SchemaChange;
import dev.dbsync.schema.lint.LintFinding;
import dev.dbsync.schema.lint.MigrationLint;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;

/**
 * Lock-safe DDL at compile time. The generated migration is written in the lock-safe forms when
 * {@code -Adbsync.safeDdl=true}, its scans in a follow-up migration {@code V<n+1>__<what it completes>_concurrently.sql}
 * that runs while the application keeps reading and writing; and statements that block traffic on a table that
 * may be large are reported as warnings with their safer form: those of the migration generated now, and
 * those of the hand-written migrations not yet followed by a generated one (the pending ones, reported at
 * every compilation until a generated migration follows them, unless the file says {@value #ALLOW_LOCKS}).
 */
final class LockSafety {
  static final String SAFE_DDL_OPTION = "dbsync.safeDdl";
  /** A line at the top of a hand-written migration that turns its lock warnings off. */
  static final String ALLOW_LOCKS = "-- dbsync:allow-locks";
  /** What {@link DdlRenderer.Options#LOCK_SAFE} writes in a form the lint accepts. */
  private static final Set<LintFinding.Rule> WRITTEN_SAFELY_WITH_SAFE_DDL =
      EnumSet.of(
          LintFinding.Rule.FOREIGN_KEY_NOT_VALID_MISSING,
          LintFinding.Rule.CHECK_NOT_VALID_MISSING,
          LintFinding.Rule.SET_NOT_NULL_WITHOUT_CHECK,
          LintFinding.Rule.INDEX_NOT_CONCURRENT,
          LintFinding.Rule.KEY_INDEX_NOT_CONCURRENT);

  private final DdlRenderer.Options options;
  private final List<TableElement> tables;
  private final Report.Builder report;

  private LockSafety(DdlRenderer.Options options, List<TableElement> tables, Report.Builder report) {
    this.options = options;
    this.tables = tables;
    this.report = report;
  }

  /**
   * Reads {@code -Adbsync.safeDdl} from the processor options: absent is false, {@code -Adbsync.safeDdl} alone
   * true; a value other than true or false is an error.
   */
  static LockSafety of(Map<String, String> processorOptions, List<TableElement> tables, Report.Builder report) {
    Optional<Boolean> lockSafe = Flag.read(processorOptions, SAFE_DDL_OPTION, false);
    if (lockSafe.isEmpty()) {
      report.error(Messages.invalidBooleanOption(SAFE_DDL_OPTION, processorOptions.get(SAFE_DDL_OPTION)), null, null);
    }
    return new LockSafety(
        lockSafe.orElse(false) ? DdlRenderer.Options.LOCK_SAFE : DdlRenderer.Options.DEFAULT, tables, report);
  }

  /**
   * The migration files of one change from {@code version} on, in version order (see {@link MigrationScript#files}:
   * enum values it uses first, then the migration, then its lock-safe follow-up).
   */
  List<MigrationScript.File> files(long version, Schema from, Schema to, List<SchemaChange> changes) {
    return MigrationScript.files(version, from, to, changes, options);
  }

  /** Writes migration files and warns about their traffic-blocking statements. Returns their names in order. */
  List<String> writeMigrations(ResourceFiles files, List<MigrationScript.File> migrations, Filer filer)
      throws IOException {
    List<String> names = new ArrayList<>();
    List<MigrationLint.Script> scripts = new ArrayList<>();
    for (MigrationScript.File file : migrations) {
      files.write(ResourceFiles.MIGRATIONS + "/" + file.name(), file.text(), filer);
      scripts.add(new MigrationLint.Script(file.name(), file.text()));
      names.add(file.name());
    }
    warn(MigrationLint.check(scripts));
    return names;
  }

  /**
   * Warns about the traffic-blocking statements of the hand-written migrations after the last generated one,
   * except in files that start with {@value #ALLOW_LOCKS} (the author knows the table is small, or chose the
   * lock). Those files still count for what they create and validate.
   */
  void lintPendingHandWritten(ResourceFiles files, List<ResourceFiles.Migration> migrations) throws IOException {
    long lastGenerated =
        migrations.stream().filter(m -> m.header().isPresent()).mapToLong(ResourceFiles.Migration::version)
            .max().orElse(0);
    List<MigrationLint.Script> pending = new ArrayList<>();
    Set<String> allowed = new HashSet<>();
    for (ResourceFiles.Migration migration : migrations) {
      if (migration.header().isEmpty() && migration.version() > lastGenerated) {
        String text = Files.readString(files.migrationDirectory().resolve(migration.fileName()));
        pending.add(new MigrationLint.Script(migration.fileName(), text));
        if (allowsLocks(text)) {
          allowed.add(migration.fileName());
        }
      }
    }
    for (LintFinding finding : MigrationLint.check(pending)) {
      if (!allowed.contains(finding.script())) {
        report.warning(Messages.lockHeavyHandWritten(finding, ALLOW_LOCKS), recordOf(finding.table()), null);
      }
    }
  }

  /** Whether one of the comment lines the file starts with is {@value #ALLOW_LOCKS}. */
  static boolean allowsLocks(String text) {
    for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      if (!line.startsWith("--")) {
        return false;
      }
      if (line.equals(ALLOW_LOCKS)) {
        return true;
      }
    }
    return false;
  }

  private void warn(List<LintFinding> findings) {
    for (LintFinding finding : findings) {
      boolean safeDdlWritesSaferForm = !options.lockSafe() && WRITTEN_SAFELY_WITH_SAFE_DDL.contains(finding.rule());
      report.warning(Messages.lockHeavyGenerated(finding, safeDdlWritesSaferForm), recordOf(finding.table()), null);
    }
  }

  /** The record of the table the lint names ({@code posts} or {@code schema.posts}), or null. */
  private Element recordOf(String table) {
    return tables.stream()
        .filter(t -> lintName(t.name()).equals(table))
        .<Element>map(TableElement::record)
        .findFirst()
        .orElse(null);
  }

  private static String lintName(QualifiedName name) {
    return name.schema().equals("public") ? name.name() : name.schema() + "." + name.name();
  }
}
