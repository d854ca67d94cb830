package dev.dbsync.processor;

import com.google.auto.service.AutoService;
import dev.dbsync.annotations.Table;
import dev.dbsync.processor.TableElement.ColumnElement;
import dev.dbsync.schema.diff.DiffProblem;
import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.diff.MigrationScript;
import dev.dbsync.schema.diff.SchemaChange;
import dev.dbsync.schema.diff.SchemaDiff;
import dev.dbsync.schema.diff.SchemaDiffer;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.schema.snapshot.SchemaHash;
import dev.dbsync.schema.snapshot.SnapshotCodec;
import dev.dbsync.schema.snapshot.SnapshotFormatException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;

/**
 * Turns {@code @Table} records into the next migration. Each round writes the metamodel of its records; the
 * last round builds the schema of all of them, compares it with the committed snapshot, and writes a
 * migration plus the new snapshot only when the schema changed and nothing is wrong.
 *
 * <p>Options: {@code dbsync.projectDir} (the module's base directory: resources are
 * {@code <projectDir>/src/main/resources}) and {@code dbsync.resources} (the resources directory itself). Without
 * either, the class output {@code <project>/target/classes} tells where the project is. {@code dbsync.metamodel=false}
 * skips the {@code <Record>Table} sources (and javac's work on them); {@code dbsync.safeDdl}: see {@link LockSafety};
 * {@code dbsync.generate}: see {@link GenerateMode}.
 */
@AutoService(Processor.class)
public final class DbSyncProcessor extends AbstractProcessor {
  public static final String PROJECT_DIR_OPTION = "dbsync.projectDir";
  public static final String RESOURCES_OPTION = "dbsync.resources";
  public static final String METAMODEL_OPTION = "dbsync.metamodel";

  /** Canonical names of the {@code @Table} types met in any round: re-read at the end, never kept as elements. */
  private final Set<String> tableTypes = new TreeSet<>();
  /** Records whose metamodel waits for a later round, by canonical name. */
  private final Set<String> deferredMetamodels = new TreeSet<>();
  /** Binary names of every type compiled here, to tell a record not being compiled from a deleted one. */
  private final Set<String> compiledTypes = new HashSet<>();
  /** {@code dbsync.metamodel}, read once; empty when invalid (reported by the last round). */
  private Optional<Boolean> metamodel;
  /** {@code dbsync.generate}, or the environment's default; empty when invalid (reported by the last round). */
  private Optional<GenerateMode> generate;
  /** The process environment; a test passes its own (a CI runner's {@code CI=true}). */
  private final Function<String, String> environment;

  public DbSyncProcessor() {
    this(System::getenv);
  }

  DbSyncProcessor(Function<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Every compilation, not only those with a {@code @Table} in them: when the last record of a project is
   * deleted, the snapshot's tables must still be dropped (with the destructive warning). Claims nothing.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    metamodel = Flag.read(processingEnv.getOptions(), METAMODEL_OPTION, true);
    generate = GenerateMode.of(processingEnv.getOptions(), environment);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(
        PROJECT_DIR_OPTION, RESOURCES_OPTION, METAMODEL_OPTION, LockSafety.SAFE_DDL_OPTION, GenerateMode.OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      Report.Builder report = new Report.Builder();
      synchronize(round.errorRaised(), report);
      report.build().printTo(processingEnv.getMessager());
      return false;
    }
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      collectTypes(type);
    }
    // this round's records as elements; one deferred by an earlier round is looked up again by name (an earlier
    // round's element goes stale), which costs javac a name resolution: not done for every record
    Map<String, TypeElement> candidates = new TreeMap<>();
    deferredMetamodels.forEach(name -> candidates.put(name, null));
    deferredMetamodels.clear();
    for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(Table.class))) {
      tableTypes.add(type.getQualifiedName().toString());
      candidates.put(type.getQualifiedName().toString(), type);
    }
    // an invalid value is reported by the last round; until then it writes the metamodel, the default
    if (metamodel.orElse(true)) {
      candidates.forEach((name, type) ->
          writeMetamodel(type != null ? type : processingEnv.getElementUtils().getTypeElement(name)));
    }
    return false;
  }

  private void writeMetamodel(TypeElement type) {
    if (type.getRecordComponents().stream().anyMatch(c -> c.asType().getKind() == TypeKind.ERROR)) {
      // a component type may be generated by another processor in this round: try again in the next one
      deferredMetamodels.add(type.getQualifiedName().toString());
      return;
    }
    // only the names: problems are reported by the last round's complete read, the one read of each record that
    // validates (diagnostics on an earlier round's elements and annotation mirrors lose their position)
    Optional<MetamodelWriter.Names> table = TableReader.metamodelNames(type);
    if (table.isEmpty()) {
      return;
    }
    try {
      MetamodelWriter.write(table.get(), processingEnv.getFiler());
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Kind.ERROR, Messages.ioFailure(e.toString()), type);
    }
  }

  private void collectTypes(TypeElement type) {
    compiledTypes.add(processingEnv.getElementUtils().getBinaryName(type).toString());
    ElementFilter.typesIn(type.getEnclosedElements()).forEach(this::collectTypes);
  }

  private void synchronize(boolean compilationFailed, Report.Builder report) {
    URI classOutput;
    try {
      classOutput = ResourceFiles.classOutputOf(processingEnv.getFiler());
    } catch (IOException e) {
      report.error(Messages.ioFailure(e.toString()), null, null);
      return;
    }
    if (ResourceFiles.isTestOutput(classOutput)) {
      // test records must never reach production migrations, whatever dbsync.projectDir says
      if (!tableTypes.isEmpty()) {
        report.note(Messages.testCompilation(Path.of(classOutput).toString()));
      }
      return;
    }
    if (metamodel.isEmpty()) {
      report.error(
          Messages.invalidBooleanOption(METAMODEL_OPTION, processingEnv.getOptions().get(METAMODEL_OPTION)),
          null,
          null);
    }
    if (generate.isEmpty()) {
      report.error(Messages.invalidGenerateOption(processingEnv.getOptions().get(GenerateMode.OPTION)), null, null);
    }
    TableReader reader = new TableReader(processingEnv.getElementUtils());
    List<TableElement> tables = new ArrayList<>();
    for (String name : tableTypes) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        reader.read(type, report).ifPresent(tables::add);
      }
    }
    SchemaAssembler.Assembly assembly =
        new SchemaAssembler(reader, processingEnv.getTypeUtils()).assemble(tables, report);
    // with other compile errors the records may be half-understood: never write a migration from them
    if (report.hasErrors() || compilationFailed) {
      return;
    }
    try {
      Optional<ResourceFiles> located =
          ResourceFiles.locate(
              processingEnv.getOptions().get(RESOURCES_OPTION),
              processingEnv.getOptions().get(PROJECT_DIR_OPTION),
              classOutput);
      if (tableTypes.isEmpty() && (located.isEmpty() || !Files.exists(located.get().snapshotFile()))) {
        return; // no records and no snapshot: not a dbsync project, or not one yet
      }
      if (located.isEmpty()) {
        report.error(Messages.resourcesNotFound(classOutput.toString()), null, null);
        return;
      }
      synchronize(located.get(), classOutput, assembly, tables, report);
    } catch (IOException e) {
      report.error(Messages.ioFailure(e.toString()), null, null);
    }
  }

  private void synchronize(
      ResourceFiles files, URI classOutput, SchemaAssembler.Assembly assembly, List<TableElement> tables,
      Report.Builder report) throws IOException {
    Optional<String> snapshotText = files.snapshotText();
    // the common recompile: the records say what the snapshot says, so there is nothing to parse or diff
    String compiledText = snapshotText.isPresent() && assembly.intent().equals(Intent.NONE)
        ? SnapshotCodec.write(assembly.schema()) : null;
    boolean unchanged = compiledText != null && compiledText.equals(snapshotText.get().replace("\r\n", "\n"));
    Schema snapshot;
    try {
      snapshot = unchanged ? assembly.schema() : snapshotText.map(SnapshotCodec::read).orElse(Schema.EMPTY);
    } catch (SnapshotFormatException e) {
      report.error(Messages.snapshotUnreadable(files.snapshotFile(), e.getMessage()), null, null);
      return;
    }
    List<ResourceFiles.Migration> migrations = files.migrations();
    for (String removed : files.removeStaleFromClassOutput(migrations, classOutput)) {
      report.note(Messages.staleMigrationRemoved(removed, Path.of(classOutput).toString()));
    }
    String snapshotHash = unchanged ? SchemaHash.of(snapshot, compiledText) : SchemaHash.of(snapshot);
    Optional<MigrationChain.Break> broken = MigrationChain.check(migrations, snapshotHash);
    if (broken.isPresent()) {
      MigrationChain.Gap gap = broken.get().gap();
      report.error(
          gap != null
              ? Messages.missingMigration(files.migrationDirectory(), gap.first(), gap.last(), gap.before(), gap.after())
              : Messages.brokenChain(files.migrationDirectory(), broken.get().state(), broken.get().strayFile()),
          null,
          null);
      return;
    }
    Schema current = unchanged ? snapshot : withTablesNotCompiled(snapshot, assembly.schema(), files, report);
    SchemaDiff diff = unchanged
        ? new SchemaDiff(List.of(), List.of()) : SchemaDiffer.diff(snapshot, current, assembly.intent());
    // the differ words both refusals (ambiguity, NOT NULL without default) and destructive-change warnings
    for (DiffProblem problem : diff.problems()) {
      Kind kind = problem.severity() == DiffProblem.Severity.ERROR ? Kind.ERROR : Kind.WARNING;
      attach(kind, Messages.problem(problem.message()), problem.table(), problem.column(), tables, report);
    }
    LockSafety lockSafety = LockSafety.of(processingEnv.getOptions(), tables, report);
    HandWrittenSql.check(files, migrations, report);
    if (report.hasErrors()) {
      return;
    }
    lockSafety.lintPendingHandWritten(files, migrations);
    String currentText = unchanged ? compiledText : SnapshotCodec.write(current);
    // from the text just written (and remembered for the migration headers): not a second writing of it
    String currentHash = unchanged ? snapshotHash : SchemaHash.of(current, currentText);
    long version = migrations.stream().mapToLong(ResourceFiles.Migration::version).max().orElse(0) + 1;
    // rendered once: at 1,000 tables each rendering (DDL, and the schema hashes its header chains) costs ~0.1 s
    List<MigrationScript.File> migrationFiles =
        diff.isEmpty() ? List.of() : lockSafety.files(version, snapshot, current, diff.changes());
    String fileName =
        diff.isEmpty() ? null : String.join(" and ", migrationFiles.stream().map(MigrationScript.File::name).toList());
    // a CI build of a commit whose compile would write something fails, so no unreviewed migration ships
    boolean stale = snapshotText.isPresent()
        // a checkout with CRLF line ends (git autocrlf) is the same file
        && !snapshotText.get().replace("\r\n", "\n").equals(currentText)
        && currentHash.equals(snapshotHash);
    if (generate.equals(Optional.of(GenerateMode.VERIFY))) {
      if (!diff.isEmpty()) {
        reportNotCommitted(fileName, diff.changes(), tables, report);
      } else if (stale) {
        reportStaleSnapshot(snapshot, current, tables, report);
      }
      if (!report.hasErrors()) {
        // committed files, unchanged: the class output (and the jar) must hold every migration
        files.restoreClassOutput(migrations, processingEnv.getFiler());
        files.writeIndex(false, processingEnv.getFiler());
      }
      return;
    }
    if (!diff.isEmpty()) {
      ForeignKeyIndexes.warn(diff.changes(), current, tables, report);
      List<String> written = lockSafety.writeMigrations(files, migrationFiles, processingEnv.getFiler());
      files.write(ResourceFiles.SNAPSHOT, currentText, processingEnv.getFiler());
      written.forEach(name -> report.note(Messages.migrationWritten(name)));
    } else if (stale) {
      // only class names differ (a record was moved or renamed): the chain is unaffected
      files.write(ResourceFiles.SNAPSHOT, currentText, processingEnv.getFiler());
    }
    files.restoreClassOutput(migrations, processingEnv.getFiler());
    files.writeIndex(true, processingEnv.getFiler());
  }

  /**
   * Verify mode: one error per changed record (on the record; a dropped table's, whose record is gone, on
   * nothing), naming the migration a local compile writes and what changed in that record.
   */
  private void reportNotCommitted(
      String fileName, List<SchemaChange> changes, List<TableElement> tables, Report.Builder report) {
    Map<QualifiedName, List<String>> byTable = new LinkedHashMap<>();
    for (SchemaChange change : changes) {
      // a new schema comes with the table or type created in it, which is reported
      if (!(change instanceof SchemaChange.SchemaCreated)) {
        byTable.computeIfAbsent(change.table(), t -> new ArrayList<>()).add(change.description());
      }
    }
    boolean byOption = processingEnv.getOptions().containsKey(GenerateMode.OPTION);
    byTable.forEach(
        (table, descriptions) ->
            attach(Kind.ERROR, Messages.migrationNotCommitted(fileName, descriptions, byOption), table, null, tables,
                report));
  }

  /**
   * Verify mode, schema unchanged but the snapshot's text is not what write mode writes: a record was moved or
   * renamed (its class name is what a partial compilation looks tables up by) and the new snapshot not committed.
   */
  private void reportStaleSnapshot(
      Schema snapshot, Schema current, List<TableElement> tables, Report.Builder report) {
    boolean byOption = processingEnv.getOptions().containsKey(GenerateMode.OPTION);
    boolean reported = false;
    for (dev.dbsync.schema.model.Table table : current.tables()) {
      String committed = snapshot.table(table.name()).map(dev.dbsync.schema.model.Table::className).orElse(null);
      if (!Objects.equals(committed, table.className())) {
        String difference = Messages.classNameChanged(table.name(), committed, table.className());
        attach(Kind.ERROR, Messages.snapshotNotCommitted(difference, byOption), table.name(), null, tables, report);
        reported = true;
      }
    }
    if (!reported) {
      report.error(Messages.snapshotNotCommitted(Messages.SNAPSHOT_TEXT_DIFFERS, byOption), null, null);
    }
  }

  /**
   * The compiled tables plus every snapshot table whose record is not compiled here but still exists, on the
   * class path or as a source file in the source tree beside the resources (noted): a partial compilation (IDE,
   * {@code useIncrementalCompilation=false}, javac on one file into an empty directory) must not read as
   * dropping them. The snapshot's definition is kept, not one re-read from the class file, which lacks
   * type-use annotations.
   */
  private Schema withTablesNotCompiled(
      Schema snapshot, Schema compiled, ResourceFiles files, Report.Builder report) {
    List<dev.dbsync.schema.model.Table> tables = new ArrayList<>(compiled.tables());
    List<EnumType> enums = new ArrayList<>(compiled.enums());
    for (dev.dbsync.schema.model.Table table : snapshot.tables()) {
      boolean notCompiled =
          table.className() != null
              && !compiledTypes.contains(table.className())
              && compiled.table(table.name()).isEmpty();
      boolean unchanged =
          notCompiled
              && processingEnv.getElementUtils().getTypeElement(table.className().replace('$', '.')) != null;
      if (notCompiled && !unchanged) {
        Optional<Path> source = files.sourceFile(table.className());
        source.ifPresent(
            file -> report.note(Messages.tableKeptSourceExists(table.name(), table.className(), file.toString())));
        unchanged = source.isPresent();
      }
      if (unchanged) {
        tables.add(table);
        table.columns().stream()
            .map(c -> c.type() instanceof TypeRef.Enum e ? e.name() : null)
            .filter(name -> name != null && compiled.enumType(name).isEmpty())
            .distinct()
            .forEach(name -> snapshot.enumType(name).filter(e -> !enums.contains(e)).ifPresent(enums::add));
      }
    }
    return new Schema(enums, tables);
  }

  /**
   * Reports on the component of the column, else the record of the table, else a component of the enum type
   * of that name, else on nothing (the table is gone).
   */
  private static void attach(
      Kind kind, String message, QualifiedName table, String column, List<TableElement> tables, Report.Builder report) {
    Optional<TableElement> owner = tables.stream().filter(t -> t.name().equals(table)).findFirst();
    Element element =
        owner.<Element>map(TableElement::record).orElseGet(() -> componentOfEnumType(table, tables));
    if (owner.isPresent() && column != null) {
      element =
          owner.get().columns().stream()
              .filter(c -> c.column().name().equals(column))
              .<Element>map(ColumnElement::component)
              .findFirst()
              .orElse(element);
    }
    if (kind == Kind.ERROR) {
      report.error(message, element, null);
    } else {
      report.warning(message, element, null);
    }
  }

  private static Element componentOfEnumType(QualifiedName enumType, List<TableElement> tables) {
    return tables.stream()
        .flatMap(t -> t.columns().stream())
        .filter(c -> c.enumType() != null && c.enumType().type().name().equals(enumType))
        .<Element>map(ColumnElement::component)
        .findFirst()
        .orElse(null);
  }
}
