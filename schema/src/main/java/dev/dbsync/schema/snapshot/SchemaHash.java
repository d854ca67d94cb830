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
  /** The hash of {@link Schema#EMPTY}: where the first migration starts. */
  public static final String EMPTY = of(Schema.EMPTY);

  private SchemaHash() {}

  /** 16 lower-case hex characters of SHA-256 over the snapshot text of the schema without class names. */
  public static String of(Schema schema) {
    byte[] text = SnapshotCodec.write(schema.withoutClassNames()).getBytes(StandardCharsets.UTF_8);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
