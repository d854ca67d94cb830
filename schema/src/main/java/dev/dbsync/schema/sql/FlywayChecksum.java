package dev.dbsync.schema.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Flyway's checksum of an SQL migration, reproduced only so that the history rows are Flyway's: CRC32 over
 * the UTF-8 bytes of each line as {@code readLine()} returns it (terminators dropped, so LF, CRLF and a
 * missing final newline agree), a leading byte order mark stripped, stored as a signed int.
 */
public final class FlywayChecksum {
  private FlywayChecksum() {}

  public static int of(String text) {
    CRC32 crc = new CRC32();
    try (BufferedReader lines = new BufferedReader(new StringReader(withoutBom(text)))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return (int) crc.getValue();
  }

  /** The script text as Flyway reads it: UTF-8, byte order mark removed. */
  public static String decode(byte[] bytes) {
    return withoutBom(new String(bytes, StandardCharsets.UTF_8));
  }

  private static String withoutBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
