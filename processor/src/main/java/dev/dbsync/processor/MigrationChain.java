package dev.dbsync.processor;

import dev.dbsync.schema.diff.MigrationScript;
import dev.dbsync.schema.snapshot.SchemaHash;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The generated migrations must lead, one after the other, from the empty schema to the committed
 * snapshot; hand-written migrations (no header) do not take part.
 */
final class MigrationChain {
  private MigrationChain() {}

  /**
   * What is wrong with the chain, and which file is most likely the stray one; {@code gap} is set when the chain
   * breaks where version numbers are missing: a migration was deleted, not a branch's one added.
   */
  record Break(String state, String strayFile, Gap gap) {
    Break(String state, String strayFile) {
      this(state, strayFile, null);
    }
  }

  /** Versions {@code first} to {@code last} are missing between the files {@code before} (null: none) and {@code after}. */
  record Gap(long first, long last, String before, String after) {}

  static Optional<Break> check(List<ResourceFiles.Migration> migrations, String snapshotHash) {
    String end = SchemaHash.EMPTY;
    String lastFile = null;
    ResourceFiles.Migration previous = null;
    for (ResourceFiles.Migration migration : migrations) {
      ResourceFiles.Migration before = previous;
      previous = migration;
      if (migration.header().isEmpty()) {
        continue;
      }
      MigrationScript.Header header = migration.header().get();
      long expectedVersion = before == null ? 1 : before.version() + 1;
      if (!header.from().equals(end) && migration.version() > expectedVersion) {
        Gap gap = new Gap(
            expectedVersion, migration.version() - 1, before == null ? null : before.fileName(), migration.fileName());
        return Optional.of(
            new Break(Messages.chainStartsWrong(migration.fileName(), header.from(), end), migration.fileName(), gap));
      }
      if (!header.from().equals(end)) {
        // the migrations leaving the same schema are the two branches' work: one of them is this branch's
        String siblings =
            migrations.stream()
                .filter(m -> m.header().map(h -> h.from().equals(header.from())).orElse(false))
                .map(ResourceFiles.Migration::fileName)
                .collect(Collectors.joining(" or "));
        return Optional.of(new Break(Messages.chainStartsWrong(migration.fileName(), header.from(), end), siblings));
      }
      end = header.to();
      lastFile = migration.fileName();
    }
    if (!end.equals(snapshotHash)) {
      return Optional.of(
          new Break(Messages.chainEndsWrong(lastFile, end, snapshotHash), lastFile == null ? "none" : lastFile));
    }
    return Optional.empty();
  }
}
