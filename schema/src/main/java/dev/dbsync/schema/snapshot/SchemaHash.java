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

  /** The hash of {@link Schema#EMPTY}: where the first migration starts. */
  public static final String EMPTY = of(Schema.EMPTY);

  private SchemaHash() {}

  /** 16 lower-case hex characters of SHA-256 over the snapshot text of the schema without class names. */
  public static String of(Schema schema) {
    synchronized (RECENT) {
      for (int i = 0; i < RECENT.length; i += 2) {
        if (RECENT[i] == schema) {
          return (String) RECENT[i + 1];
        }
      }
    }
    String hash = compute(schema);
    synchronized (RECENT) {
      System.arraycopy(RECENT, 0, RECENT, 2, RECENT.length - 2);
      RECENT[0] = schema;
      RECENT[1] = hash;
    }
    return hash;
  }

  private static String compute(Schema schema) {
    byte[] text = SnapshotCodec.write(schema.withoutClassNames()).getBytes(StandardCharsets.UTF_8);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
