package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.dbsync.schema.diff.MigrationScript;
import dev.dbsync.schema.snapshot.SchemaHash;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationChainTest {
  private static ResourceFiles.Migration generated(String file, long version, String from, String to) {
    return new ResourceFiles.Migration(
        file, version, Optional.of(new MigrationScript.Header(from, to, List.of())), Optional.empty());
  }

  private static ResourceFiles.Migration handWritten(String file, long version) {
    return new ResourceFiles.Migration(file, version, Optional.empty(), Optional.empty());
  }

  @Test
  void intactChainWithHandWrittenMigrationsInBetween() {
    List<ResourceFiles.Migration> migrations =
        List.of(
            generated("V1__a.sql", 1, SchemaHash.EMPTY, "h1"),
            handWritten("V2__backfill.sql", 2),
            generated("V3__b.sql", 3, "h1", "h2"));
    assertThat(MigrationChain.check(migrations, "h2")).isEmpty();
  }

  @Test
  void noMigrationsAndNoSnapshot() {
    assertThat(MigrationChain.check(List.of(), SchemaHash.EMPTY)).isEmpty();
  }

  @Test
  void snapshotNotAtTheEndOfTheChain() {
    List<ResourceFiles.Migration> migrations = List.of(generated("V1__a.sql", 1, SchemaHash.EMPTY, "h1"));
    assertThat(MigrationChain.check(migrations, "h9"))
        .hasValue(new MigrationChain.Break(Messages.chainEndsWrong("V1__a.sql", "h1", "h9"), "V1__a.sql"));
  }

  @Test
  void forkNamesBothBranchesMigrations() {
    List<ResourceFiles.Migration> migrations =
        List.of(
            generated("V1__a.sql", 1, SchemaHash.EMPTY, "h1"),
            generated("V2__main.sql", 2, "h1", "h2"),
            generated("V3__branch.sql", 3, "h1", "h3"));
    assertThat(MigrationChain.check(migrations, "h2"))
        .hasValue(
            new MigrationChain.Break(
                Messages.chainStartsWrong("V3__branch.sql", "h1", "h2"), "V2__main.sql or V3__branch.sql"));
  }

  @Test
  void aLockSafeFollowUpLeadsFromTheNewSchemaToItself() {
    List<ResourceFiles.Migration> migrations =
        List.of(
            generated("V1__a.sql", 1, SchemaHash.EMPTY, "h1"),
            generated("V2__b.sql", 2, "h1", "h2"),
            generated("V3__b_concurrently.sql", 3, "h2", "h2"),
            generated("V4__c.sql", 4, "h2", "h3"));
    assertThat(MigrationChain.check(migrations.subList(0, 3), "h2")).isEmpty();
    assertThat(MigrationChain.check(migrations, "h3")).isEmpty();
  }
}
