package dev.dbsync.schema.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.schema.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomPairsTest {
  private static final List<DiffCase> PAIRS = RandomSchemaPairs.generate(20261125L, 300);

  @Test
  void declaredIntentLeavesNoErrors() {
    for (DiffCase pair : PAIRS) {
      SchemaDiff diff = SchemaDiffer.diff(pair.before(), pair.after(), pair.intent());
      assertFalse(diff.hasErrors(), () -> pair + ": " + diff.problems());
    }
  }

  @Test
  void theSameInputGivesTheSameOutput() {
    assertEquals(PAIRS, RandomSchemaPairs.generate(20261125L, 300));
  }

  @Test
  void aSchemaDoesNotDifferFromItselfAndCreatesFromScratch() {
    for (DiffCase pair : PAIRS) {
      assertTrue(SchemaDiffer.diff(pair.after(), pair.after(), Intent.NONE).isEmpty(), pair::toString);
      SchemaDiff create = SchemaDiffer.diff(Schema.EMPTY, pair.after(), Intent.NONE);
      assertEquals(List.of(), create.problems(), pair::toString);
      assertTrue(create.changes().stream().noneMatch(SchemaChange::destructive), pair::toString);
    }
  }

  @Test
  void destructiveChangesAreExactlyTheWarnings() {
    for (DiffCase pair : PAIRS) {
      SchemaDiff diff = SchemaDiffer.diff(pair.before(), pair.after(), pair.intent());
      assertEquals(
          diff.destructive().stream().map(DiffMessages::destructive).toList(),
          diff.problems().stream().map(DiffProblem::message).toList(),
          pair::toString);
    }
  }
}
