package dev.dbsync.schema.diff;

import dev.dbsync.schema.diff.SchemaChange.CheckAdded;
import dev.dbsync.schema.diff.SchemaChange.CheckDropped;
import dev.dbsync.schema.diff.SchemaChange.ColumnAdded;
import dev.dbsync.schema.diff.SchemaChange.ColumnAltered;
import dev.dbsync.schema.diff.SchemaChange.ColumnDropped;
import dev.dbsync.schema.diff.SchemaChange.ColumnRenamed;
import dev.dbsync.schema.diff.SchemaChange.ConstraintRenamed;
import dev.dbsync.schema.diff.SchemaChange.EnumCreated;
import dev.dbsync.schema.diff.SchemaChange.EnumDropped;
import dev.dbsync.schema.diff.SchemaChange.EnumRecreated;
import dev.dbsync.schema.diff.SchemaChange.EnumRenamed;
import dev.dbsync.schema.diff.SchemaChange.EnumValueAdded;
import dev.dbsync.schema.diff.SchemaChange.EnumValueRenamed;
import dev.dbsync.schema.diff.SchemaChange.ForeignKeyAdded;
import dev.dbsync.schema.diff.SchemaChange.ForeignKeyDropped;
import dev.dbsync.schema.diff.SchemaChange.IndexCreated;
import dev.dbsync.schema.diff.SchemaChange.IndexDropped;
import dev.dbsync.schema.diff.SchemaChange.IndexRenamed;
import dev.dbsync.schema.diff.SchemaChange.PrimaryKeyAdded;
import dev.dbsync.schema.diff.SchemaChange.PrimaryKeyDropped;
import dev.dbsync.schema.diff.SchemaChange.TableCreated;
import dev.dbsync.schema.diff.SchemaChange.TableDropped;
import dev.dbsync.schema.diff.SchemaChange.TableRenamed;
import dev.dbsync.schema.diff.SchemaChange.UniqueAdded;
import dev.dbsync.schema.diff.SchemaChange.UniqueDropped;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.snapshot.SchemaHash;
import dev.dbsync.schema.sql.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The text of a generated migration file: a header that ties it into the snapshot chain and lists what it
 * destroys, then its statements.
 *
 * <pre>
 * -- dbsync:from 0123456789abcdef
 * -- dbsync:to fedcba9876543210
 * -- dbsync:destructive drop column public.posts.body
 *
 * ALTER TABLE public.posts DROP COLUMN body;
 * </pre>
 */
public final class MigrationScript {
  static final String PREFIX = "-- dbsync:";
  static final int MAX_SLUG_LENGTH = 60;

  private MigrationScript() {}

  /** The file text; byte-identical for equal arguments. */
  public static String render(String fromHash, String toHash, List<SchemaChange> changes) {
    return render(fromHash, toHash, changes, DdlRenderer.Options.DEFAULT).migration();
  }

  /**
   * The migration file text and, when {@code options} put statements after its commit, the text of the
   * follow-up migration that runs them. The follow-up's header leads from {@code toHash} to {@code toHash}:
   * it completes the schema the snapshot records rather than changing it, and keeps the chain intact. When
   * nothing runs before the commit, the statements after it make up the one migration.
   */
  public static Rendered render(
      String fromHash, String toHash, List<SchemaChange> changes, DdlRenderer.Options options) {
    return render(fromHash, toHash, changes, DdlRenderer.statements(changes, options));
  }

  private static Rendered render(
      String fromHash, String toHash, List<SchemaChange> changes, DdlRenderer.Statements statements) {
    StringBuilder text = header(fromHash, toHash);
    for (SchemaChange change : DdlRenderer.ordered(changes)) {
      if (change.destructive()) {
        text.append(PREFIX).append("destructive ").append(change.description()).append('\n');
      }
    }
    appendStatements(text, statements.inTransaction());
    if (statements.inTransaction().isEmpty()) {
      // nothing to run before the commit (only indexes to build): one migration, run outside a transaction
      appendStatements(text, statements.afterCommit());
      return new Rendered(text.toString(), Optional.empty());
    }
    if (statements.afterCommit().isEmpty()) {
      return new Rendered(text.toString(), Optional.empty());
    }
    StringBuilder followUp = header(toHash, toHash);
    appendStatements(followUp, statements.afterCommit());
    return new Rendered(text.toString(), Optional.of(followUp.toString()));
  }

  /** A migration file: its name ({@code V<n>__<slug>.sql}) and text. */
  public record File(String name, String text) {
    public File {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(text, "text");
    }
  }

  /** The suffix of a lock-safe follow-up's slug. */
  public static final String FOLLOW_UP_SUFFIX = "_concurrently";

  /**
   * The migration files of the change from {@code from} to {@code to}, numbered from {@code version}, in the
   * order they run; each can run in a transaction of its own, as Flyway runs them. Values added to an enum type
   * that the rest of the change uses come first, in a migration of their own (PostgreSQL refuses a value added
   * in the same transaction: SQLSTATE 55P04); its header leads to the schema with just those values added. Then
   * the migration, then its lock-safe follow-up if {@code options} defer statements past its commit (its slug
   * names what it completes).
   */
  public static List<File> files(
      long version, Schema from, Schema to, List<SchemaChange> changes, DdlRenderer.Options options) {
    List<File> files = new ArrayList<>();
    List<SchemaChange> values = changes.stream().filter(c -> c instanceof EnumValueAdded).toList();
    List<SchemaChange> rest = changes.stream().filter(c -> !(c instanceof EnumValueAdded)).toList();
    String fromHash = SchemaHash.of(from);
    if (!values.isEmpty() && usesAny(rest, values, options)) {
      Schema withValues = withValuesAdded(from, values);
      String valuesHash = SchemaHash.of(withValues);
      files.add(new File(fileName(version++, slug(values)), render(fromHash, valuesHash, values)));
      fromHash = valuesHash;
      changes = rest;
    }
    DdlRenderer.Statements statements = DdlRenderer.statements(changes, options);
    Rendered rendered = render(fromHash, SchemaHash.of(to), changes, statements);
    files.add(new File(fileName(version, slug(changes)), rendered.migration()));
    if (rendered.followUp().isPresent()) {
      String followUpSlug = followUpSlug(statements.afterCommitChanges()) + FOLLOW_UP_SUFFIX;
      files.add(new File(fileName(version + 1, followUpSlug), rendered.followUp().get()));
    }
    return files;
  }

  /**
   * What a lock-safe follow-up does, on which tables: {@code validate_posts}, {@code index_posts_tags},
   * {@code validate_index_posts}; whole table names only, as {@link #slug} does.
   */
  static String followUpSlug(List<SchemaChange> deferred) {
    boolean indexes = deferred.stream().anyMatch(
        c -> c instanceof IndexCreated || c instanceof PrimaryKeyAdded || c instanceof UniqueAdded);
    boolean validations = deferred.stream().anyMatch(
        c -> !(c instanceof IndexCreated || c instanceof PrimaryKeyAdded || c instanceof UniqueAdded));
    StringBuilder slug = new StringBuilder(validations && indexes ? "validate_index" : indexes ? "index" : "validate");
    int limit = MAX_SLUG_LENGTH - FOLLOW_UP_SUFFIX.length();
    for (String table : deferred.stream().map(c -> sanitize(c.table().name())).distinct().toList()) {
      if (slug.length() + 1 + table.length() > limit) {
        break;
      }
      slug.append('_').append(table);
    }
    return slug.toString();
  }

  private static String fileName(long version, String slug) {
    return "V" + version + "__" + slug + ".sql";
  }

  /** Whether a statement of {@code changes} mentions one of the added labels as a string literal. */
  private static boolean usesAny(List<SchemaChange> changes, List<SchemaChange> values, DdlRenderer.Options options) {
    DdlRenderer.Statements statements = DdlRenderer.statements(changes, options);
    List<String> all = new ArrayList<>(statements.inTransaction());
    all.addAll(statements.afterCommit());
    return values.stream()
        .map(value -> Identifiers.literal(((EnumValueAdded) value).label()))
        .anyMatch(literal -> all.stream().anyMatch(statement -> statement.contains(literal)));
  }

  /** {@code schema} with the values added to its enum types where {@code ADD VALUE} puts them. */
  static Schema withValuesAdded(Schema schema, List<SchemaChange> values) {
    Map<QualifiedName, List<String>> labels = new LinkedHashMap<>();
    schema.enums().forEach(type -> labels.put(type.name(), new ArrayList<>(type.labels())));
    for (SchemaChange change : values) {
      EnumValueAdded value = (EnumValueAdded) change;
      List<String> list = labels.get(value.table());
      int at = value.before() != null ? list.indexOf(value.before())
          : value.after() != null ? list.indexOf(value.after()) + 1 : list.size();
      list.add(at, value.label());
    }
    List<EnumType> enums = new ArrayList<>();
    labels.forEach((name, list) -> enums.add(new EnumType(name, list)));
    return new Schema(enums, schema.tables());
  }

  /** A migration's text and the text of its follow-up migration, if it has one. */
  public record Rendered(String migration, Optional<String> followUp) {
    public Rendered {
      Objects.requireNonNull(migration, "migration");
      Objects.requireNonNull(followUp, "followUp");
    }
  }

  private static StringBuilder header(String fromHash, String toHash) {
    StringBuilder text = new StringBuilder();
    text.append(PREFIX).append("from ").append(fromHash).append('\n');
    text.append(PREFIX).append("to ").append(toHash).append('\n');
    return text;
  }

  private static void appendStatements(StringBuilder text, List<String> statements) {
    for (String statement : statements) {
      text.append('\n').append(statement).append(";\n");
    }
  }

  /**
   * A readable file-name part saying what changed, e.g. {@code create_profiles_posts},
   * {@code add_posts_published}, {@code rename_posts_body_to_content}, {@code add_products_active_name_key}: at
   * most 60 characters of {@code [a-z0-9_]}. Tables and columns lead; constraints and indexes are named (by
   * their own names) only when nothing else changed.
   */
  public static String slug(List<SchemaChange> changes) {
    Map<String, Set<String>> subjectsByVerb = new LinkedHashMap<>();
    List<SchemaChange> ordered = DdlRenderer.ordered(changes);
    boolean anyMain = ordered.stream().anyMatch(c -> mainSubject(c) != null);
    for (SchemaChange change : ordered) {
      // Constraint and index changes are named after the table they change.
      String[] verbAndSubject = anyMain ? mainSubject(change) : keySubject(change);
      if (verbAndSubject != null) {
        subjectsByVerb
            .computeIfAbsent(verbAndSubject[0], k -> new LinkedHashSet<>())
            .add(verbAndSubject[1]);
      }
    }
    // Whole subjects only: a cut name would say something that did not happen.
    StringBuilder slug = new StringBuilder();
    outer:
    for (Map.Entry<String, Set<String>> group : subjectsByVerb.entrySet()) {
      String verb = sanitize(group.getKey());
      boolean verbWritten = false;
      for (String subject : group.getValue()) {
        String part = (verbWritten ? "" : verb + "_") + sanitize(subject);
        int length = slug.length() + (slug.length() == 0 ? 0 : 1) + part.length();
        if (length > MAX_SLUG_LENGTH) {
          if (slug.length() == 0) {
            slug.append(part, 0, MAX_SLUG_LENGTH);
          }
          break outer;
        }
        slug.append(slug.length() == 0 ? "" : "_").append(part);
        verbWritten = true;
      }
    }
    String result = sanitize(slug.toString());
    return result.isEmpty() ? "schema_change" : result;
  }

  private static String[] mainSubject(SchemaChange change) {
    String table = change.table().name();
    if (change instanceof TableCreated || change instanceof EnumCreated) {
      return new String[] {"create", table};
    }
    if (change instanceof TableDropped || change instanceof EnumDropped) {
      return new String[] {"drop", table};
    }
    if (change instanceof TableRenamed || change instanceof EnumRenamed) {
      QualifiedName former = change instanceof TableRenamed c ? c.from() : ((EnumRenamed) change).from();
      return former.name().equals(table)
          ? new String[] {"move", table + "_to_" + change.table().schema()}
          : new String[] {"rename", former.name() + "_to_" + table};
    }
    if (change instanceof ColumnAdded c) {
      return new String[] {"add", table + "_" + c.column().name()};
    }
    if (change instanceof ColumnDropped c) {
      return new String[] {"drop", table + "_" + c.column().name()};
    }
    if (change instanceof ColumnRenamed c) {
      return new String[] {"rename", table + "_" + c.from() + "_to_" + c.to()};
    }
    if (change instanceof EnumValueAdded c) {
      return new String[] {"add", table + "_" + c.label()};
    }
    if (change instanceof EnumValueRenamed c) {
      return new String[] {"rename", table + "_" + c.from() + "_to_" + c.to()};
    }
    if (change instanceof EnumRecreated) {
      return new String[] {"alter", table};
    }
    return change instanceof ColumnAltered c ? new String[] {"alter", table + "_" + c.column()} : null;
  }

  /** A constraint or index change, by the name of the constraint or index. */
  private static String[] keySubject(SchemaChange change) {
    if (change instanceof IndexCreated c) {
      return new String[] {"add", c.index().name()};
    }
    if (change instanceof IndexDropped c) {
      return new String[] {"drop", c.index().name()};
    }
    if (change instanceof IndexRenamed c) {
      return new String[] {"rename", c.from() + "_to_" + c.to()};
    }
    if (change instanceof UniqueAdded c) {
      return new String[] {"add", c.constraint().name()};
    }
    if (change instanceof UniqueDropped c) {
      return new String[] {"drop", c.constraint().name()};
    }
    if (change instanceof PrimaryKeyAdded c) {
      return new String[] {"add", c.key().name()};
    }
    if (change instanceof PrimaryKeyDropped c) {
      return new String[] {"drop", c.key().name()};
    }
    if (change instanceof CheckAdded c) {
      return new String[] {"add", c.check().name()};
    }
    if (change instanceof CheckDropped c) {
      return new String[] {"drop", c.check().name()};
    }
    if (change instanceof ForeignKeyAdded c) {
      return new String[] {"add", c.key().name()};
    }
    if (change instanceof ForeignKeyDropped c) {
      return new String[] {"drop", c.key().name()};
    }
    if (change instanceof ConstraintRenamed c) {
      return new String[] {"rename", c.from() + "_to_" + c.to()};
    }
    return new String[] {"alter", change.table().name()};
  }

  private static String sanitize(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
  }

  /**
   * The header of a generated migration.
   *
   * @param destructive descriptions of its destructive changes
   */
  public record Header(String from, String to, List<String> destructive) {
    public Header {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      destructive = List.copyOf(destructive);
    }

    /** The header at the top of {@code fileText}; empty for a hand-written migration without one. */
    public static Optional<Header> parse(String fileText) {
      String from = null;
      String to = null;
      List<String> destructive = new ArrayList<>();
      // the lines are read up to the first that is not a header line: a generated file can be 300 kB
      for (String line : (Iterable<String>) fileText.lines()::iterator) {
        String trimmed = line.strip();
        if (trimmed.startsWith("\uFEFF")) {
          trimmed = trimmed.substring(1);
        }
        if (!trimmed.startsWith(PREFIX)) {
          break;
        }
        String entry = trimmed.substring(PREFIX.length());
        int space = entry.indexOf(' ');
        String key = space < 0 ? entry : entry.substring(0, space);
        String value = space < 0 ? "" : entry.substring(space + 1).strip();
        switch (key) {
          case "from" -> from = value;
          case "to" -> to = value;
          case "destructive" -> destructive.add(value);
          default -> { } // an entry a later version may write; it does not break the chain
        }
      }
      return from == null || to == null ? Optional.empty() : Optional.of(new Header(from, to, destructive));
    }
  }
}
