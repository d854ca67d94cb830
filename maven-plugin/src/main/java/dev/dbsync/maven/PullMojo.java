package dev.dbsync.maven;

import dev.dbsync.commands.Option;
import dev.dbsync.commands.PullCommand;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn dbsync:pull -Ddbsync.package=com.example.db}: writes the records into the project's
 * {@code src/main/java} and the snapshot and baseline into its {@code src/main/resources}; see {@link PullCommand}.
 * It needs no compiled project: it is how a project starts.
 */
@Mojo(name = "pull", requiresProject = true, threadSafe = true)
public class PullMojo extends DbSyncMojo {
  /** The package of the records, e.g. {@code com.example.db} (required). */
  @Parameter(property = "dbsync.package")
  private String packageName;

  /** The schemas to read, separated by commas (default {@code public}). */
  @Parameter(property = "dbsync.schemas")
  private String schemas;

  /** Where the package goes. */
  @Parameter(property = "dbsync.source.dir", defaultValue = "${project.build.sourceDirectory}")
  private File sourceDir;

  /** Where {@code db/dbsync/schema.json} and {@code db/migration/V1__baseline.sql} go. */
  @Parameter(property = "dbsync.resources.dir", defaultValue = "${project.basedir}/src/main/resources")
  private File resourcesDir;

  /** Replace files that exist instead of refusing. */
  @Parameter(property = "dbsync.overwrite", defaultValue = "false")
  private boolean overwrite;

  public PullMojo() {
    super(new PullCommand());
  }

  @Override
  protected Map<Option, String> goalOptions() {
    Map<Option, String> options = new HashMap<>();
    options.put(Option.PACKAGE, packageName);
    options.put(Option.SCHEMAS, schemas);
    options.put(Option.SOURCE_DIR, sourceDir.getPath());
    options.put(Option.RESOURCES_DIR, resourcesDir.getPath());
    options.put(Option.OVERWRITE, String.valueOf(overwrite));
    return options;
  }
}
