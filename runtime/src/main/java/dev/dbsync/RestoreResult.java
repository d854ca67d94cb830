package dev.dbsync;

import java.util.List;

/**
 * What {@link DbSync#restore} put back.
 *
 * @param version the destructive migration whose drops were undone
 * @param changes each table or column restored, with where its data came from
 */
public record RestoreResult(String version, List<String> changes) {
  public RestoreResult {
    changes = List.copyOf(changes);
  }

  public String summary() {
    return "Restored what V" + version + " dropped, in one transaction:\n  - " + String.join("\n  - ", changes);
  }

  @Override
  public String toString() {
    return summary();
  }
}
