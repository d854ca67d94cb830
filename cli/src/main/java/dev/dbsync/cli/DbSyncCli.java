package dev.dbsync.cli;

import dev.dbsync.commands.Command;
import dev.dbsync.commands.Commands;
import dev.dbsync.commands.Console;
import dev.dbsync.commands.ExitCode;
import dev.dbsync.commands.Option;
import dev.dbsync.commands.Session;
import dev.dbsync.runtime.engine.Settings;
import java.io.File;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code dbsync} command line: one subcommand per {@link Commands#all() command}, each with every
 * {@link Option#ALL option} plus {@code --classpath}. Built from those lists, so a new command or option needs no
 * code here.
 */
public final class DbSyncCli {
  static final String CLASSPATH = "--classpath";
  static final String DEFAULT_CLASSPATH = "target/classes";

  private DbSyncCli() {}

  public static void main(String[] args) {
    // the commands print what the runtime did; its INFO log lines would say it twice
    Logger.getLogger("").setLevel(Level.WARNING);
    System.exit(run(args, System.out, System.err, System.console() != null));
  }

  static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
    CommandLine line = new CommandLine(spec());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    ParseResult parsed;
    try {
      parsed = line.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      err.println(e.getMessage());
      err.println("See 'dbsync --help', or 'dbsync " + (e.getCommandLine().getCommandName().equals("dbsync")
          ? "<command>" : e.getCommandLine().getCommandName()) + " --help'.");
      return ExitCode.ERROR.code();
    }
    if (CommandLine.printHelpIfRequested(parsed)) {
      return ExitCode.OK.code();
    }
    if (!parsed.hasSubcommand()) {
      line.usage(err);
      return ExitCode.ERROR.code();
    }
    ParseResult sub = parsed.subcommand();
    Command command = Commands.named(sub.commandSpec().name()).orElseThrow();
    Console console = new Console() {
      @Override
      public void out(String text) {
        out.println(text);
      }

      @Override
      public void err(String text) {
        err.println(text);
      }

      @Override
      public boolean terminal() {
        return terminal;
      }
    };
    Map<Option, String> options = new HashMap<>();
    for (Option option : command.options()) {
      if (sub.hasMatchedOption(option.cliName())) {
        options.put(option, sub.matchedOptionValue(option.cliName(), (String) null));
      }
    }
    ClassLoader project = ClassLoader.getPlatformClassLoader(); // pull writes a project rather than reading one
    if (command.readsProject()) {
      try {
        project = projectClassLoader(sub.matchedOptionValue(CLASSPATH, (String) null));
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        return ExitCode.ERROR.code();
      }
    }
    Session session = new Session(options, project, console, Settings.systemEnvironment(), Option::cliName);
    return Commands.run(command, session).code();
  }

  /** The compiled project: {@code --classpath} directories and jars, else {@code target/classes}. */
  private static ClassLoader projectClassLoader(String given) {
    List<URL> urls = new ArrayList<>();
    String entries = given != null ? given : DEFAULT_CLASSPATH;
    for (String entry : entries.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw new IllegalArgumentException(given != null
            ? CliMessages.classpathMissing(path)
            : CliMessages.defaultClasspathMissing(path.toAbsolutePath()));
      }
      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(CliMessages.classpathMissing(path), e);
      }
    }
    // nothing but the project: the CLI's own jar holds no migrations, and must not shadow the project's
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  static CommandSpec spec() {
    CommandSpec root = CommandSpec.create().name("dbsync").mixinStandardHelpOptions(true)
        .version("dbsync " + version());
    root.usageMessage()
        .description(CliMessages.DESCRIPTION)
        .footerHeading("%n")
        .footer(CliMessages.FOOTER);
    for (Command command : Commands.all()) {
      CommandSpec sub = CommandSpec.create().name(command.name()).mixinStandardHelpOptions(true);
      sub.usageMessage()
          .headerHeading("%n")
          .header(command.summary())
          .descriptionHeading("%n")
          .description(paragraphs(command.description()))
          .optionListHeading("%nOptions (each falls back to the environment variable in brackets):%n")
          .footerHeading("%n")
          .footer(CliMessages.COMMAND_FOOTER);
      if (command.readsProject()) {
        sub.addOption(OptionSpec.builder(CLASSPATH).paramLabel("<dir|jar>").type(String.class)
            .description(CliMessages.CLASSPATH_DESCRIPTION).build());
      }
      for (Option option : command.options()) {
        OptionSpec.Builder spec = OptionSpec.builder(option.cliName()).paramLabel(option.label()).type(String.class)
            .description(option.description() + (option.variable() == null ? "" : " [" + option.variable() + "]"));
        if (option.isFlag()) {
          spec.arity("0..1").fallbackValue("true"); // --overwrite alone
        }
        sub.addOption(spec.build());
      }
      root.addSubcommand(command.name(), sub);
    }
    return root;
  }

  /** The description's lines joined for picocli to wrap; its exit-code sentence stays a paragraph of its own. */
  private static String[] paragraphs(String description) {
    return Arrays.stream(description.split("\n(?=Exit )"))
        .map(paragraph -> paragraph.replace('\n', ' '))
        .toArray(String[]::new);
  }

  private static String version() {
    String version = DbSyncCli.class.getPackage().getImplementationVersion();
    return version != null ? version : "(development build)";
  }
}
