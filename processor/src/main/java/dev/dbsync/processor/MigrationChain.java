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

  /** What is wrong with the chain, and which file is most likely the stray one; empty when it is intact. */
  record Break(String state, String strayFile) {}

  static Optional<Break> check(List<ResourceFiles.Migration> migrations, String snapshotHash) {
    String end = SchemaHash.EMPTY;
    String lastFile = null;
    for (ResourceFiles.Migration migration : migrations) {
      if (migration.header().isEmpty()) {
        continue;
      }
      MigrationScript.Header header = migration.header().get();
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
