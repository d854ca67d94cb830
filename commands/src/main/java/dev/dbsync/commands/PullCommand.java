package dev.dbsync.commands;

import static dev.dbsync.commands.JsonValues.object;

import dev.dbsync.commands.pull.Pull;
import dev.dbsync.commands.pull.PullException;
import dev.dbsync.commands.pull.PullReport;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code pull}: adopts an existing database; see {@link Pull}. */
public final class PullCommand implements Command {
  @Override
  public String name() {
    return "pull";
  }

  @Override
  public String summary() {
    return "Adopt an existing database: write its records, snapshot and baseline migration";
  }

  @Override
  public String description() {
    return """
        Reads the schemas (default public) and writes one annotated record per table and one enum per enum type
        into the package under the source directory, db/dbsync/schema.json and db/migration/V1__baseline.sql
        (pg_dump --schema-only of everything in the schemas, whose header starts the migration chain) under the
        resources directory. Compiling the records then writes no migration; baseline and check follow. What the
        annotations cannot declare (views, functions, triggers, domains, partitions, policies, sequences, tables
        with such parts) is listed as unmanaged and stays in the database and the baseline. Files that exist are
        named and left alone unless --overwrite. pg_dump must be on the PATH.
        Exit 0 when written, 2 on error or refusal (nothing written).""";
  }

  @Override
  public List<Option> options() {
    return Option.PULL;
  }

  @Override
  public boolean readsProject() {
    return false;
  }

  @Override
  public Outcome run(Session session) {
    String packageName = session.option(Option.PACKAGE);
    if (packageName == null) {
      throw new UsageException(CommandMessages.pullNeedsPackage(session.name(Option.PACKAGE)));
    }
    Pull pull = Pull.from(session.dataSource())
        .packageName(packageName)
        .sourceDir(path(session, Option.SOURCE_DIR, "src/main/java"))
        .resourcesDir(path(session, Option.RESOURCES_DIR, "src/main/resources"))
        .overwrite(flag(session, Option.OVERWRITE));
    String schemas = session.option(Option.SCHEMAS);
    if (schemas != null) {
      pull.schemas(schemas.split("\\s*,\\s*"));
    }
    String historyTable = session.option(Option.HISTORY_TABLE);
    if (historyTable != null) {
      pull.historyTable(historyTable);
    }
    PullReport report;
    try {
      report = pull.run();
    } catch (PullException e) {
      return new Outcome(ExitCode.ERROR, e.getMessage(), object("error", e.getMessage()));
    }
    return new Outcome(ExitCode.OK, report.summary() + CommandMessages.pullNextSteps(), json(report));
  }

  private static Path path(Session session, Option option, String fallback) {
    String value = session.option(option);
    try {
      return Path.of(value == null ? fallback : value);
    } catch (InvalidPathException e) {
      throw new UsageException(CommandMessages.invalidOption(session.name(option), value, "a directory"));
    }
  }

  private static boolean flag(Session session, Option option) {
    String value = session.option(option);
    if (value == null) {
      return false;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new UsageException(CommandMessages.invalidOption(session.name(option), value, "true or false"));
    };
  }

  private static Object json(PullReport report) {
    return object(
        "tables", report.tables().stream().map(m -> object("table", m.object(), "record", m.javaType())).toList(),
        "enums", report.enums().stream().map(m -> object("type", m.object(), "enum", m.javaType())).toList(),
        "unmanaged", report.unmanaged().stream()
            .map(u -> object("kind", u.kind(), "name", u.name(), "detail", u.detail())).toList(),
        "files", report.files().stream().map(Path::toString).toList(),
        "introspectionMillis", report.introspectionMillis(),
        "millis", report.totalMillis());
  }
}
