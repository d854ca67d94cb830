package dev.dbsync.commands.pull;

import com.palantir.javapoet.JavaFile;
import dev.dbsync.runtime.introspect.Introspector;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.snapshot.MigrationIndex;
import dev.dbsync.schema.snapshot.SchemaHash;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import javax.sql.DataSource;
import org.postgresql.ds.common.BaseDataSource;

/**
 * Adopts an existing database: reads its schemas and writes one annotated record per table and one enum per enum
 * type into a package, the snapshot {@code db/dbsync/schema.json} and the baseline {@code V1__baseline.sql}.
 *
 * <pre>{@code
 * PullReport report = Pull.from(dataSource)
 *     .schemas("public")
 *     .packageName("com.example.db")
 *     .sourceDir(Path.of("src/main/java"))
 *     .resourcesDir(Path.of("src/main/resources"))
 *     .run();
 * }</pre>
 *
 * The records compile (with the processor) to exactly the snapshot, so the first {@code mvn compile} writes no
 * migration; the baseline holds pg_dump's DDL of everything in the schemas, managed or not, and its header starts
 * the migration chain at the snapshot. Nothing is written while anything is wrong: existing files are named and
 * left alone unless {@link #overwrite(boolean)}.
 */
public final class Pull {
  static final String SNAPSHOT = "db/dbsync/schema.json";
  static final String MIGRATIONS = "db/migration";
  static final String BASELINE = "V1__baseline.sql";
  private static final Pattern MIGRATION_FILE = Pattern.compile("[VRU].*\\.sql");

  private final DataSource dataSource;
  private List<String> schemas = List.of("public");
  private String packageName;
  private Path sourceDir = Path.of("src/main/java");
  private Path resourcesDir = Path.of("src/main/resources");
  private boolean overwrite;
  private String password;
  private String historyTable = Introspector.HISTORY_TABLE;

  private Pull(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  public static Pull from(DataSource dataSource) {
    return new Pull(dataSource);
  }

  /** The schemas to pull; default {@code public}. */
  public Pull schemas(String... names) {
    this.schemas = List.copyOf(new LinkedHashSet<>(List.of(names)));
    return this;
  }

  /** The package of the records, e.g. {@code com.example.db}; required. */
  public Pull packageName(String name) {
    this.packageName = name;
    return this;
  }

  /** The source root the package goes under; default {@code src/main/java}. */
  public Pull sourceDir(Path directory) {
    this.sourceDir = directory;
    return this;
  }

  /** The resources root that gets {@code db/dbsync/schema.json} and {@code db/migration}; default {@code src/main/resources}. */
  public Pull resourcesDir(Path directory) {
    this.resourcesDir = directory;
    return this;
  }

  /** Replace files a previous pull (or anyone) wrote; default {@code false}: refuse, naming them. */
  public Pull overwrite(boolean replace) {
    this.overwrite = replace;
    return this;
  }

  /**
   * The password pg_dump connects with, when the data source keeps it outside its URL (a pooled data source);
   * passed to pg_dump in its environment only.
   */
  public Pull password(String secret) {
    this.password = secret;
    return this;
  }

  /**
   * The migration history table ({@code table} or {@code schema.table}, as {@code DBSYNC_HISTORY_TABLE} takes it),
   * left out of records and baseline; default {@code flyway_schema_history}.
   */
  public Pull historyTable(String table) {
    this.historyTable = table.substring(table.lastIndexOf('.') + 1);
    return this;
  }

  public PullReport run() {
    long start = System.nanoTime();
    checkSettings();
    Path migrationDir = resourcesDir.resolve(MIGRATIONS);
    List<String> otherMigrations = otherMigrations(migrationDir);
    if (!otherMigrations.isEmpty()) {
      throw new PullException(PullMessages.otherMigrations(migrationDir, otherMigrations));
    }
    Schema database;
    List<PullReport.Unmanaged> catalogObjects;
    Map<String, String> domainBases;
    BaselineDump dump;
    long introspection;
    String databaseName;
    try (Connection connection = dataSource.getConnection()) {
      checkSchemasExist(connection);
      databaseName = connection.getCatalog();
      // pg_dump takes as long as everything else together: it runs meanwhile
      dump = BaselineDump.start(connection, password(), schemas, historyTable);
      long readStart = System.nanoTime();
      database = Introspector.read(connection, schemas, historyTable);
      introspection = (System.nanoTime() - readStart) / 1_000_000;
      catalogObjects = CatalogObjects.read(connection, schemas);
      domainBases = CatalogObjects.domainBaseTypes(connection, schemas);
    } catch (SQLException e) {
      throw new PullException(PullMessages.databaseFailed(e.getMessage()), e);
    }

    PullPlan plan = PullPlan.of(database, packageName);
    Map<Path, String> files = new LinkedHashMap<>();
    RecordWriter writer = new RecordWriter(packageName, plan, domainBases);
    Path packageDir = sourceDir.resolve(packageName.replace('.', '/'));
    List<JavaFile> sources = new ArrayList<>();
    if (plan.records().stream().anyMatch(r -> r.table().columns().stream().anyMatch(c -> c.nullable()))) {
      sources.add(writer.nullable());
    }
    plan.enums().forEach(e -> sources.add(writer.enumType(e)));
    // each record is independent of the others: a thousand of them are rendered on every core
    sources.addAll(plan.records().parallelStream().map(writer::record).toList());
    List<String> texts = sources.parallelStream().map(JavaFile::toString).toList();
    for (int i = 0; i < sources.size(); i++) {
      files.put(packageDir.resolve(sources.get(i).typeSpec().name() + ".java"), texts.get(i));
    }
    Path snapshotFile = resourcesDir.resolve(SNAPSHOT);
    Path baselineFile = migrationDir.resolve(BASELINE);
    files.put(snapshotFile, SnapshotCodec.write(plan.snapshot()));
    files.put(baselineFile, null); // written once pg_dump has finished

    List<Path> existing = files.keySet().stream().filter(Files::exists).toList();
    if (!existing.isEmpty() && !overwrite) {
      dump.ddl(); // let pg_dump finish rather than leave it running
      throw new PullException(PullMessages.existingFiles(existing));
    }
    String baseline = baseline(databaseName, plan.snapshot(), dump.ddl());
    files.put(baselineFile, baseline);
    // the migration index the processor keeps beside the snapshot: the first compile then writes nothing
    files.put(resourcesDir.resolve(MigrationIndex.RESOURCE), new MigrationIndex(List.of(MigrationIndex.Entry.of(
        BASELINE, "1", baseline.getBytes(StandardCharsets.UTF_8)))).text());
    for (Map.Entry<Path, String> file : files.entrySet()) {
      write(file.getKey(), file.getValue());
    }
    return new PullReport(
        plan.records().stream()
            .map(r -> new PullReport.Mapping(r.table().name().toString(), packageName + "." + r.className()))
            .toList(),
        plan.enums().stream()
            .map(e -> new PullReport.Mapping(e.type().name().toString(), packageName + "." + e.className()))
            .toList(),
        unmanaged(plan, catalogObjects),
        List.copyOf(files.keySet()),
        introspection,
        (System.nanoTime() - start) / 1_000_000);
  }

  private void checkSettings() {
    if (packageName == null || packageName.isEmpty() || !isPackageName(packageName)) {
      throw new PullException(PullMessages.invalidPackage(String.valueOf(packageName)));
    }
    if (schemas.isEmpty()) {
      throw new PullException(PullMessages.noSchemas());
    }
  }

  private static boolean isPackageName(String name) {
    for (String part : name.split("\\.", -1)) {
      if (!SourceVersion.isIdentifier(part) || SourceVersion.isKeyword(part)) {
        return false;
      }
    }
    return true;
  }

  private void checkSchemasExist(Connection connection) throws SQLException {
    Array names = connection.createArrayOf("text", schemas.toArray());
    Set<String> missing = new LinkedHashSet<>(schemas);
    try (PreparedStatement query =
        connection.prepareStatement("SELECT nspname FROM pg_namespace WHERE nspname = ANY (?)")) {
      query.setArray(1, names);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          missing.remove(row.getString(1));
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new PullException(PullMessages.schemaMissing(List.copyOf(missing)));
    }
  }

  /** Migrations other than a previous pull's baseline: a baseline must start the history, not join it. */
  private static List<String> otherMigrations(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(name -> MIGRATION_FILE.matcher(name).matches() && !name.equals(BASELINE))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new PullException(PullMessages.writeFailed(directory, e.toString()), e);
    }
  }

  /** The password for pg_dump: as given, else the one a PostgreSQL data source holds outside its URL. */
  private String password() {
    if (password != null) {
      return password;
    }
    try {
      return dataSource.isWrapperFor(BaseDataSource.class) ? dataSource.unwrap(BaseDataSource.class).getPassword() : null;
    } catch (SQLException e) {
      return null;
    }
  }

  /** The header starts the chain: from the empty schema to the snapshot the records compile to. */
  private String baseline(String database, Schema snapshot, String ddl) {
    return "-- dbsync:from " + SchemaHash.EMPTY + "\n"
        + "-- dbsync:to " + SchemaHash.of(snapshot) + "\n"
        + "\n"
        + "-- Baseline pulled by dbsync from database " + database + ", schema(s) " + String.join(", ", schemas)
        + ":\n"
        + "-- pg_dump --schema-only of everything in them, also what the records do not declare (listed by pull\n"
        + "-- as unmanaged); owners and privileges left out. An empty database migrated from here has this schema.\n"
        + "\n"
        + ddl;
  }

  private static List<PullReport.Unmanaged> unmanaged(PullPlan plan, List<PullReport.Unmanaged> catalogObjects) {
    List<PullReport.Unmanaged> result = new ArrayList<>();
    plan.unmanagedTables()
        .forEach((table, reasons) ->
            result.add(new PullReport.Unmanaged("table", table.toString(), String.join("; ", reasons))));
    for (EnumType type : plan.unusedEnums()) {
      result.add(new PullReport.Unmanaged("enum type", type.name().toString(), "used by no pulled record"));
    }
    result.addAll(catalogObjects);
    return result;
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PullException(PullMessages.writeFailed(file, e.toString()), e);
    }
  }
}
