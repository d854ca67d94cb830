package dev.dbsync.commands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The few questions {@code discard} asks git, answered by the {@code git} command of the machine. */
final class Git {
  private final Path root;

  private Git(Path root) {
    this.root = root;
  }

  /** The repository {@code directory} belongs to, or empty when it is in none (or git is not installed). */
  static Optional<Git> of(Path directory) {
    try {
      Output top = run(directory, "rev-parse", "--show-toplevel");
      return top.exitCode() == 0 ? Optional.of(new Git(Path.of(top.text().strip()).toRealPath())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether the repository has a commit at all (a new one has none). */
  boolean hasHead() throws IOException {
    return run(root, "rev-parse", "--verify", "-q", "HEAD").exitCode() == 0;
  }

  /** The files under {@code directory} that the last commit holds. */
  Set<Path> committed(Path directory) throws IOException {
    Set<Path> files = new TreeSet<>();
    if (!hasHead()) {
      return files;
    }
    Output listing = check(run(root, "ls-tree", "-r", "--name-only", "--full-tree", "-z", "HEAD", "--",
        relative(directory)));
    for (String name : listing.text().split("\0")) {
      if (!name.isEmpty()) {
        files.add(root.resolve(name));
      }
    }
    return files;
  }

  /** The content of {@code file} in the last commit, or empty when it has none. */
  Optional<String> committedText(Path file) throws IOException {
    if (!hasHead()) {
      return Optional.empty();
    }
    Output show = run(root, "show", "HEAD:" + relative(file));
    return show.exitCode() == 0 ? Optional.of(show.text()) : Optional.empty();
  }

  /** Takes {@code file} out of the index (a {@code git add} not committed); the working file is left. */
  void unstage(Path file) throws IOException {
    check(run(root, "rm", "-q", "--cached", "--ignore-unmatch", "--", relative(file)));
  }

  /** The index and the working file back to the last commit's version. */
  void restore(Path file) throws IOException {
    check(run(root, "checkout", "HEAD", "--", relative(file)));
  }

  private String relative(Path path) throws IOException {
    Path real = path.toAbsolutePath().normalize();
    Path existing = real;
    while (existing != null && !existing.toFile().exists()) {
      existing = existing.getParent();
    }
    // the file itself may be gone: resolve symbolic links (/tmp on some systems) on the part that exists
    Path resolved = existing == null ? real : existing.toRealPath().resolve(existing.relativize(real));
    String name = root.relativize(resolved).toString().replace('\\', '/');
    return name.isEmpty() ? "." : name;
  }

  private record Output(int exitCode, String text) {}

  private static Output check(Output output) {
    if (output.exitCode() != 0) {
      throw new UncheckedIOException(new IOException("git failed: " + output.text().strip()));
    }
    return output;
  }

  private static Output run(Path directory, String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    Process process = builder.start();
    try (InputStream in = process.getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Output(process.waitFor(), text);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
      throw new IOException("interrupted while git " + String.join(" ", arguments), e);
    }
  }
}
