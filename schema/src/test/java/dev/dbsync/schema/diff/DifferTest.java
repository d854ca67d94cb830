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
    // the same actions whatever the input order (how consecutive ALTER TABLEs of a table combine may differ)
    assertEquals(actions(DdlRenderer.statements(first.changes())), actions(DdlRenderer.statements(shuffled)));
  }

  /** Each action of a combined ALTER TABLE as a statement of its own, sorted. */
  private static List<String> actions(List<String> statements) {
    List<String> actions = new ArrayList<>();
    for (String statement : statements) {
      String[] parts = statement.split(",\n  ");
      String head = statement.startsWith("ALTER TABLE ") && parts[0].contains("\n  ") ? parts[0].substring(0, parts[0].indexOf("\n  ")) + " " : null;
      if (head == null) {
        actions.add(statement);
        continue;
      }
      actions.add(head + parts[0].substring(parts[0].indexOf("\n  ") + 3));
      for (int i = 1; i < parts.length; i++) {
        actions.add(head + parts[i]);
      }
    }
    return actions.stream().sorted().toList();
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
