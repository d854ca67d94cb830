package dev.dbsync.maven;

import dev.dbsync.commands.Repair;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn dbsync:repair}: see {@link Repair}. */
@Mojo(name = "repair", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RepairMojo extends DbSyncMojo {
  public RepairMojo() {
    super(new Repair());
  }
}
