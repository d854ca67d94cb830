package dev.dbsync.processor;

import dev.dbsync.schema.lint.RiskyStatements;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * What the engine refuses or guards in the migrations under {@code db/migration}, reported at compile time: a
 * migration that controls the transaction ({@code BEGIN}, {@code COMMIT}, ...) is an error, in any file, so
 * that nothing is written and the build stops where the runtime would refuse; a hand-written migration's
 * statements that can lose data ({@code DELETE}, {@code DROP ...}) are warnings while it is pending (not yet
 * followed by a generated migration), as the lock warnings are: production mode refuses them unless allowed.
 */
final class HandWrittenSql {
  private HandWrittenSql() {}

  static void check(ResourceFiles files, List<ResourceFiles.Migration> migrations, Report.Builder report)
      throws IOException {
    long lastGenerated = migrations.stream().filter(m -> m.header().isPresent())
        .mapToLong(ResourceFiles.Migration::version).max().orElse(0);
    for (ResourceFiles.Migration migration : migrations) {
      boolean pending = migration.header().isEmpty() && migration.version() > lastGenerated;
      if (migration.indexed().isPresent() && !pending) {
        continue; // checked when the index was written, and unchanged since
      }
      String text = Files.readString(files.migrationDirectory().resolve(migration.fileName()));
      for (RiskyStatements.TransactionControl found :
          RiskyStatements.transactionControl(migration.fileName(), text)) {
        report.error(Messages.transactionControl(found), null, null);
      }
      if (pending) {
        for (RiskyStatements.DataLoss loss : RiskyStatements.dataLoss(text)) {
          report.warning(Messages.dataLoss(migration.fileName(), loss), null, null);
        }
      }
    }
  }
}
