package dev.dbsync.maven;

import dev.dbsync.commands.Migrate;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn dbsync:migrate}: see {@link Migrate}. */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MigrateMojo extends DbSyncMojo {
  public MigrateMojo() {
    super(new Migrate());
  }
}
