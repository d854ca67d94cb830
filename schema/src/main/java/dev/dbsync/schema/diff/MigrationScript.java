package dev.dbsync.schema.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** TEMPORARY stand-in (replaced at merge): migration file text and header. */
public final class MigrationScript {
  private static final String FROM = "-- dbsync:from ";
  private static final String TO = "-- dbsync:to ";
  private static final String DESTRUCTIVE = "-- dbsync:destructive ";

  private MigrationScript() {}

  public static String render(String fromHash, String toHash, List<SchemaChange> changes) {
    StringBuilder text = new StringBuilder(FROM).append(fromHash).append('\n');
    text.append(TO).append(toHash).append('\n');
    for (SchemaChange change : changes) {
      if (change.destructive()) {
        text.append(DESTRUCTIVE).append(change.description()).append('\n');
      }
    }
    for (String statement : DdlRenderer.statements(changes)) {
      text.append('\n').append(statement).append(";\n");
    }
    return text.toString();
  }

  public static String slug(List<SchemaChange> changes) {
    String slug =
        changes.stream()
            .map(MigrationScript::slugOf)
            .distinct()
            .collect(Collectors.joining("_"))
            .replaceAll("[^a-z0-9_]+", "_");
    return slug.length() > 60 ? slug.substring(0, 60) : slug;
  }

  private static String slugOf(SchemaChange c) {
    if (c instanceof SchemaChange.ColumnAdded a) {
      return "add_" + a.table().name() + "_" + a.column().name();
    }
    if (c instanceof SchemaChange.ColumnDropped d) {
      return "drop_" + d.table().name() + "_" + d.column();
    }
    if (c instanceof SchemaChange.ColumnRenamed r) {
      return "rename_" + r.table().name() + "_" + r.from() + "_to_" + r.to();
    }
    return (c instanceof SchemaChange.TableDropped ? "drop_" : "create_") + c.table().name();
  }

  public record Header(String from, String to, List<String> destructive) {
    public static Optional<Header> parse(String fileText) {
      String from = null;
      String to = null;
      List<String> destructive = new ArrayList<>();
      for (String line : fileText.lines().toList()) {
        if (line.startsWith(FROM)) {
          from = line.substring(FROM.length()).trim();
        } else if (line.startsWith(TO)) {
          to = line.substring(TO.length()).trim();
        } else if (line.startsWith(DESTRUCTIVE)) {
          destructive.add(line.substring(DESTRUCTIVE.length()).trim());
        }
      }
      return from == null || to == null ? Optional.empty() : Optional.of(new Header(from, to, destructive));
    }
  }
}
