package dev.dbsync.maven;

import dev.dbsync.commands.Sync;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn compile dbsync:sync}: compile (the processor writes the migration), then apply it; see {@link Sync}.
 * Bound in a pom it runs after compile.
 */
@Mojo(name = "sync", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class SyncMojo extends DbSyncMojo {
  public SyncMojo() {
    super(new Sync());
  }
}
