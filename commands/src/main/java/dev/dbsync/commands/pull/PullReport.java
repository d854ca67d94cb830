package dev.dbsync.commands.pull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code pull} wrote and what it left to the database.
 *
 * @param tables each pulled table and its record, e.g. {@code public.film → com.example.db.Film}
 * @param enums each pulled enum type and its Java enum
 * @param unmanaged what the records do not declare: it stays in the database and in the baseline, and a later
 *     {@code migrate} or {@code push} leaves it alone
 * @param files every file written, sources first
 * @param introspectionMillis time to read the schema from the catalog
 * @param totalMillis time of the whole pull
 */
public record PullReport(
    List<Mapping> tables,
    List<Mapping> enums,
    List<Unmanaged> unmanaged,
    List<Path> files,
    long introspectionMillis,
    long totalMillis) {

  public PullReport {
    tables = List.copyOf(tables);
    enums = List.copyOf(enums);
    unmanaged = List.copyOf(unmanaged);
    files = List.copyOf(files);
  }

  /** A database object and the Java type written for it. */
  public record Mapping(String object, String javaType) {
    public Mapping {
      Objects.requireNonNull(object, "object");
      Objects.requireNonNull(javaType, "javaType");
    }
  }

  /**
   * An object no record declares: {@code kind} such as {@code view}, {@code function}, {@code table}; {@code detail}
   * what it is attached to, or why a table or enum type could not be declared.
   */
  public record Unmanaged(String kind, String name, String detail) {
    public Unmanaged {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** The report for a person: what was written, then the unmanaged objects as an aligned table. */
  public String summary() {
    List<String> lines = new ArrayList<>();
    lines.add("Pulled " + tables.size() + " table(s) and " + enums.size() + " enum type(s) in " + totalMillis
        + " ms (catalog read " + introspectionMillis + " ms):");
    int width = tables.stream().mapToInt(m -> m.object().length()).max().orElse(0);
    width = Math.max(width, enums.stream().mapToInt(m -> m.object().length()).max().orElse(0));
    for (Mapping mapping : tables) {
      lines.add("  " + pad(mapping.object(), width) + "  " + mapping.javaType());
    }
    for (Mapping mapping : enums) {
      lines.add("  " + pad(mapping.object(), width) + "  " + mapping.javaType() + " (enum)");
    }
    if (!unmanaged.isEmpty()) {
      lines.add("Unmanaged (kept in the baseline and in the database; migrate and push leave them alone):");
      int kindWidth = unmanaged.stream().mapToInt(u -> u.kind().length()).max().orElse(0);
      // a long function signature runs past the column rather than pushing every detail off the screen
      int nameWidth = Math.min(40, unmanaged.stream().mapToInt(u -> u.name().length()).max().orElse(0));
      for (Unmanaged object : unmanaged) {
        lines.add(("  " + pad(object.kind(), kindWidth) + "  " + pad(object.name(), nameWidth) + "  "
            + object.detail()).stripTrailing());
      }
    }
    lines.add("Wrote " + files.size() + " file(s).");
    return String.join("\n", lines) + "\n";
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
