package dev.dbsync.maven;

import dev.dbsync.commands.Discard;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn dbsync:discard}: see {@link Discard}. Works on this module: its {@code target/classes} and
 * {@code src/main/resources}; with {@code -Ddbsync.url} (or {@code DBSYNC_URL}) it also takes the development database
 * back.
 */
@Mojo(name = "discard", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class DiscardMojo extends DbSyncMojo {
  public DiscardMojo() {
    super(new Discard());
  }
}
