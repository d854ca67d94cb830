package dev.dbsync.runtime.engine;

import dev.dbsync.schema.sql.FlywayChecksum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A versioned migration as found in the migration location: {@code V<version>__<description>.sql}. Its
 * checksum is computed from the file as it is now, and remembered per JVM only while the file's stamp (size
 * and modification time, or a jar entry's CRC, as listed) stays the same, so an unchanged file is not read
 * again.
 */
public record MigrationFile(
    MigrationVersion version, String description, String script, String origin, Object stamp, Content content) {

  /** Where the bytes come from. */
  @FunctionalInterface
  public interface Content {
    byte[] read() throws IOException;
  }

  private record Remembered(Object stamp, int checksum) {}

  private static final Map<String, Remembered> CHECKSUMS = new ConcurrentHashMap<>();

  /** A checksum known without reading the file (from the migration index), valid while its stamp stays. */
  static void remember(String origin, Object stamp, int checksum) {
    CHECKSUMS.put(origin, new Remembered(stamp, checksum));
  }

  public int checksum() {
    Remembered remembered = CHECKSUMS.get(origin);
    // the index's stamp is the listing's own object: identity first spares a fresh JVM the first call of a
    // record's equals (its bootstrap costs ~30 ms of CPU, a large part of a first no-op)
    if (remembered != null && (remembered.stamp() == stamp || remembered.stamp().equals(stamp))) {
      return remembered.checksum();
    }
    return FlywayChecksum.of(text());
  }

  /** The script's text (UTF-8, byte order mark removed); remembers its checksum. */
  public String text() {
    try {
      String text = FlywayChecksum.decode(content.read());
      CHECKSUMS.put(origin, new Remembered(stamp, FlywayChecksum.of(text)));
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(EngineMessages.unreadable(origin), e);
    }
  }
}
