package dev.dbsync.maven;

import dev.dbsync.commands.Command;
import dev.dbsync.commands.Commands;
import dev.dbsync.commands.Console;
import dev.dbsync.commands.ExitCode;
import dev.dbsync.commands.Option;
import dev.dbsync.commands.Session;
import dev.dbsync.runtime.engine.Settings;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that runs one of the {@link Commands}: the options below are the commands' {@link Option}s, each
 * settable in the pom's {@code <configuration>} and overridden by {@code -D<property>} on the command line; unset,
 * they come from {@code DBSYNC_*} in the environment, and the project's compiled classes are where {@code db/migration} and
 * {@code db/dbsync/schema.json} come from. Exit code 1 (drift) fails the build with a
 * {@link MojoFailureException}, exit code 2 (error) with a {@link MojoExecutionException}.
 */
public abstract class DbSyncMojo extends AbstractMojo {
  /** JDBC URL of the database ({@code DBSYNC_URL}). */
  @Parameter(property = "dbsync.url")
  private String url;

  /** Database user ({@code DBSYNC_USER}). */
  @Parameter(property = "dbsync.user")
  private String user;

  /** Database password ({@code DBSYNC_PASSWORD}); prefer the environment variable or settings. */
  @Parameter(property = "dbsync.password")
  private String password;

  /** {@code text} (default) or {@code json}: one JSON document on stdout. */
  @Parameter(property = "dbsync.format")
  private String format;

  /** {@code development} (default) or {@code production} ({@code DBSYNC_MODE}). */
  @Parameter(property = "dbsync.mode")
  private String mode;

  /** How long a migration statement may wait for a table lock ({@code DBSYNC_LOCK_TIMEOUT}). */
  @Parameter(property = "dbsync.lock.timeout")
  private String lockTimeout;

  /** Limit per migration statement ({@code DBSYNC_STATEMENT_TIMEOUT}). */
  @Parameter(property = "dbsync.statement.timeout")
  private String statementTimeout;

  /** How long to wait for another migration's lock ({@code DBSYNC_LOCK_WAIT}). */
  @Parameter(property = "dbsync.lock.wait")
  private String lockWait;

  /** Destructive migrations production mode may apply: true, or versions ({@code DBSYNC_ALLOW_DESTRUCTIVE}). */
  @Parameter(property = "dbsync.allow.destructive")
  private String allowDestructive;

  /** pg_dump the database there before applying anything ({@code DBSYNC_BACKUP_DIR}). */
  @Parameter(property = "dbsync.backup.dir")
  private String backupDir;

  /** Backups kept ({@code DBSYNC_BACKUP_RETENTION}). */
  @Parameter(property = "dbsync.backup.retention")
  private String backupRetention;

  /** History table ({@code DBSYNC_HISTORY_TABLE}). */
  @Parameter(property = "dbsync.history.table")
  private String historyTable;

  /** Whether a verification mismatch fails migrate in development ({@code DBSYNC_FAIL_ON_DRIFT}). */
  @Parameter(property = "dbsync.fail.on.drift")
  private String failOnDrift;

  /** Skips the goal. */
  @Parameter(property = "dbsync.skip", defaultValue = "false")
  private boolean skip;

  /** The compiled classes and resources ({@code target/classes}). */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
  private File classesDirectory;

  /** The project's runtime class path: migrations may also come from a dependency's jar. */
  @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
  private List<String> classpathElements;

  private final Command command;

  protected DbSyncMojo(Command command) {
    this.command = command;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("dbsync:" + command.name() + " skipped (dbsync.skip)");
      return;
    }
    if (command.readsProject() && !classesDirectory.isDirectory()) {
      throw new MojoExecutionException(MavenMessages.notCompiled(classesDirectory, command.name()));
    }
    boolean json = "json".equalsIgnoreCase(format);
    Console console = new Console() {
      @Override
      public void out(String text) {
        if (json) {
          System.out.println(text); // the document alone, not wrapped in [INFO] lines
        } else {
          text.lines().forEach(line -> getLog().info(line));
        }
      }

      @Override
      public void err(String text) {
        text.lines().forEach(line -> getLog().error(line));
      }

      @Override
      public boolean terminal() {
        return false; // Maven's own output decides colours; reports stay plain
      }
    };
    Map<Option, String> options = new HashMap<>();
    options.put(Option.URL, url);
    options.put(Option.USER, user);
    options.put(Option.PASSWORD, password);
    options.put(Option.FORMAT, format);
    options.put(Option.MODE, mode);
    options.put(Option.LOCK_TIMEOUT, lockTimeout);
    options.put(Option.STATEMENT_TIMEOUT, statementTimeout);
    options.put(Option.LOCK_WAIT, lockWait);
    options.put(Option.ALLOW_DESTRUCTIVE, allowDestructive);
    options.put(Option.BACKUP_DIR, backupDir);
    options.put(Option.BACKUP_RETENTION, backupRetention);
    options.put(Option.HISTORY_TABLE, historyTable);
    options.put(Option.FAIL_ON_DRIFT, failOnDrift);
    options.putAll(goalOptions());
    for (Option option : command.options()) {
      // -Ddbsync.url=... on the command line wins over the pom's <configuration>, which Maven would prefer
      String commandLine = System.getProperty(option.property());
      if (commandLine != null) {
        options.put(option, commandLine);
      }
    }
    Session session = new Session(options, projectClassLoader(), console, Settings.systemEnvironment(),
        option -> "-D" + option.property());
    ExitCode exit = Commands.run(command, session);
    switch (exit) {
      case OK -> { }
      case DRIFT -> throw new MojoFailureException(MavenMessages.drift(command.name()));
      case ERROR -> throw new MojoExecutionException(MavenMessages.error(command.name()));
    }
  }

  /** The options only this goal has (pull's package and directories), as the pom or -D set them. */
  protected Map<Option, String> goalOptions() {
    return Map.of();
  }

  private ClassLoader projectClassLoader() throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    List<String> elements = new ArrayList<>(classpathElements);
    if (!elements.contains(classesDirectory.getPath())) {
      elements.add(0, classesDirectory.getPath());
    }
    for (String element : elements) {
      try {
        urls.add(new File(element).toURI().toURL());
      } catch (MalformedURLException e) {
        throw new MojoExecutionException("Invalid class path element " + element, e);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }
}
