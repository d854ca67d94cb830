package dev.dbsync.schema.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DifferTest {
  static Stream<DiffCase> cases() {
    return DiffCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersTheExpectedStatements(DiffCase diffCase) {
    SchemaDiff diff = SchemaDiffer.diff(diffCase.before(), diffCase.after(), diffCase.intent());

    assertFalse(diff.hasErrors(), () -> diff.problems().toString());
    assertEquals(diffCase.statements(), DdlRenderer.statements(diff.changes()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isDeterministicAndTheChangesAreAlreadyInExecutionOrder(DiffCase diffCase) {
    SchemaDiff first = SchemaDiffer.diff(diffCase.before(), diffCase.after(), diffCase.intent());
    SchemaDiff second = SchemaDiffer.diff(diffCase.before(), diffCase.after(), diffCase.intent());
    List<SchemaChange> shuffled = new ArrayList<>(first.changes());
    Collections.shuffle(shuffled, new Random(42));

    assertEquals(first, second);
    assertEquals(DdlRenderer.ordered(first.changes()), first.changes());
    assertEquals(
        DdlRenderer.statements(first.changes()).stream().sorted().toList(),
        DdlRenderer.statements(shuffled).stream().sorted().toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aSchemaDoesNotDifferFromItself(DiffCase diffCase) {
    assertEquals(
        new SchemaDiff(List.of(), List.of()),
        SchemaDiffer.diff(diffCase.after(), diffCase.after(), diffCase.intent()));
  }

  @Test
  void theCaseTableCoversEveryChangeKind() {
    List<Class<?>> seen = new ArrayList<>();
    for (DiffCase diffCase : DiffCases.all()) {
      SchemaDiffer.diff(diffCase.before(), diffCase.after(), diffCase.intent())
          .changes()
          .forEach(change -> seen.add(change.getClass()));
    }
    List<Class<?>> missing = kinds(SchemaChange.class).filter(k -> !seen.contains(k)).toList();

    assertEquals(List.of(), missing);
  }

  /** The records a sealed type permits, through sealed interfaces in between ({@code ColumnAltered}). */
  private static Stream<Class<?>> kinds(Class<?> sealed) {
    return Stream.of(sealed.getPermittedSubclasses()).flatMap(k -> k.isSealed() ? kinds(k) : Stream.of(k));
  }
}
