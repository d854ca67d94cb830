package dev.dbsync.processor;

import dev.dbsync.annotations.Check;
import dev.dbsync.annotations.Column;
import dev.dbsync.annotations.Default;
import dev.dbsync.annotations.DefaultNow;
import dev.dbsync.annotations.DefaultRandom;
import dev.dbsync.annotations.EnumValue;
import dev.dbsync.annotations.ForeignKey;
import dev.dbsync.annotations.Generated;
import dev.dbsync.annotations.Id;
import dev.dbsync.annotations.Identity;
import dev.dbsync.annotations.Index;
import dev.dbsync.annotations.References;
import dev.dbsync.annotations.Table;
import dev.dbsync.annotations.Unique;
import dev.dbsync.processor.TableElement.CheckElement;
import dev.dbsync.processor.TableElement.ColumnElement;
import dev.dbsync.processor.TableElement.EnumElement;
import dev.dbsync.processor.TableElement.ForeignKeyElement;
import dev.dbsync.processor.TableElement.IndexElement;
import dev.dbsync.processor.TableElement.ReferenceElement;
import dev.dbsync.processor.TableElement.UniqueElement;
import dev.dbsync.schema.model.CheckConstraint;
import dev.dbsync.schema.model.EnumType;
import dev.dbsync.schema.model.IdentityOptions;
import dev.dbsync.schema.model.QualifiedName;
import dev.dbsync.schema.model.ReferentialAction;
import dev.dbsync.schema.model.TypeRef;
import dev.dbsync.schema.sql.Identifiers;
import dev.dbsync.schema.sql.SqlFragments;
import dev.dbsync.schema.sql.SqlTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.MirroredTypeException;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** Reads one {@code @Table} record into a {@link TableElement}, reporting what is wrong on the element. */
final class TableReader {
  private static final Map<TypeKind, String> PRIMITIVES =
      Map.of(
          TypeKind.BOOLEAN, "boolean",
          TypeKind.SHORT, "smallint",
          TypeKind.INT, "integer",
          TypeKind.LONG, "bigint",
          TypeKind.FLOAT, "real",
          TypeKind.DOUBLE, "double precision");

  private static final Map<String, String> DECLARED =
      Map.ofEntries(
          Map.entry("java.lang.String", "text"),
          Map.entry("java.lang.Boolean", "boolean"),
          Map.entry("java.lang.Short", "smallint"),
          Map.entry("java.lang.Integer", "integer"),
          Map.entry("java.lang.Long", "bigint"),
          Map.entry("java.lang.Float", "real"),
          Map.entry("java.lang.Double", "double precision"),
          Map.entry("java.math.BigDecimal", "numeric"),
          Map.entry("java.util.UUID", "uuid"),
          Map.entry("java.time.Instant", "timestamp with time zone"),
          Map.entry("java.time.OffsetDateTime", "timestamp with time zone"),
          Map.entry("java.time.LocalDateTime", "timestamp without time zone"),
          Map.entry("java.time.LocalDate", "date"),
          Map.entry("java.time.LocalTime", "time without time zone"));

  private final Elements elements;

  TableReader(Elements elements) {
    this.elements = elements;
  }

  /** The table of {@code type}; empty when it is not a record (reported). */
  Optional<TableElement> read(TypeElement type, Report.Builder report) {
    Table table = type.getAnnotation(Table.class);
    AnnotationMirror mirror = Annotations.mirror(type, Table.class);
    if (type.getKind() != ElementKind.RECORD) {
      report.error(
          Messages.tableOnNonRecord(
              type.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' '), type.getSimpleName().toString()),
          type,
          mirror);
      return Optional.empty();
    }
    QualifiedName name = tableName(type, table);
    String schema = name.schema();
    String tableName = name.name();
    checkSchema(schema, "Choose another: @Table(schema = \"...\")", type, mirror, report);
    checkIdentifier("table", tableName, "Choose another: @Table(\"...\")", type, mirror, report);

    List<ColumnElement> columns = new ArrayList<>();
    Map<String, VariableElement> fields = Annotations.fieldsByName(type);
    for (RecordComponentElement component : type.getRecordComponents()) {
      column(component, fields, name, report).ifPresent(columns::add);
    }
    checkConstants(columns, report);
    TableElement withColumns = columnsOnly(type, name, columns);
    List<IndexElement> indexes = indexes(type, withColumns, report);
    List<CheckElement> checks = new ArrayList<>();
    Check[] checkAnnotations = type.getAnnotationsByType(Check.class);
    List<AnnotationMirror> checkMirrors = Annotations.repeated(type, Check.class, Check.List.class);
    for (int i = 0; i < checkAnnotations.length; i++) {
      Check check = checkAnnotations[i];
      AnnotationMirror checkMirror = i < checkMirrors.size() ? checkMirrors.get(i) : mirror;
      checkIdentifier("check constraint", check.name(), "Name it: @Check(name = \"...\")", type, checkMirror, report);
      checkFragment("@Check", "expression", check.value(), type, checkMirror, report);
      checks.add(new CheckElement(checkMirror, new CheckConstraint(check.name(), check.value())));
    }
    String primaryKeyName = table.primaryKeyName().isEmpty() ? tableName + "_pkey" : table.primaryKeyName();
    return Optional.of(
        new TableElement(
            type,
            elements.getBinaryName(type).toString(),
            mirror,
            name,
            Arrays.stream(table.renamedFrom()).map(former -> qualified(former, schema)).toList(),
            columns,
            indexes,
            checks,
            Arrays.stream(table.droppedTables())
                .map(dropped -> qualified(dropped, schema))
                .collect(Collectors.toCollection(LinkedHashSet::new)),
            new LinkedHashSet<>(Arrays.asList(table.droppedColumns())),
            primaryKeyName,
            foreignKeys(type, withColumns, report),
            uniques(type, withColumns, report)));
  }

  /** The names the metamodel of {@code type} holds; empty when it is not a record (the full read reports it). */
  static Optional<MetamodelWriter.Names> metamodelNames(TypeElement type) {
    if (type.getKind() != ElementKind.RECORD) {
      return Optional.empty();
    }
    List<Map.Entry<String, String>> columns = new ArrayList<>();
    for (RecordComponentElement component : type.getRecordComponents()) {
      columns.add(Map.entry(component.getSimpleName().toString(),
          columnName(component, component.getAnnotation(Column.class))));
    }
    return Optional.of(new MetamodelWriter.Names(type, tableName(type, type.getAnnotation(Table.class)), columns));
  }

  private static QualifiedName tableName(TypeElement type, Table table) {
    return QualifiedName.of(table.schema().isEmpty() ? QualifiedName.DEFAULT_SCHEMA : table.schema(),
        table.value().isEmpty() ? Names.snakeCase(type.getSimpleName().toString()) : table.value());
  }

  private static String columnName(RecordComponentElement component, Column column) {
    return column == null || column.value().isEmpty()
        ? Names.snakeCase(component.getSimpleName().toString()) : column.value();
  }

  /** {@code "old"} is in the given schema, {@code "s.old"} in schema s. */
  private static QualifiedName qualified(String name, String schema) {
    return name.contains(".") ? QualifiedName.parse(name) : QualifiedName.of(schema, name);
  }

  private Optional<ColumnElement> column(
      RecordComponentElement component, Map<String, VariableElement> fields, QualifiedName table,
      Report.Builder report) {
    Column column = component.getAnnotation(Column.class);
    String componentName = component.getSimpleName().toString();
    String columnName = columnName(component, column);
    checkIdentifier(
        "column", columnName, "Choose another: @Column(\"...\")", component, Annotations.mirror(component, Column.class),
        report);
    TypeMirror javaType = component.asType();
    EnumElement enumElement = null;
    TypeRef type;
    if (javaType.getKind() == TypeKind.ERROR) {
      // javac reports the missing type itself, later; this error only keeps the migration from being written
      report.error(Messages.unresolvedType(componentName, javaType.toString()), component, null);
      return Optional.empty();
    } else if (column != null && !column.type().isEmpty()) {
      String problem = SqlFragments.problem(column.type());
      problem = problem != null ? problem : SqlTypes.problem(column.type());
      if (problem != null) {
        report.error(
            Messages.invalidFragment("@Column(type = ...)", "type", column.type(), problem), component,
            Annotations.mirror(component, Column.class));
        return Optional.empty();
      }
      type = TypeRef.builtin(SqlTypes.canonical(column.type()));
    } else if (isByteArray(javaType)) {
      type = TypeRef.builtin("bytea");
    } else if (isEnum(javaType) || javaType.getKind() == TypeKind.ARRAY && isEnum(elementType(javaType))) {
      boolean array = javaType.getKind() == TypeKind.ARRAY;
      TypeMirror enumMirror = array ? elementType(javaType) : javaType;
      enumElement = enumType((TypeElement) ((DeclaredType) enumMirror).asElement(), table.schema(), report);
      type = new TypeRef.Enum(enumElement.type().name(), array);
    } else {
      // one-dimensional arrays of the mapped types are arrays of their SQL types (byte[] is bytea, above)
      boolean array = javaType.getKind() == TypeKind.ARRAY;
      String elementType = builtinType(array ? elementType(javaType) : javaType);
      if (elementType == null) {
        report.error(Messages.unsupportedType(componentName, javaType.toString()), component, null);
        return Optional.empty();
      }
      type = TypeRef.builtin(elementType + (array ? "[]" : ""));
    }
    boolean nullable = !javaType.getKind().isPrimitive() && Annotations.isNullable(component, fields);

    dev.dbsync.schema.model.Column model =
        withValueSource(
            dev.dbsync.schema.model.Column.of(columnName, type, nullable), component, componentName,
            enumElement == null ? List.of() : enumElement.type().labels(), report);

    Unique unique = component.getAnnotation(Unique.class);
    String uniqueName = null;
    if (unique != null && unique.columns().length > 0) {
      report.error(Messages.uniqueColumnsOnComponent(componentName, List.of(unique.columns())), component,
          Annotations.mirror(component, Unique.class));
    } else if (unique != null) {
      uniqueName = unique.name().isEmpty() ? table.name() + "_" + columnName + "_key" : unique.name();
      checkIdentifier(
          "unique constraint", uniqueName, "Name it: @Unique(name = \"...\")", component,
          Annotations.mirror(component, Unique.class), report);
    }
    return Optional.of(
        new ColumnElement(
            component,
            model,
            column == null ? List.of() : List.of(column.renamedFrom()),
            component.getAnnotation(Id.class) != null,
            uniqueName,
            reference(component),
            enumElement));
  }

  /**
   * Where the column's value comes from when an insert omits it: at most one of these annotations.
   *
   * @param enumLabels the labels of the column's enum type, empty for other types
   */
  private static dev.dbsync.schema.model.Column withValueSource(
      dev.dbsync.schema.model.Column column, RecordComponentElement component, String componentName,
      List<String> enumLabels, Report.Builder report) {
    List<dev.dbsync.schema.model.Column> sources = new ArrayList<>();
    Default declared = component.getAnnotation(Default.class);
    if (declared != null) {
      checkDefault(declared.value(), column.type(), enumLabels, component, componentName, report);
      sources.add(column.withDefault(declared.value()));
    }
    if (component.getAnnotation(DefaultNow.class) != null) {
      sources.add(column.withDefault("now()"));
    }
    if (component.getAnnotation(DefaultRandom.class) != null) {
      sources.add(column.withDefault("gen_random_uuid()"));
    }
    Identity identity = component.getAnnotation(Identity.class);
    if (identity != null) {
      sources.add(identityColumn(column, identity, component, componentName, report));
    }
    Generated generated = component.getAnnotation(Generated.class);
    if (generated != null) {
      checkFragment(
          "@Generated", "expression", generated.value(), component, Annotations.mirror(component, Generated.class),
          report);
      sources.add(column.withGenerated(generated.value()));
    }
    if (sources.size() > 1) {
      report.error(Messages.conflictingDefaults(componentName), component, null);
    }
    return sources.isEmpty() ? column : sources.get(0);
  }

  /**
   * The identity with its sequence's options; options PostgreSQL would refuse are reported here, before any
   * migration is written, and left out.
   */
  private static dev.dbsync.schema.model.Column identityColumn(
      dev.dbsync.schema.model.Column column, Identity identity, RecordComponentElement component,
      String componentName, Report.Builder report) {
    dev.dbsync.schema.model.Column withIdentity = column.withIdentity(
        identity.always() ? dev.dbsync.schema.model.Identity.ALWAYS : dev.dbsync.schema.model.Identity.BY_DEFAULT);
    IdentityOptions options = new IdentityOptions(
        declared(identity.start()), declared(identity.increment()), declared(identity.minValue()),
        declared(identity.maxValue()), declared(identity.cache()), identity.cycle());
    AnnotationMirror mirror = Annotations.mirror(component, Identity.class);
    Optional<IdentityOptions.Range> range = IdentityOptions.rangeOf(column.type());
    if (range.isEmpty()) {
      report.error(Messages.identityType(componentName, column.type().toString()), component, mirror);
      return withIdentity;
    }
    String problem = identityProblem(options, range.get(), column.type().toString(), componentName);
    if (problem != null) {
      report.error(problem, component, mirror);
      return withIdentity;
    }
    return withIdentity.withIdentityOptions(options);
  }

  /** An {@code @Identity} option's value, or null for {@link Identity#DEFAULT}. */
  private static Long declared(long value) {
    return value == Identity.DEFAULT ? null : value;
  }

  /** What PostgreSQL would refuse in {@code options} on a column of {@code range}, or null. */
  private static String identityProblem(
      IdentityOptions options, IdentityOptions.Range range, String type, String componentName) {
    if (options.increment() != null && options.increment() == 0) {
      return Messages.identityIncrementZero(componentName);
    }
    if (options.cache() != null && options.cache() < 1) {
      return Messages.identityCache(componentName, options.cache());
    }
    Map<String, Long> bounded = new LinkedHashMap<>();
    bounded.put("start", options.start());
    bounded.put("minValue", options.minValue());
    bounded.put("maxValue", options.maxValue());
    for (Map.Entry<String, Long> option : bounded.entrySet()) {
      if (option.getValue() != null && !range.contains(option.getValue())) {
        return Messages.identityOutOfRange(
            componentName, option.getKey(), option.getValue(), type, range.min(), range.max());
      }
    }
    IdentityOptions.Effective sequence = options.effective(range);
    if (sequence.minValue() >= sequence.maxValue()) {
      return Messages.identityBounds(componentName, sequence.minValue(), sequence.maxValue());
    }
    if (sequence.start() < sequence.minValue() || sequence.start() > sequence.maxValue()) {
      return Messages.identityStart(componentName, sequence.start(), sequence.minValue(), sequence.maxValue(),
          sequence.increment() > 0 ? sequence.minValue() : sequence.maxValue());
    }
    return null;
  }

  /**
   * A default is one expression, and not a bare name: PostgreSQL reads {@code PENDING} as a column reference and
   * refuses it only when the migration runs. An enum label or a word on a text column was meant as a string.
   */
  private static void checkDefault(
      String value, TypeRef type, List<String> enumLabels, RecordComponentElement component, String componentName,
      Report.Builder report) {
    AnnotationMirror mirror = Annotations.mirror(component, Default.class);
    if (!checkFragment("@Default", "expression", value, component, mirror, report)) {
      return;
    }
    String name = SqlFragments.bareIdentifier(value);
    if (name != null) {
      String literal = null;
      if (enumLabels.contains(name)) {
        // of an array of the enum, an array of that one label
        literal = Identifiers.literal(((TypeRef.Enum) type).array() ? "{" + name + "}" : name);
      } else if (type instanceof TypeRef.Builtin builtin && isTextType(builtin.canonical())) {
        literal = Identifiers.literal(name);
      }
      report.error(Messages.bareIdentifierDefault(componentName, value, literal), component, mirror);
    }
  }

  private static boolean isTextType(String canonicalType) {
    return canonicalType.equals("text") || canonicalType.startsWith("character") || canonicalType.equals("citext");
  }

  /** Reports {@code value} unless it is exactly one SQL expression (or type); true when it is. */
  static boolean checkFragment(
      String annotation, String what, String value, Element element, AnnotationMirror mirror,
      Report.Builder report) {
    String problem = SqlFragments.problem(value);
    if (problem != null) {
      report.error(Messages.invalidFragment(annotation, what, value, problem), element, mirror);
    }
    return problem == null;
  }

  /** The SQL type of a primitive or a mapped declared type; null for any other type. */
  private static String builtinType(TypeMirror type) {
    if (PRIMITIVES.containsKey(type.getKind())) {
      return PRIMITIVES.get(type.getKind());
    }
    return type.getKind() == TypeKind.DECLARED
        ? DECLARED.get(((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString())
        : null;
  }

  private static boolean isEnum(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM;
  }

  private static TypeMirror elementType(TypeMirror arrayType) {
    return ((javax.lang.model.type.ArrayType) arrayType).getComponentType();
  }

  private static boolean isByteArray(TypeMirror type) {
    return type.getKind() == TypeKind.ARRAY && elementType(type).getKind() == TypeKind.BYTE;
  }

  private static ReferenceElement reference(RecordComponentElement component) {
    References references = component.getAnnotation(References.class);
    if (references == null) {
      return null;
    }
    AnnotationMirror mirror = Annotations.mirror(component, References.class);
    // a Class value is only available as a mirror: the class may not be loadable in the compiler
    TypeMirror target = (TypeMirror) Annotations.value(mirror, "value").getValue();
    return new ReferenceElement(
        mirror,
        target,
        references.column(),
        ReferentialAction.valueOf(references.onDelete().name()),
        ReferentialAction.valueOf(references.onUpdate().name()),
        references.name());
  }

  /** The type of {@code enumClass} as a column of a table in {@code tableSchema} uses it. */
  private EnumElement enumType(TypeElement enumClass, String tableSchema, Report.Builder report) {
    dev.dbsync.annotations.EnumType declared = enumClass.getAnnotation(dev.dbsync.annotations.EnumType.class);
    AnnotationMirror mirror = Annotations.mirror(enumClass, dev.dbsync.annotations.EnumType.class);
    String schema = declared == null || declared.schema().isEmpty() ? tableSchema : declared.schema();
    String typeName =
        declared == null || declared.value().isEmpty()
            ? Names.snakeCase(enumClass.getSimpleName().toString())
            : declared.value();
    QualifiedName name = QualifiedName.of(schema, typeName);
    List<QualifiedName> formerNames = new ArrayList<>();
    if (declared != null) {
      checkIdentifier("enum type", typeName, "Choose another: @EnumType(\"...\")", enumClass, mirror, report);
      checkSchema(schema, "Choose another: @EnumType(schema = \"...\")", enumClass, mirror, report);
      for (String former : declared.renamedFrom()) {
        QualifiedName formerName = qualified(former, schema);
        checkIdentifier("former enum type", formerName.name(), "Correct @EnumType(renamedFrom = ...)", enumClass,
            mirror, report);
        if (formerName.equals(name)) {
          report.error(Messages.enumRenamedFromItself(name, former), enumClass, mirror);
        } else {
          formerNames.add(formerName);
        }
      }
    }
    List<String> labels = new ArrayList<>();
    Map<String, List<String>> renames = new LinkedHashMap<>();
    for (Element constant : enumClass.getEnclosedElements()) {
      if (constant.getKind() != ElementKind.ENUM_CONSTANT) {
        continue;
      }
      EnumValue value = constant.getAnnotation(EnumValue.class);
      String label = value == null || value.value().isEmpty() ? constant.getSimpleName().toString() : value.value();
      checkIdentifier(
          "enum label", label, "Choose another: @EnumValue(\"...\")", constant,
          Annotations.mirror(constant, EnumValue.class), report);
      labels.add(label);
      if (value != null && value.renamedFrom().length > 0) {
        renames.put(label, List.of(value.renamedFrom()));
      }
    }
    return new EnumElement(enumClass.getQualifiedName().toString(), new EnumType(name, labels), renames, formerNames);
  }

  private List<IndexElement> indexes(TypeElement type, TableElement partial, Report.Builder report) {
    QualifiedName table = partial.name();
    Index[] indexes = type.getAnnotationsByType(Index.class);
    List<AnnotationMirror> mirrors = Annotations.repeated(type, Index.class, Index.List.class);
    List<IndexElement> result = new ArrayList<>();
    for (int i = 0; i < indexes.length; i++) {
      Index index = indexes[i];
      AnnotationMirror mirror = i < mirrors.size() ? mirrors.get(i) : null;
      List<String> sqlColumns = new ArrayList<>();
      List<String> nameParts = new ArrayList<>();
      for (String written : index.columns()) {
        keyElement(written, partial, type, mirror, report).ifPresent(element -> {
          sqlColumns.add(element);
          String column = dev.dbsync.schema.model.Index.columnOf(element);
          nameParts.add(column == null ? "expr" : column);
        });
      }
      List<String> include = new ArrayList<>();
      for (String written : index.include()) {
        sqlColumn("@Index", written, partial, type, mirror, report).ifPresent(include::add);
      }
      List<String> with = new ArrayList<>();
      for (String parameter : index.with()) {
        String normalized = dev.dbsync.schema.model.Index.storageParameter(parameter);
        if (normalized != null) {
          with.add(normalized);
        } else {
          report.error(Messages.indexStorageParameter(table, parameter), type, mirror);
        }
      }
      String name =
          index.name().isEmpty()
              ? table.name() + "_" + String.join("_", nameParts) + (index.unique() ? "_key" : "_idx")
              : index.name();
      checkIdentifier("index", name, "Name it: @Index(name = \"...\", ...)", type, mirror, report);
      if (!index.where().isEmpty()) {
        checkFragment("@Index(where = ...)", "condition", index.where(), type, mirror, report);
      }
      result.add(
          new IndexElement(
              mirror,
              name,
              sqlColumns,
              index.unique(),
              index.using().isEmpty() ? dev.dbsync.schema.model.Index.DEFAULT_METHOD : index.using().toLowerCase(Locale.ROOT),
              index.where().isEmpty() ? null : index.where(),
              include,
              with));
    }
    return result;
  }

  /**
   * A key element of {@code @Index(columns)} in the model's form: a column (component or SQL name) with its
   * operator class and order, the defaults PostgreSQL does not print left out ({@code ASC}, {@code NULLS LAST}
   * ascending, {@code NULLS FIRST} descending); or an expression, which must be a call or in parentheses.
   */
  private static Optional<String> keyElement(
      String written, TableElement table, TypeElement type, AnnotationMirror mirror, Report.Builder report) {
    String element = written.strip();
    if (element.contains("(")) {
      if (!SqlFragments.isCallOrParenthesized(element)) {
        report.error(Messages.indexExpressionNotParenthesized(table.name(), written), type, mirror);
        return Optional.empty();
      }
      return checkFragment("@Index(columns = ...)", "expression", element, type, mirror, report)
          ? Optional.of(element) : Optional.empty();
    }
    String[] parts = element.split("\\s+", 2);
    Optional<String> column = sqlColumn("@Index", parts[0], table, type, mirror, report);
    if (column.isEmpty()) {
      return Optional.empty();
    }
    String options = dev.dbsync.schema.model.Index.keyOptions(parts.length == 1 ? "" : " " + parts[1]);
    if (options == null) {
      report.error(Messages.indexElementOptions(table.name(), written), type, mirror);
      return Optional.empty();
    }
    return Optional.of(column.get() + options);
  }

  private List<ForeignKeyElement> foreignKeys(TypeElement type, TableElement partial, Report.Builder report) {
    ForeignKey[] keys = type.getAnnotationsByType(ForeignKey.class);
    List<AnnotationMirror> mirrors = Annotations.repeated(type, ForeignKey.class, ForeignKey.List.class);
    List<ForeignKeyElement> result = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      ForeignKey key = keys[i];
      AnnotationMirror mirror = i < mirrors.size() ? mirrors.get(i) : null;
      List<String> sqlColumns = new ArrayList<>();
      for (String column : key.columns()) {
        sqlColumn("@ForeignKey", column, partial, type, mirror, report).ifPresent(sqlColumns::add);
      }
      if (sqlColumns.size() == key.columns().length) {
        result.add(new ForeignKeyElement(mirror, sqlColumns, referencedRecord(key),
            List.of(key.referencedColumns()), ReferentialAction.valueOf(key.onDelete().name()),
            ReferentialAction.valueOf(key.onUpdate().name()), key.name()));
      }
    }
    return result;
  }

  /**
   * The SQL name of the column {@code written} names (a component or SQL name) in {@code table}; empty, reported on
   * the record as unknown to {@code annotation}, when the table has no such column.
   */
  private static Optional<String> sqlColumn(String annotation, String written, TableElement table, TypeElement type,
      AnnotationMirror mirror, Report.Builder report) {
    Optional<ColumnElement> column = table.column(written);
    if (column.isEmpty()) {
      report.error(Messages.unknownColumn(annotation, table.name(), written,
          table.columns().stream().map(ColumnElement::componentName).toList()), type, mirror);
    }
    return column.map(c -> c.column().name());
  }

  /** The table with its columns only: what {@code @Index}, {@code @ForeignKey} and {@code @Unique} name columns of. */
  private static TableElement columnsOnly(TypeElement type, QualifiedName table, List<ColumnElement> columns) {
    return new TableElement(
        type, "", null, table, List.of(), columns, List.of(), List.of(), Set.of(), Set.of(), "", List.of(), List.of());
  }

  /** The record-level {@code @Unique} constraints, columns resolved; one naming an unknown column is left out. */
  private static List<UniqueElement> uniques(TypeElement type, TableElement partial, Report.Builder report) {
    QualifiedName table = partial.name();
    Unique[] uniques = type.getAnnotationsByType(Unique.class);
    List<AnnotationMirror> mirrors = Annotations.repeated(type, Unique.class, Unique.List.class);
    List<UniqueElement> result = new ArrayList<>();
    for (int i = 0; i < uniques.length; i++) {
      Unique unique = uniques[i];
      AnnotationMirror mirror = i < mirrors.size() ? mirrors.get(i) : null;
      if (unique.columns().length == 0) {
        report.error(Messages.uniqueWithoutColumns(table, type.getSimpleName().toString()), type, mirror);
        continue;
      }
      List<String> sqlColumns = new ArrayList<>();
      for (String column : unique.columns()) {
        Optional<String> found = sqlColumn("@Unique", column, partial, type, mirror, report);
        if (found.isPresent() && sqlColumns.contains(found.get())) {
          report.error(Messages.uniqueColumnTwice(table, found.get()), type, mirror);
        } else {
          found.ifPresent(sqlColumns::add);
        }
      }
      if (sqlColumns.size() == unique.columns().length) {
        String name = unique.name().isEmpty()
            ? table.name() + "_" + String.join("_", sqlColumns) + "_key" : unique.name();
        checkIdentifier("unique constraint", name, "Name it: @Unique(name = \"...\", columns = ...)", type, mirror,
            report);
        result.add(new UniqueElement(mirror, name, sqlColumns));
      }
    }
    return result;
  }

  /** A Class value is only available as a mirror: the class may not be loadable in the compiler. */
  private static TypeMirror referencedRecord(ForeignKey key) {
    try {
      key.references();
      throw new IllegalStateException("javac hands out Class values only as mirrors");
    } catch (MirroredTypeException e) {
      return e.getTypeMirror();
    }
  }

  /** The metamodel declares {@code TABLE} and one constant per component: none may coincide. */
  private static void checkConstants(List<ColumnElement> columns, Report.Builder report) {
    Map<String, String> constants = new HashMap<>();
    constants.put("TABLE", "(the table name)");
    for (ColumnElement column : columns) {
      String constant = Names.constantName(column.componentName());
      String other = constants.putIfAbsent(constant, column.componentName());
      if (other != null) {
        report.error(Messages.constantClash(constant, column.componentName(), other), column.component(), null);
      }
    }
  }

  /** A schema name: an identifier without a dot (dbsync separates schema and name at the first dot). */
  private static void checkSchema(
      String schema, String fix, Element element, AnnotationMirror mirror, Report.Builder report) {
    checkIdentifier("schema", schema, fix, element, mirror, report);
    if (schema.contains(".")) {
      report.error(Messages.invalidIdentifier("schema", schema, Messages.DOT_IN_SCHEMA, fix), element, mirror);
    }
  }

  static void checkIdentifier(
      String what, String name, String fix, Element element, AnnotationMirror mirror, Report.Builder report) {
    String problem = Identifiers.problem(name);
    if (problem != null) {
      report.error(Messages.invalidIdentifier(what, name, problem, fix), element, mirror);
    }
  }
}
