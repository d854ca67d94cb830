package dev.dbsync.runtime.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import dev.dbsync.MigrationException;

/**
 * Lists the migrations of one class-path location ({@code db/migration}): every directory or jar that holds
 * it, and only those, so startup never scans the whole class path. The same file (name and content) found
 * under two roots counts once; two different files with one version are an error. Directories are listed on
 * every call (a file added by hand is found); a jar's listing is remembered per JVM, since a jar does not change
 * while it is on the class path.
 */
public final class MigrationLocation {
  public static final String DEFAULT = "db/migration";

  private static final System.Logger LOG = System.getLogger(MigrationLocation.class.getName());
  private static final Map<String, List<JarListing>> JAR_LISTINGS = new ConcurrentHashMap<>();

  /** What a file name says, parsed once per JVM. */
  private record Name(MigrationVersion version, String description) {}

  private static final Map<String, Name> NAMES = new ConcurrentHashMap<>();

  private record JarListing(String entryName, long crc, long size) {}

  private record FileStamp(FileTime modified, long size) {}

  private record EntryStamp(long crc, long size) {}

  private final ClassLoader classLoader;
  private final String location;

  public MigrationLocation(ClassLoader classLoader, String location) {
    this.classLoader = classLoader;
    this.location = location;
  }

  public ClassLoader classLoader() {
    return classLoader;
  }

  /** The migrations found, ordered by version; two files with the same version are an error. */
  public List<MigrationFile> migrations() {
    List<MigrationFile> found = new ArrayList<>();
    try {
      Enumeration<URL> roots = classLoader.getResources(location);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        switch (root.getProtocol()) {
          case "file" -> listDirectory(root, found);
          case "jar" -> listJar(root, found);
          default -> throw new MigrationException(EngineMessages.unsupportedLocation(root.toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(EngineMessages.unlistable(location), e);
    }
    found.sort(Comparator.comparing(MigrationFile::version)); // stable: class path order within a version
    List<MigrationFile> distinct = new ArrayList<>();
    for (MigrationFile file : found) {
      MigrationFile previous = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
      if (previous == null || !file.version().sameAs(previous.version())) {
        distinct.add(file);
      } else if (!previous.script().equals(file.script()) || previous.checksum() != file.checksum()) {
        throw new MigrationException(
            EngineMessages.duplicateVersion(file.version(), previous.origin(), file.origin()));
      }
      // else the same file reached through two class path roots (a build that copies resources to both): once
    }
    return distinct;
  }

  private void listDirectory(URL root, List<MigrationFile> found) throws IOException {
    Path directory;
    try {
      directory = Path.of(root.toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    // walkFileTree hands each file's attributes over from the walk itself: one stat per file, no second one
    Files.walkFileTree(directory, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        String script = directory.relativize(file).toString().replace('\\', '/');
        if (attributes.isRegularFile() && script.endsWith(".sql")) {
          add(found, script, file.toString(), new FileStamp(attributes.lastModifiedTime(), attributes.size()),
              () -> Files.readAllBytes(file));
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private void listJar(URL root, List<MigrationFile> found) throws IOException {
    String rootText = root.toString();
    String jarUrl = rootText.substring(0, rootText.lastIndexOf("!/") + 2);
    List<JarListing> listing = JAR_LISTINGS.get(rootText);
    if (listing == null) {
      listing = readJarListing(root);
      JAR_LISTINGS.put(rootText, listing);
    }
    String prefix = location + "/";
    for (JarListing entry : listing) {
      String origin = jarUrl + entry.entryName();
      add(found, entry.entryName().substring(prefix.length()), origin, new EntryStamp(entry.crc(), entry.size()),
          () -> {
            try (InputStream in = new URL(origin).openStream()) {
              return in.readAllBytes();
            }
          });
    }
  }

  private static List<JarListing> readJarListing(URL root) throws IOException {
    JarURLConnection connection = (JarURLConnection) root.openConnection();
    JarFile jar = connection.getJarFile(); // shared by the JDK's jar cache: not ours to close
    String prefix = connection.getEntryName() + "/";
    List<JarListing> listing = new ArrayList<>();
    for (JarEntry entry : Collections.list(jar.entries())) {
      if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".sql") && !entry.isDirectory()) {
        listing.add(new JarListing(entry.getName(), entry.getCrc(), entry.getSize()));
      }
    }
    return List.copyOf(listing);
  }

  private static void add(
      List<MigrationFile> found, String script, String origin, Object stamp, MigrationFile.Content content) {
    String fileName = script.substring(script.lastIndexOf('/') + 1);
    int separator = fileName.indexOf("__");
    if (fileName.startsWith("R__")) {
      throw new MigrationException(EngineMessages.repeatableUnsupported(origin));
    }
    if (!fileName.startsWith("V") || separator < 0) {
      LOG.log(System.Logger.Level.WARNING, EngineMessages.ignoredFile(origin));
      return;
    }
    Name name = NAMES.computeIfAbsent(fileName, n -> new Name(
        MigrationVersion.parseOrNull(n.substring(1, separator)),
        n.substring(separator + 2, n.length() - ".sql".length()).replace('_', ' ')));
    if (name.version() == null) {
      throw new MigrationException(EngineMessages.invalidVersion(origin));
    }
    found.add(new MigrationFile(name.version(), name.description(), script, origin, stamp, content));
  }
}
