package dev.dbsync.maven;

import dev.dbsync.commands.Check;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn dbsync:check}: see {@link Check}. */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CheckMojo extends DbSyncMojo {
  public CheckMojo() {
    super(new Check());
  }
}
