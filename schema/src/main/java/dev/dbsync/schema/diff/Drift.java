package dev.dbsync.schema.diff;

import dev.dbsync.schema.diff.SchemaChange.ColumnAdded;
import dev.dbsync.schema.diff.SchemaChange.ColumnAltered;
import dev.dbsync.schema.diff.SchemaChange.ColumnDropped;
import dev.dbsync.schema.diff.SchemaChange.EnumCreated;
import dev.dbsync.schema.diff.SchemaChange.SchemaCreated;
import dev.dbsync.schema.diff.SchemaChange.TableCreated;
import dev.dbsync.schema.model.CheckConstraint;
import dev.dbsync.schema.model.Column;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.Identity;
import dev.dbsync.schema.model.Index;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.Schema;
import dev.dbsync.schema.model.Table;
import dev.dbsync.schema.sql.SqlDefaults;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How a live database differs from the schema it should have (the compiled snapshot), in words. Only what the
 * snapshot declares is compared: tables and enum types it does not know (another library's, or a hand-written
 * migration's) are listed as {@link #unmanaged()} and never count as a difference.
 *
 * <p>The decision is the differ's: a difference is anything {@code diff(found, expected)} would change. This class
 * only phrases those changes with both sides, e.g. {@code public.posts.published: expected boolean NOT NULL DEFAULT
 * false, found boolean NULL}.
 */
public record Drift(List<Mismatch> mismatches, List<String> unmanaged) {
  /** A cast as PostgreSQL prints it: {@code ::numeric}, {@code ::character varying(40)}, {@code ::text[]}. */
  private static final Pattern CAST = Pattern.compile(
      "::\\s*[a-z_][a-z0-9_]*(\\s+(varying|precision|with(out)?\\s+time\\s+zone))?(\\s*\\(\\s*\\d+(\\s*,\\s*\\d+)?\\s*\\))?(\\[\\])*",
      Pattern.CASE_INSENSITIVE);

  public Drift {
    mismatches = List.copyOf(mismatches);
    unmanaged = List.copyOf(unmanaged);
  }

  /**
   * One difference, with both sides apart so that a report can show them as {@code - expected} / {@code + found}
   * lines.
   *
   * @param owner what the difference belongs to: the table ({@code public.posts}) or {@code enum type public.mood}
   * @param object what differs: {@code public.posts.published}, {@code public.posts: posts_title_idx},
   *     {@code table public.posts}
   * @param expected the snapshot's side; null when only a change can be named (then {@code found} says it)
   * @param found the database's side; null when the object is not there at all
   */
  public record Mismatch(String owner, String object, String expected, String found) {
    /** {@code public.posts.published: expected boolean NOT NULL DEFAULT false, found boolean NULL}. */
    public String text() {
      if (expected == null) {
        return object + ": " + found;
      }
      return object + ": expected" + (expected.isEmpty() ? "" : " " + expected)
          + (found == null ? ", not found" : ", found " + found);
    }

    @Override
    public String toString() {
      return text();
    }
  }

  /** The mismatches in words, one line each. */
  public List<String> differences() {
    return mismatches.stream().map(Mismatch::text).toList();
  }

  public boolean isEmpty() {
    return mismatches.isEmpty();
  }

  /** The drift as declared and stored texts show it: equal texts, or texts equal but for casts and parentheses. */
  public static Drift between(Schema expected, Schema found) {
    return between(expected, found, Schema.EMPTY);
  }

  /**
   * The drift with expressions compared in PostgreSQL's own canonical form: {@code canonical} holds declared
   * tables as the server stored them (see {@code Verification} in the runtime), and a stored expression equal to
   * the canonical form of the declared one counts as the declared one. Tables {@code canonical} lacks are
   * compared as {@link #between(Schema, Schema)} compares them.
   */
  public static Drift between(Schema expected, Schema found, Schema canonical) {
    Schema declared = expected.withoutClassNames();
    List<String> unmanaged = new ArrayList<>();
    found.tables().stream().filter(t -> declared.table(t.name()).isEmpty())
        .forEach(t -> unmanaged.add("table " + t.name()));
    found.enums().stream().filter(e -> declared.enumType(e.name()).isEmpty())
        .forEach(e -> unmanaged.add("enum type " + e.name()));
    Schema managed = managed(declared, found, canonical);
    List<SchemaChange> changes = SchemaDiffer.diff(managed, declared, Intent.NONE).changes();
    return new Drift(describe(changes, declared, managed), unmanaged);
  }

  /**
   * The tables of {@code found} that {@code expected} declares, each expression that means what the declared one
   * means written as declared: then the differ, comparing texts, sees only real differences. An expression means
   * the same when it equals the declared one but for casts and parentheses, or when it equals the declared
   * one's form in {@code canonical} (the server's).
   */
  public static Schema inDeclaredSpelling(Schema found, Schema expected, Schema canonical) {
    return managed(expected.withoutClassNames(), found, canonical);
  }

  /**
   * The managed tables that still differ from their declaration when compared as texts (with the cheap
   * cast-and-parenthesis rule): the only ones whose canonical forms are worth asking the server for.
   */
  public static Set<QualifiedName> tablesDiffering(Schema expected, Schema found) {
    Schema declared = expected.withoutClassNames();
    Set<QualifiedName> tables = new TreeSet<>();
    for (SchemaChange change : SchemaDiffer.diff(managed(declared, found, Schema.EMPTY), declared, Intent.NONE)
        .changes()) {
      if (declared.table(change.table()).isPresent() && found.table(change.table()).isPresent()) {
        tables.add(change.table());
      }
    }
    return tables;
  }

  private static Schema managed(Schema declared, Schema found, Schema canonical) {
    List<Table> tables = found.tables().stream()
        .filter(t -> declared.table(t.name()).isPresent())
        .map(t -> inDeclaredSpelling(t.withoutClassName(), declared.table(t.name()).orElseThrow(),
            canonical.table(t.name()).orElse(null)))
        .toList();
    return new Schema(found.enums().stream().filter(e -> declared.enumType(e.name()).isPresent()).toList(), tables);
  }

  /**
   * PostgreSQL stores checks, index predicates and definitions, generation expressions and defaults re-printed:
   * casts made explicit ({@code 'Alex'::text}), columns unqualified, {@code !=} as {@code <>}, parentheses set by
   * its own precedence, {@code WHERE true} left out. Where the stored expression is the canonical form of the
   * declared one (or differs only in casts and parentheses) it is taken as the declared one, so verification never
   * fails a correct migration over a spelling. (The compile-time diff compares declared texts and stays exact.)
   *
   * @param canonical the declared table as the server stored it, or null when not asked
   */
  private static Table inDeclaredSpelling(Table found, Table expected, Table canonical) {
    List<CheckConstraint> checks = found.checks().stream()
        .map(check -> expected.checks().stream()
            .filter(e -> e.name().equals(check.name())
                && (sameModuloCasts(e.expression(), check.expression())
                    || canonical != null && canonical.checks().stream().anyMatch(
                        c -> c.name().equals(e.name()) && c.expression().equals(check.expression()))))
            .findFirst().orElse(check))
        .toList();
    List<Index> indexes = found.indexes().stream()
        .map(index -> expected.indexes().stream()
            .filter(e -> e.name().equals(index.name()))
            .findFirst()
            .map(e -> inDeclaredSpelling(index, e, canonical == null ? Optional.empty()
                : canonical.indexes().stream().filter(c -> c.name().equals(e.name())).findFirst()))
            .orElse(index))
        .toList();
    List<Column> columns = found.columns().stream()
        .map(column -> expected.column(column.name())
            .map(e -> inDeclaredSpelling(column, e,
                canonical == null ? Optional.empty() : canonical.column(column.name())))
            .orElse(column))
        .toList();
    return new Table(found.name(), found.className(), columns, found.primaryKey(), found.uniques(),
        found.foreignKeys(), indexes, checks);
  }

  private static Index inDeclaredSpelling(Index found, Index expected, Optional<Index> canonical) {
    if (canonical.filter(c -> c.columns().equals(found.columns()) && Objects.equals(c.where(), found.where()))
        .isPresent()) {
      return found.withKey(expected.columns(), expected.where());
    }
    if (expected.where() != null && found.where() != null && sameModuloCasts(expected.where(), found.where())) {
      return found.withKey(found.columns(), expected.where());
    }
    return found;
  }

  private static Column inDeclaredSpelling(Column found, Column expected, Optional<Column> canonical) {
    Column result = found;
    // a type spelled as SQL that names an enum type, @Column(type = "mood[]"), reads back as that enum type
    if (!expected.type().equals(found.type()) && canonical.filter(c -> found.type().equals(c.type())).isPresent()) {
      result = result.withType(expected.type());
    }
    if (expected.generated() != null && found.generated() != null
        && (sameModuloCasts(expected.generated(), found.generated())
            || canonical.filter(c -> found.generated().equals(c.generated())).isPresent())) {
      result = result.withGenerated(expected.generated());
    }
    if (expected.defaultValue() != null && found.defaultValue() != null
        && canonical.filter(c -> found.defaultValue().equals(c.defaultValue())).isPresent()) {
      result = result.withDefault(expected.defaultValue());
    }
    return result;
  }

  static boolean sameModuloCasts(String declared, String stored) {
    return loose(declared).equals(loose(stored));
  }

  private static String loose(String expression) {
    String canonical = SqlDefaults.canonical(expression, null);
    return canonical == null ? "" : CAST.matcher(canonical).replaceAll("").replaceAll("[()\\s]", "");
  }

  private static List<Mismatch> describe(List<SchemaChange> changes, Schema expected, Schema found) {
    Set<Mismatch> mismatches = new LinkedHashSet<>();
    for (SchemaChange change : changes) {
      Optional<String> column = columnOf(change);
      String owner = expected.enumType(change.table()).isPresent()
          ? "enum type " + change.table() : change.table().toString();
      if (column.isPresent()) {
        mismatches.add(columnMismatch(change.table(), column.get(), expected, found));
      } else if (constraintOf(change).isPresent()) {
        String name = constraintOf(change).get();
        mismatches.add(new Mismatch(owner, change.table() + ": " + name, constraint(expected, change.table(), name),
            constraint(found, change.table(), name)));
      } else if (change instanceof TableCreated created) {
        mismatches.add(new Mismatch(owner, "table " + created.definition().name(), "", null));
      } else if (change instanceof EnumCreated created) {
        mismatches.add(new Mismatch(owner, owner, created.type().labels().toString(), null));
      } else if (!(change instanceof SchemaCreated)) {
        mismatches.add(new Mismatch(owner, change.table().toString(), null,
            "to match the snapshot it would need: " + change.description()));
      }
    }
    return List.copyOf(mismatches);
  }

  /** The name of the constraint or index a change adds or drops. */
  private static Optional<String> constraintOf(SchemaChange change) {
    if (change instanceof SchemaChange.CheckAdded c) {
      return Optional.of(c.check().name());
    } else if (change instanceof SchemaChange.CheckDropped c) {
      return Optional.of(c.check().name());
    } else if (change instanceof SchemaChange.IndexCreated c) {
      return Optional.of(c.index().name());
    } else if (change instanceof SchemaChange.IndexDropped c) {
      return Optional.of(c.index().name());
    } else if (change instanceof SchemaChange.ForeignKeyAdded c) {
      return Optional.of(c.key().name());
    } else if (change instanceof SchemaChange.ForeignKeyDropped c) {
      return Optional.of(c.key().name());
    } else if (change instanceof SchemaChange.UniqueAdded c) {
      return Optional.of(c.constraint().name());
    } else if (change instanceof SchemaChange.UniqueDropped c) {
      return Optional.of(c.constraint().name());
    } else if (change instanceof SchemaChange.PrimaryKeyAdded c) {
      return Optional.of(c.key().name());
    } else if (change instanceof SchemaChange.PrimaryKeyDropped c) {
      return Optional.of(c.key().name());
    }
    return Optional.empty();
  }

  /** The definition of the constraint or index {@code name} of {@code table}, as DDL would write it. */
  private static String constraint(Schema schema, QualifiedName table, String name) {
    Optional<Table> owner = schema.table(table);
    if (owner.isEmpty()) {
      return "no such table";
    }
    Table t = owner.get();
    if (t.primaryKey() != null && t.primaryKey().name().equals(name)) {
      return "PRIMARY KEY (" + String.join(", ", t.primaryKey().columns()) + ")";
    }
    return t.uniques().stream().filter(u -> u.name().equals(name))
        .map(u -> "UNIQUE (" + String.join(", ", u.columns()) + ")")
        .findFirst()
        .or(() -> t.checks().stream().filter(c -> c.name().equals(name))
            .map(c -> "CHECK (" + c.expression() + ")").findFirst())
        .or(() -> t.foreignKeys().stream().filter(k -> k.name().equals(name))
            .map(k -> "FOREIGN KEY (" + String.join(", ", k.columns()) + ") REFERENCES " + k.target() + " ("
                + String.join(", ", k.targetColumns()) + ") ON DELETE " + k.onDelete().sql() + " ON UPDATE "
                + k.onUpdate().sql())
            .findFirst())
        .or(() -> t.indexes().stream().filter(i -> i.name().equals(name))
            .map(i -> (i.unique() ? "UNIQUE INDEX USING " : "INDEX USING ") + i.method() + " ("
                + String.join(", ", i.columns()) + ")" + (i.where() == null ? "" : " WHERE " + i.where()))
            .findFirst())
        .orElse("none");
  }

  /** The column a column-level change is about. */
  private static Optional<String> columnOf(SchemaChange change) {
    if (change instanceof ColumnAdded c) {
      return Optional.of(c.column().name());
    } else if (change instanceof ColumnDropped c) {
      return Optional.of(c.column().name());
    }
    return change instanceof ColumnAltered c ? Optional.of(c.column()) : Optional.empty();
  }

  private static Mismatch columnMismatch(QualifiedName table, String column, Schema expected, Schema found) {
    return new Mismatch(table.toString(), table + "." + column, describe(column(expected, table, column)),
        describe(column(found, table, column)));
  }

  private static Optional<Column> column(Schema schema, QualifiedName table, String column) {
    return schema.table(table).flatMap(t -> t.column(column));
  }

  /** {@code boolean NOT NULL DEFAULT false}, as a reviewer would write the column. */
  static String describe(Optional<Column> maybeColumn) {
    if (maybeColumn.isEmpty()) {
      return "no such column";
    }
    Column column = maybeColumn.get();
    StringBuilder text = new StringBuilder(column.type().toString());
    text.append(column.nullable() ? " NULL" : " NOT NULL");
    if (column.defaultValue() != null) {
      text.append(" DEFAULT ").append(column.defaultValue());
    }
    if (column.identity() != Identity.NONE) {
      text.append(' ').append(DdlRenderer.identity(column.identity(), column.identityOptions()));
    }
    if (column.generated() != null) {
      text.append(" GENERATED ALWAYS AS (").append(column.generated()).append(") STORED");
    }
    return text.toString();
  }
}
