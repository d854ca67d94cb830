package dev.dbsync.commands;

import static dev.dbsync.commands.JsonValues.object;

import dev.dbsync.ApplyResult;
import dev.dbsync.CheckReport;
import dev.dbsync.PushResult;
import dev.dbsync.RepairResult;
import dev.dbsync.StatusReport;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The runtime's reports as text for people and as JSON values: the one place each is rendered. */
final class Reports {
  private static final DateTimeFormatter INSTALLED_ON = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Reports() {}

  // ---- check

  static String text(CheckReport report, Style style) {
    StringBuilder text = new StringBuilder();
    if (!report.pending().isEmpty()) {
      text.append(style.bold("Pending migrations (" + report.pending().size() + "):")).append('\n');
      TextTable table = new TextTable("Version", "Description", "Script");
      report.pending().forEach(m -> table.row(m.version(), m.description(), m.script()));
      text.append(table.render("  ")).append('\n');
    }
    if (!report.history().isEmpty()) {
      text.append(style.bold("Applied migrations that no longer match their files (" + report.history().size()
          + "):")).append('\n');
      for (CheckReport.HistoryProblem p : report.history()) {
        text.append("  ").append(style.red(p.state().name())).append("  V").append(p.version()).append("  ")
            .append(p.script()).append('\n').append(indent(p.message(), "    ")).append('\n');
      }
      text.append('\n');
    }
    if (!report.snapshotPresent()) {
      text.append(CommandMessages.noSnapshot()).append("\n\n");
    } else if (!report.schema().isEmpty()) {
      int count = report.schema().stream().mapToInt(t -> t.differences().size()).sum();
      text.append(style.bold("Schema differences from the compiled schema db/dbsync/schema.json (" + count + "):"))
          .append('\n');
      for (CheckReport.TableDrift table : report.schema()) {
        text.append("  ").append(style.bold(table.owner())).append('\n');
        for (CheckReport.Difference d : table.differences()) {
          text.append("    ").append(d.object()).append('\n');
          if (d.expected() == null) {
            text.append("      ").append(d.found()).append('\n');
          } else {
            text.append("      ").append(style.red("- expected " + (d.expected().isEmpty() ? d.object()
                : d.expected()))).append('\n');
            text.append("      ").append(style.green("+ found    " + (d.found() == null ? "nothing" : d.found())))
                .append('\n');
          }
          text.append("      ").append(style.yellow("-> " + d.advice())).append('\n');
        }
      }
      text.append('\n');
    }
    if (!report.unmanaged().isEmpty()) {
      text.append("Not declared by the compiled schema (left alone, not an error): ")
          .append(String.join(", ", report.unmanaged())).append("\n\n");
    }
    text.append(verdict(report, style));
    return text.toString();
  }

  private static String verdict(CheckReport report, Style style) {
    if (report.inSync()) {
      return style.green(CommandMessages.inSync(report.currentVersion(), report.snapshotPresent()));
    }
    int differences = report.schema().stream().mapToInt(t -> t.differences().size()).sum();
    return style.red(CommandMessages.drift(report.pending().size(), report.history().size(), differences));
  }

  static Map<String, Object> json(CheckReport report) {
    return object(
        "inSync", report.inSync(),
        // what a deploy pipeline asks before migrating: drift or history no pending migration explains
        "changedByHand", report.changedByHand(),
        "historyPresent", report.historyPresent(),
        "snapshotPresent", report.snapshotPresent(),
        "emptyDatabase", report.emptyDatabase(),
        "currentVersion", report.currentVersion(),
        "pending", report.pending().stream()
            .map(m -> object("version", m.version(), "description", m.description(), "script", m.script()))
            .toList(),
        "history", report.history().stream()
            .map(p -> object("state", p.state().name(), "version", p.version(), "script", p.script(),
                "message", p.message()))
            .toList(),
        "schema", report.schema().stream()
            .map(t -> object("owner", t.owner(), "differences", t.differences().stream()
                .map(d -> object("object", d.object(), "expected", d.expected(), "found", d.found(),
                    "recommendation", d.recommendation().name(), "advice", d.advice()))
                .toList()))
            .toList(),
        "unmanaged", report.unmanaged());
  }

  // ---- status

  static String text(StatusReport report, Style style) {
    if (report.rows().isEmpty()) {
      return CommandMessages.noMigrations() + "\n";
    }
    TextTable table = new TextTable("Version", "Description", "Type", "Installed on", "Time", "State");
    for (StatusReport.Row r : report.rows()) {
      table.row(r.version(), r.description(), r.type(),
          r.installedOn() == null ? "" : INSTALLED_ON.format(r.installedOn()),
          r.executionTime() == null ? "" : r.executionTime().toMillis() + " ms",
          r.state().name());
    }
    StringBuilder text = new StringBuilder(table.render(""));
    List<StatusReport.Row> problems = report.problems();
    if (!problems.isEmpty()) {
      text.append('\n');
      for (StatusReport.Row r : problems) {
        text.append(style.red(r.state().name() + " V" + r.version() + ":")).append('\n')
            .append(indent(r.problem(), "  ")).append('\n');
      }
    }
    long applied = report.rows().stream().filter(r -> !r.state().isProblem() && r.installedOn() != null).count();
    text.append('\n').append(CommandMessages.statusSummary(
        report.currentVersion(), applied, report.pending().size(), problems.size()));
    return text.toString();
  }

  static Map<String, Object> json(StatusReport report) {
    return object(
        "historyPresent", report.historyPresent(),
        "currentVersion", report.currentVersion(),
        "migrations", report.rows().stream()
            .map(r -> object("version", r.version(), "description", r.description(), "type", r.type(),
                "script", r.script(),
                "installedOn", r.installedOn() == null ? null : r.installedOn().toString(),
                "executionMillis", r.executionTime() == null ? null : r.executionTime().toMillis(),
                "installedBy", r.installedBy(), "state", r.state().name(), "problem", r.problem()))
            .toList());
  }

  // ---- migrate

  static String text(ApplyResult result) {
    StringBuilder text = new StringBuilder();
    if (!result.applied().isEmpty()) {
      boolean backups = result.applied().stream().anyMatch(m -> !m.backups().isEmpty());
      TextTable table = backups ? new TextTable("Version", "Description", "Time", "Tables backed up")
          : new TextTable("Version", "Description", "Time");
      result.applied().forEach(m -> table.row(m.version(), m.description(), m.duration().toMillis() + " ms",
          String.join(", ", m.backups())));
      text.append(table.render("  "));
    }
    return text.append(result.summary()).toString();
  }

  static Map<String, Object> json(ApplyResult result) {
    return object(
        "version", result.version(),
        "applied", result.applied().stream()
            .map(m -> object("version", m.version(), "description", m.description(), "script", m.script(),
                "millis", m.duration().toMillis(), "backups", m.backups()))
            .toList(),
        "backup", result.backup() == null ? null : result.backup().toString(),
        "unmanaged", result.unmanaged(),
        "millis", result.duration().toMillis());
  }

  // ---- push

  static Map<String, Object> json(PushResult result) {
    return object("statements", result.statements(), "unmanaged", result.unmanaged(),
        "millis", result.duration().toMillis());
  }

  // ---- repair

  static String text(RepairResult result, Style style) {
    StringBuilder text = new StringBuilder();
    if (result.nothingToRepair()) {
      text.append(CommandMessages.nothingToRepair()).append('\n');
    } else {
      TextTable table = new TextTable("Version", "Script", "Was", "Done");
      result.repaired().forEach(r -> table.row(r.version(), r.script(), r.was().name(), r.action()));
      text.append(table.render(""));
    }
    for (String problem : result.unresolved()) {
      text.append('\n').append(style.red(CommandMessages.repairCannotFix())).append('\n')
          .append(indent(problem, "  ")).append('\n');
    }
    return text.toString().stripTrailing();
  }

  static Map<String, Object> json(RepairResult result) {
    return object(
        "repaired", result.repaired().stream()
            .map(r -> object("version", r.version(), "script", r.script(), "was", r.was().name(),
                "action", r.action()))
            .toList(),
        "unresolved", result.unresolved(),
        "millis", result.duration().toMillis());
  }

  static String indent(String text, String indent) {
    return indent + text.replace("\n", "\n" + indent);
  }
}
