package dev.dbsync.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built jar run as users run it: {@code java -jar dbsync-cli-<version>.jar ...}, a process of its own. */
final class Cli {
  private Cli() {}

  /** What one run printed and returned. */
  record Run(int exit, String out, String err) {
    String all() {
      return out + err;
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("dbsync.cli.jar", "target/dbsync-cli.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the CLI jar " + jar + " is not built: run these tests with mvn verify");
    }
    return jar;
  }

  static Run run(Path workingDirectory, Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", // a short-lived process: the C1 compiler alone starts it sooner
        "-jar", jar().toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("DBSYNC_")); // only what the test gives
    builder.environment().putAll(environment);
    try {
      Path out = Files.createTempFile("dbsync-cli", ".out");
      Path err = Files.createTempFile("dbsync-cli", ".err");
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      process.getOutputStream().close(); // no standard input: nothing may wait for an answer
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("dbsync " + String.join(" ", args) + " did not end within 120 s");
      }
      Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
