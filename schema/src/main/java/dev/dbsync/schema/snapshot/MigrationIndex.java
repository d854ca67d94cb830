package dev.dbsync.schema.snapshot;

import dev.dbsync.schema.sql.FlywayChecksum;
import dev.dbsync.schema.sql.NonTransactional;
import dev.dbsync.schema.sql.SqlScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * {@code db/dbsync/migrations.index}, written by the processor beside the snapshot: one line per migration file
 * under {@code db/migration} (generated and hand-written), so that the runtime reads one resource at startup
 * instead of opening every file. Each line holds what the runtime would otherwise compute from the file (its
 * version and Flyway checksum, whether it can run in a transaction) and what lets the runtime check that the file
 * is still the one indexed without reading it: its size and the CRC-32 of its bytes, which is what a jar's
 * central directory records for each entry.
 *
 * <pre>
 * V1__create_users.sql	1	112	5b1e8f0a	-1289376517	transactional
 * </pre>
 *
 * @param entries in the order written (the processor's: by version, then name)
 */
public record MigrationIndex(List<Entry> entries) {
  public static final String RESOURCE = "db/dbsync/migrations.index";

  private static final String HEADER = "# dbsync migration index 1: script, version, size, crc32, flyway checksum,"
      + " transactional. Written by the compiler; the runtime checks each file against it.";

  /**
   * One file.
   *
   * @param script its name under {@code db/migration}
   * @param version the version its name gives, as Flyway stores it ({@code 1_1} is {@code 1.1})
   * @param size its length in bytes
   * @param crc32 the CRC-32 of its bytes
   * @param checksum Flyway's checksum of its text (see {@link FlywayChecksum})
   * @param transactional false when a statement cannot run in a transaction block
   */
  public record Entry(String script, String version, long size, long crc32, int checksum, boolean transactional) {
    /** The entry of the file {@code script} whose content is {@code bytes}. */
    public static Entry of(String script, String version, byte[] bytes) {
      String text = FlywayChecksum.decode(bytes);
      return new Entry(script, version, bytes.length, MigrationIndex.crc32(bytes), FlywayChecksum.of(text),
          NonTransactional.first(SqlScript.split(text)).isEmpty());
    }
  }

  public MigrationIndex {
    entries = List.copyOf(entries);
  }

  /** The CRC-32 of {@code bytes}, as a zip entry records it. */
  public static long crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }

  /** The file's text: deterministic, LF line ends. */
  public String text() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (Entry e : entries) {
      text.append(e.script()).append('\t').append(e.version()).append('\t').append(e.size()).append('\t')
          .append(String.format(Locale.ROOT, "%08x", e.crc32())).append('\t').append(e.checksum()).append('\t')
          .append(e.transactional() ? "transactional" : "non-transactional").append('\n');
    }
    return text.toString();
  }

  /** The entries by script name. */
  public Map<String, Entry> byScript() {
    Map<String, Entry> byScript = new HashMap<>();
    for (Entry e : entries) {
      byScript.put(e.script(), e);
    }
    return byScript;
  }

  /** Reads {@link #text()}; a line that is not one of its lines makes it unreadable (empty): never half-trusted. */
  public static Optional<MigrationIndex> parse(String text) {
    List<Entry> entries = new ArrayList<>();
    // read at every start: no regular expression, and no lambda (a class generated at first use)
    for (int start = 0, end; start < text.length(); start = end + 1) {
      end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 6 || !(fields[5].equals("transactional") || fields[5].equals("non-transactional"))) {
        return Optional.empty();
      }
      try {
        entries.add(new Entry(fields[0], fields[1], Long.parseLong(fields[2]), Long.parseLong(fields[3], 16),
            Integer.parseInt(fields[4]), fields[5].equals("transactional")));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.of(new MigrationIndex(entries));
  }
}
