package dev.dbsync.maven;

import dev.dbsync.commands.Push;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn dbsync:push}: see {@link Push}. */
@Mojo(name = "push", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class PushMojo extends DbSyncMojo {
  public PushMojo() {
    super(new Push());
  }
}
