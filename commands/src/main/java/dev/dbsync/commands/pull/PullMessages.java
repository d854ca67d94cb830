package dev.dbsync.commands.pull;

import dev.dbsync.schema.model.QualifiedName;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The texts of {@code pull}: why a table stays unmanaged, refusals and failures, each with what to do. */
final class PullMessages {
  private PullMessages() {}

  static String typeNotDeclarable(String column, String type) {
    return "column " + column + " has type " + type + ", which @Column(type = ...) does not read back the same";
  }

  static String identityOptionNotDeclarable(String column) {
    return "identity column " + column + " has a sequence option of -9223372036854775808, which @Identity reads as"
        + " PostgreSQL's default (Identity.DEFAULT)";
  }

  static String primaryKeyOrder(List<String> keyOrder, List<String> columnOrder) {
    return "primary key columns " + keyOrder + " are not in column order " + columnOrder
        + " (@Id components declare the key in component order)";
  }

  static String indexEntry(String index, String entry) {
    return "index " + index + " has the entry '" + entry + "', which @Index(columns = ...) does not read back the same";
  }

  static String storageParameter(String index, String parameter) {
    return "index " + index + " has the storage parameter '" + parameter
        + "', which @Index(with = ...) does not read back the same";
  }

  static String referencesUnmanaged(String key, QualifiedName target) {
    return "foreign key " + key + " references " + target + ", which is not pulled as a record";
  }

  static String referencedColumnNotKey(String key, QualifiedName target, List<String> columns) {
    return "foreign key " + key + " references " + target + " " + columns
        + ", which is not its primary key, a unique constraint or a full unique index";
  }

  static String existingFiles(List<Path> files) {
    return "pull would overwrite files that exist:\n"
        + files.stream().map(f -> "  " + f).collect(Collectors.joining("\n"))
        + "\nMove them away, or pull again with overwrite (--overwrite, -Ddbsync.overwrite=true) to replace them.";
  }

  static String otherMigrations(Path directory, List<String> files) {
    return "pull writes the baseline V1__baseline.sql, but " + directory + " already holds " + String.join(", ", files)
        + ". A pulled baseline must start the migration history: pull into a project without migrations.";
  }

  static String invalidPackage(String packageName) {
    return "'" + packageName + "' is not a Java package name. Name one, e.g. --package com.example.db"
        + " (Maven: -Ddbsync.package=com.example.db).";
  }

  static String noSchemas() {
    return "no schema to pull: name at least one (default public).";
  }

  static String schemaMissing(List<String> schemas) {
    return "the database has no schema " + String.join(", ", schemas) + ". Name existing ones with --schemas.";
  }

  static String pgDumpFailed(String detail) {
    return "pg_dump could not write the baseline: " + detail
        + "\nInstall the PostgreSQL client (pg_dump of the server's major version or newer) on the PATH.";
  }

  static String databaseFailed(String detail) {
    return "reading the database failed: " + detail;
  }

  static String writeFailed(Path file, String detail) {
    return "writing " + file + " failed: " + detail;
  }
}
