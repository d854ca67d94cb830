package dev.dbsync.schema.diff;

import dev.dbsync.schema.model.Schema;
import java.util.List;

/**
 * One differ case: migrating a database that has {@code before} with {@code diff(before, after, intent)}
 * runs exactly {@code statements} and leaves a database that has {@code after}.
 */
public record DiffCase(String name, Schema before, Schema after, Intent intent, List<String> statements) {
  public DiffCase {
    statements = List.copyOf(statements);
  }

  @Override
  public String toString() {
    return name;
  }
}
