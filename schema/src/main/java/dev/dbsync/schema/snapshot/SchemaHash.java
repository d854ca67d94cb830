package dev.dbsync.schema.snapshot;

import dev.dbsync.schema.model.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a schema as a database sees it: class names are left out, so moving a record to another
 * package changes no hash. Migration headers chain these hashes.
 */
public final class SchemaHash {
  /**
   * The last schemas hashed and their hashes, by identity: a compile hashes the snapshot and the compiled schema
   * several times (the processor, each migration header), and at 1,000 tables each hash writes ~60,000 lines of
   * snapshot text. A schema is deeply immutable, so its hash never changes. Declared before {@link #EMPTY}, which
   * the static initializer hashes.
   */
  private static final Object[] RECENT = new Object[4]; // schema, hash, schema, hash

  /** A table's class name in the snapshot text, from the line end before it. */
  private static final String CLASS_NAME_LINE = "\n      \"className\": ";

  /** The hash of {@link Schema#EMPTY}: where the first migration starts. */
  public static final String EMPTY = of(Schema.EMPTY);

  private SchemaHash() {}

  /** 16 lower-case hex characters of SHA-256 over the snapshot text of the schema without class names. */
  public static String of(Schema schema) {
    String known = recent(schema);
    return known != null ? known : remember(schema, fromSnapshotText(SnapshotCodec.write(schema)));
  }

  /**
   * {@link #of(Schema)} for a schema whose snapshot text ({@link SnapshotCodec#write}) the caller already has:
   * the processor writes that text anyway, and writing it again costs ~0.1 s at 1,000 tables.
   */
  public static String of(Schema schema, String snapshotText) {
    String known = recent(schema);
    return known != null ? known : remember(schema, fromSnapshotText(snapshotText));
  }

  private static String recent(Schema schema) {
    synchronized (RECENT) {
      for (int i = 0; i < RECENT.length; i += 2) {
        if (RECENT[i] == schema) {
          return (String) RECENT[i + 1];
        }
      }
    }
    return null;
  }

  private static String remember(Schema schema, String hash) {
    synchronized (RECENT) {
      System.arraycopy(RECENT, 0, RECENT, 2, RECENT.length - 2);
      RECENT[0] = schema;
      RECENT[1] = hash;
    }
    return hash;
  }

  /**
   * The hash over the text without its {@code "className"} lines, which is the text of the schema without class
   * names: the key sits on a line of its own, at a table's indentation, and is never a table's last key
   * ({@code "columns"} always follows it), so taking its line out leaves exactly what writing without it gives.
   */
  static String fromSnapshotText(String snapshotText) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    int start = 0;
    int found;
    while ((found = snapshotText.indexOf(CLASS_NAME_LINE, start)) >= 0) {
      sha256.update(snapshotText.substring(start, found + 1).getBytes(StandardCharsets.UTF_8));
      start = snapshotText.indexOf('\n', found + 1) + 1;
    }
    sha256.update(snapshotText.substring(start).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha256.digest(), 0, 8);
  }
}
