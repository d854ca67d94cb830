package dev.dbsync.maven;

import dev.dbsync.commands.Baseline;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn dbsync:baseline}: see {@link Baseline}. */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class BaselineMojo extends DbSyncMojo {
  public BaselineMojo() {
    super(new Baseline());
  }
}
