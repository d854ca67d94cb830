package dev.dbsync.maven;

import dev.dbsync.commands.Status;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn dbsync:status}: see {@link Status}. */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StatusMojo extends DbSyncMojo {
  public StatusMojo() {
    super(new Status());
  }
}
