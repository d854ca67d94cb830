package dev.dbsync.engine;

import dev.dbsync.ApplyResult;
import dev.dbsync.MigrationException;
import java.nio.file.Path;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What one application instance does at startup, in a JVM of its own: {@code ChildApply <jdbc url> <root>}
 * applies {@code <root>/db/migration}, prints the summary, exits 0 (or 1 with the error).
 */
public final class ChildApply {
  private ChildApply() {}

  public static void main(String[] args) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(args[0]);
    try {
      ApplyResult result = Migrations.in(Path.of(args[1])).apply(ds);
      System.out.println(result.summary());
    } catch (MigrationException e) {
      System.out.println(e.getMessage());
      System.exit(1);
    }
  }
}
