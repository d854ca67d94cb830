package dev.dbsync.maven;

import dev.dbsync.commands.Auto;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn dbsync:auto}: see {@link Auto}. */
@Mojo(name = "auto", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class AutoMojo extends DbSyncMojo {
  public AutoMojo() {
    super(new Auto());
  }
}
