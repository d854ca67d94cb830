package dev.dbsync.commands;

import static dev.dbsync.commands.JsonValues.object;

import dev.dbsync.DbSync;
import dev.dbsync.PushResult;
import dev.dbsync.runtime.engine.EngineMessages;
import dev.dbsync.runtime.engine.MigrationVersion;
import dev.dbsync.runtime.engine.Pusher;
import dev.dbsync.runtime.engine.Settings;
import dev.dbsync.schema.diff.MigrationScript;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.snapshot.MigrationIndex;
import dev.dbsync.schema.snapshot.SchemaHash;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import dev.dbsync.schema.snapshot.SnapshotFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@code discard}, the undo of iteration: deletes the newest generated migrations that are not committed to git
 * and restores the committed snapshot they started from, so that the next compile writes one migration from the
 * last kept state to the records. When a development database is given and it applied some of them, it is taken
 * back to the committed schema and their history rows are deleted (one transaction, verified), so that the next
 * {@code migrate} applies the one new migration exactly as staging and production will. The records' class files
 * are deleted too, so that the next build compiles them (and runs the processor) although their sources did not
 * change.
 *
 * <p>Only generated migrations (with a {@code -- dbsync:from} header) newer than every committed migration are
 * discarded; a hand-written one is never deleted, and discarding stops below it.
 */
public final class Discard implements Command {
  static final String SNAPSHOT = "db/dbsync/schema.json";
  static final String MIGRATIONS = "db/migration";

  @Override
  public String name() {
    return "discard";
  }

  @Override
  public String summary() {
    return "Development only: undo iteration, delete the generated migrations not committed to git";
  }

  @Override
  public String description() {
    return """
        Deletes the newest generated migrations that are not committed to git (never a hand-written one) and
        restores the committed db/dbsync/schema.json they started from (and db/dbsync/migrations.index), in
        src/main/resources and in the class output, so that the next compile writes one migration from the last
        committed schema to the records.
        With a database (--url or DBSYNC_URL) that applied some of them, takes it back to the committed schema
        and deletes their history rows first, in one verified transaction; then migrate applies the one new
        migration. Refuses, changing nothing, in production mode, when undoing would drop something they did not
        create, or when they renamed something. Works on the project whose target/classes is the class path.
        Exit 0 when done (or nothing to discard), 2 when refused or failed.""";
  }

  @Override
  public Outcome run(Session session) {
    Optional<DataSource> database =
        session.option(Option.URL) == null ? Optional.empty() : Optional.of(session.dataSource());
    if (database.isPresent() && session.mode() == DbSync.Mode.PRODUCTION) {
      String refusal = EngineMessages.revertInProduction();
      return new Outcome(ExitCode.ERROR, refusal, object("error", refusal));
    }
    // the engine's settings (history table, lock wait) as this session gives them: options, else DBSYNC_*
    Settings settings = Settings.resolve(Settings.Explicit.NONE, variable -> Option.ALL.stream()
        .filter(option -> variable.equals(option.variable())).findFirst().map(session::option).orElse(null));
    Result result;
    try {
      result = run(layoutOf(session), database, settings);
    } catch (DiscardException e) {
      return new Outcome(ExitCode.ERROR, e.getMessage(), object("error", e.getMessage()));
    }
    return new Outcome(ExitCode.OK, report(result), json(result));
  }

  /**
   * The project of the session's class path: its first directory must be a build's {@code <project>/target/classes}
   * (Maven's output directory, or the CLI's {@code --classpath}), whose project has {@code src/main/resources}.
   */
  private static Layout layoutOf(Session session) {
    if (session.project() instanceof URLClassLoader urls) {
      for (URL url : urls.getURLs()) {
        if ("file".equals(url.getProtocol())) {
          Path directory;
          try {
            directory = Path.of(url.toURI()).toAbsolutePath().normalize();
          } catch (URISyntaxException e) {
            continue;
          }
          if (Files.isDirectory(directory) && directory.endsWith(Path.of("target", "classes"))) {
            return Layout.maven(directory.getParent().getParent());
          }
        }
      }
    }
    throw new DiscardException(CommandMessages.noProjectDirectory());
  }

  /** Where the project keeps its dbsync files: the resources directory and the build's class output. */
  public record Layout(Path resources, Path classOutput) {
    /** {@code <project>/src/main/resources} and {@code <project>/target/classes}. */
    public static Layout maven(Path projectDirectory) {
      return new Layout(
          projectDirectory.resolve("src/main/resources"), projectDirectory.resolve("target/classes"));
    }
  }

  /** A generated migration that is not committed. */
  public record Migration(String fileName, String version, MigrationScript.Header header) {}

  /**
   * What discard does, decided before anything changes.
   *
   * @param migrations the migrations to delete, oldest first; empty when there is nothing to discard
   * @param keptSnapshot the committed {@code schema.json}, empty when the repository has none yet
   * @param kept the schema the oldest discarded migration starts from (the committed snapshot)
   * @param discarded the schema the newest one leads to (the working snapshot)
   */
  public record Plan(
      Layout layout, List<Migration> migrations, Optional<String> keptSnapshot, Schema kept, Schema discarded) {
    public Plan {
      migrations = List.copyOf(migrations);
    }

    public List<String> versions() {
      return migrations.stream().map(Migration::version).toList();
    }
  }

  /** What discard did: the plan carried out, and what it did to the database, if one was given. */
  public record Result(Plan plan, Optional<Pusher.Reverted> database) {}

  /** Reads the plan from the files and git; changes nothing. */
  public static Plan plan(Layout layout) {
    try {
      Git git = Git.of(layout.resources())
          .orElseThrow(() -> new DiscardException(CommandMessages.notInGit(layout.resources())));
      Path migrationDirectory = layout.resources().resolve(MIGRATIONS);
      Set<Path> committed = git.committed(migrationDirectory);
      List<Migration> discarded = new ArrayList<>();
      for (Path file : newestFirst(migrationDirectory)) {
        if (committed.contains(file.toRealPath())) {
          break;
        }
        String name = file.getFileName().toString();
        Optional<MigrationScript.Header> header = MigrationScript.Header.parse(Files.readString(file));
        if (header.isEmpty()) {
          if (discarded.isEmpty()) {
            throw new DiscardException(CommandMessages.newestIsHandWritten(name));
          }
          break; // the user's own file, and everything before it, stays
        }
        discarded.add(0, new Migration(name, versionOf(name), header.get()));
      }
      Path snapshotFile = layout.resources().resolve(SNAPSHOT);
      Optional<String> keptText = git.committedText(snapshotFile);
      Schema kept = keptText.map(text -> read(text, "HEAD:" + SNAPSHOT)).orElse(Schema.EMPTY);
      if (discarded.isEmpty()) {
        return new Plan(layout, discarded, keptText, kept, kept);
      }
      Migration oldest = discarded.get(0);
      if (!SchemaHash.of(kept).equals(oldest.header().from())) {
        throw new DiscardException(
            CommandMessages.keptSnapshotIsNotTheStart(oldest.fileName(), oldest.header().from(), SchemaHash.of(kept)));
      }
      Schema working = Files.exists(snapshotFile)
          ? read(Files.readString(snapshotFile), snapshotFile.toString())
          : Schema.EMPTY;
      Migration newest = discarded.get(discarded.size() - 1);
      if (!SchemaHash.of(working).equals(newest.header().to())) {
        throw new DiscardException(
            CommandMessages.workingSnapshotIsNotTheEnd(newest.fileName(), newest.header().to(), SchemaHash.of(working)));
      }
      return new Plan(layout, discarded, keptText, kept, working);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Carries the plan out: first the database, if one is given (a refusal there leaves everything as it was),
   * then the files, in the resources and in the class output.
   */
  public static Result run(Layout layout, Optional<DataSource> database, Settings settings) {
    Plan plan = plan(layout);
    if (plan.migrations().isEmpty()) {
      return new Result(plan, Optional.empty());
    }
    Optional<Pusher.Reverted> reverted = database.map(dataSource ->
        new Pusher(settings, Discard.class.getClassLoader())
            .revert(dataSource, plan.kept(), plan.discarded(), plan.versions()));
    try {
      Git git = Git.of(layout.resources()).orElseThrow();
      for (Migration migration : plan.migrations()) {
        String path = MIGRATIONS + "/" + migration.fileName();
        git.unstage(layout.resources().resolve(path));
        Files.deleteIfExists(layout.resources().resolve(path));
        Files.deleteIfExists(layout.classOutput().resolve(path));
      }
      restoreCommitted(git, layout, SNAPSHOT, plan.keptSnapshot());
      // the processor's index lists the discarded migrations too; as committed, it lists the kept ones
      restoreCommitted(git, layout, MigrationIndex.RESOURCE,
          git.committedText(layout.resources().resolve(MigrationIndex.RESOURCE)));
      forceRecompile(plan);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(plan, reverted);
  }

  /**
   * Puts a file the processor writes beside the migrations back as the last commit has it, in the resources and the
   * class output; deletes it from both when the last commit has none.
   */
  private static void restoreCommitted(Git git, Layout layout, String path, Optional<String> committed)
      throws IOException {
    Path file = layout.resources().resolve(path);
    Path compiled = layout.classOutput().resolve(path);
    if (committed.isPresent()) {
      git.restore(file);
      if (Files.isDirectory(layout.classOutput())) {
        Files.createDirectories(compiled.getParent());
        Files.writeString(compiled, committed.get(), StandardCharsets.UTF_8);
      }
    } else {
      git.unstage(file);
      Files.deleteIfExists(file);
      Files.deleteIfExists(compiled);
    }
  }

  /**
   * Deletes the class files of the records of both snapshots. Their sources did not change, so without this an
   * incremental build (Maven: "Nothing to compile") would not run javac, and the processor would not write the one
   * migration from the restored snapshot to the records; a missing class file makes its source stale.
   */
  private static void forceRecompile(Plan plan) throws IOException {
    Set<String> classNames = new TreeSet<>();
    for (Schema schema : List.of(plan.kept(), plan.discarded())) {
      schema.tables().stream().map(Table::className).filter(Objects::nonNull).forEach(classNames::add);
    }
    for (String binaryName : classNames) {
      String path = binaryName.replace('.', '/');
      Files.deleteIfExists(plan.layout().classOutput().resolve(path + ".class"));
      if (path.contains("$")) { // a nested record: its source compiles to the outer class
        Files.deleteIfExists(plan.layout().classOutput().resolve(path.substring(0, path.indexOf('$')) + ".class"));
      }
    }
  }

  /** The report a person reads: what was deleted and restored, what happened to the database, what to do next. */
  public static String report(Result result) {
    return CommandMessages.report(result);
  }

  static Object json(Result result) {
    Plan plan = result.plan();
    return object(
        "discarded", plan.migrations().stream().map(Migration::fileName).toList(),
        "snapshot", plan.migrations().isEmpty() ? null : plan.keptSnapshot().isPresent() ? "restored" : "deleted",
        "database", result.database().map(reverted -> object(
            "reverted", reverted.versions(),
            "statements", reverted.push().map(PushResult::statements).orElse(List.of()))).orElse(null));
  }

  private static List<Path> newestFirst(Path migrationDirectory) throws IOException {
    if (!Files.isDirectory(migrationDirectory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(migrationDirectory)) {
      return files
          .filter(file -> versionOrNull(file.getFileName().toString()) != null)
          .sorted(Comparator.comparing((Path file) -> versionOrNull(file.getFileName().toString())).reversed())
          .toList();
    }
  }

  /** Flyway's versioned name {@code V<version>__<description>.sql}; null for any other file. */
  private static MigrationVersion versionOrNull(String fileName) {
    int separator = fileName.indexOf("__");
    if (!fileName.startsWith("V") || separator < 0 || !fileName.endsWith(".sql")) {
      return null;
    }
    return MigrationVersion.parseOrNull(fileName.substring(1, separator));
  }

  private static String versionOf(String fileName) {
    return versionOrNull(fileName).text();
  }

  private static Schema read(String text, String origin) {
    try {
      return SnapshotCodec.read(text);
    } catch (SnapshotFormatException e) {
      throw new DiscardException(CommandMessages.snapshotUnreadable(origin, e.getMessage()));
    }
  }
}
