package dev.dbsync.runtime.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import dev.dbsync.MigrationException;
import dev.dbsync.schema.snapshot.MigrationIndex;
import dev.dbsync.schema.sql.FlywayChecksum;

/**
 * Lists the migrations of one class-path location ({@code db/migration}): every directory or jar that holds
 * it, and only those, so startup never scans the whole class path. The same file (name and content) found
 * under two roots counts once; two different files with one version are an error. Directories are listed on
 * every call (a file added by hand is found); a jar's listing is remembered per JVM, since a jar does not change
 * while it is on the class path.
 *
 * <p>A root that also holds the processor's {@link MigrationIndex} ({@code db/dbsync/migrations.index}) is read
 * through it: each file's checksum comes from the index instead of from reading the file, once the listing shows
 * the file is still the one indexed (a jar entry's size and CRC-32 from the jar's central directory; a file's size,
 * and a file modified after the index was written is read and compared). Files the index does not know (added
 * after the build) are read as without an index; files that differ from it are read, and their content is what
 * counts. Such a root's checked listing is remembered per JVM: a jar's for good, a directory's while neither the
 * index nor any directory of the location was modified (adding, removing or renaming a file modifies its
 * directory), so a warm no-op costs one {@code stat} per directory instead of one per file.
 */
public final class MigrationLocation {
  public static final String DEFAULT = "db/migration";

  private static final System.Logger LOG = System.getLogger(MigrationLocation.class.getName());
  private static final Map<String, List<JarListing>> JAR_LISTINGS = new ConcurrentHashMap<>();

  /** What a file name says, parsed once per JVM. */
  private record Name(MigrationVersion version, String description) {}

  private static final Map<String, Name> NAMES = new ConcurrentHashMap<>();

  /**
   * By version. Classes rather than lambdas on the path of every start ({@code Comparator.comparing}, {@code forEach}
   * with a lambda): each lambda is a class generated at first use, ~0.5 ms in a fresh JVM.
   */
  private static final Comparator<MigrationFile> BY_VERSION = new Comparator<>() {
    @Override
    public int compare(MigrationFile a, MigrationFile b) {
      return a.version().compareTo(b.version());
    }
  };

  private record JarListing(String entryName, long crc, long size) {}

  private record FileStamp(FileTime modified, long size) {}

  private record EntryStamp(long crc, long size) {}

  /** A file as a listing shows it, before its checksum is known. */
  private record Listed(String script, String origin, Object stamp, long size, long crc, FileTime modified,
      MigrationFile.Content content) {}

  /** The index of a directory root and when it was written, as its attributes said. */
  private record IndexStamp(FileTime modified, long size) {}

  /**
   * A directory root's listing checked against its index, and what must not have changed for it to hold: the
   * index's stamp and the modification time of every directory walked.
   */
  private record CheckedDirectory(IndexStamp index, Map<Path, FileTime> directories, List<MigrationFile> files) {}

  private static final Map<String, CheckedDirectory> CHECKED_DIRECTORIES = new ConcurrentHashMap<>();
  private static final Map<String, List<MigrationFile>> CHECKED_JARS = new ConcurrentHashMap<>();

  /** The result of the last call for a location and its roots, and the checked listings it was made of. */
  private record Listing(List<List<MigrationFile>> parts, List<MigrationFile> migrations) {}

  private static final Map<String, Listing> LISTINGS = new ConcurrentHashMap<>();

  private final ClassLoader classLoader;
  private final String location;

  public MigrationLocation(ClassLoader classLoader, String location) {
    this.classLoader = classLoader;
    this.location = location;
  }

  public ClassLoader classLoader() {
    return classLoader;
  }

  /**
   * The migrations found, ordered by version; two files with the same version are an error. While every root's
   * checked listing is the remembered one, the very list of the previous call is returned: the engine knows it
   * by identity (see {@link ValidatedHistories}).
   */
  public List<MigrationFile> migrations() {
    List<MigrationFile> found = new ArrayList<>();
    List<List<MigrationFile>> parts = new ArrayList<>();
    StringBuilder roots = new StringBuilder(location);
    try {
      Enumeration<URL> urls = classLoader.getResources(location);
      while (urls.hasMoreElements()) {
        URL root = urls.nextElement();
        roots.append('\n').append(root);
        switch (root.getProtocol()) {
          case "file" -> parts.add(listDirectory(root, found));
          case "jar" -> parts.add(listJar(root, found));
          default -> throw new MigrationException(EngineMessages.unsupportedLocation(root.toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(EngineMessages.unlistable(location), e);
    }
    if (parts.contains(null)) {
      return ordered(found); // a root without an index, listed afresh on every call
    }
    String key = roots.toString();
    Listing last = LISTINGS.get(key);
    if (last != null && sameInstances(last.parts(), parts)) {
      return last.migrations();
    }
    List<MigrationFile> migrations = ordered(found);
    LISTINGS.put(key, new Listing(List.copyOf(parts), migrations));
    return migrations;
  }

  private static boolean sameInstances(List<List<MigrationFile>> a, List<List<MigrationFile>> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** By version, each file once; two different files with one version are an error. */
  private static List<MigrationFile> ordered(List<MigrationFile> found) {
    found.sort(BY_VERSION); // stable: class path order within a version
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
    return List.copyOf(distinct);
  }

  /** Adds the files of a directory root; returns its remembered checked listing, or null when listed afresh. */
  private List<MigrationFile> listDirectory(URL root, List<MigrationFile> found) throws IOException {
    Path directory;
    try {
      directory = Path.of(root.toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    Path indexFile = indexed() ? classPathRoot(directory).resolve(MigrationIndex.RESOURCE) : null;
    BasicFileAttributes indexAttributes = indexFile == null ? null : attributesOrNull(indexFile);
    if (indexAttributes == null) {
      for (Listed listed : walk(directory, new LinkedHashMap<>())) {
        add(found, listed);
      }
      return null;
    }
    IndexStamp indexStamp = new IndexStamp(indexAttributes.lastModifiedTime(), indexAttributes.size());
    String key = root.toString();
    CheckedDirectory checked = CHECKED_DIRECTORIES.get(key);
    if (checked == null || !checked.index().equals(indexStamp) || modified(checked.directories())) {
      Map<Path, FileTime> directories = new LinkedHashMap<>();
      List<Listed> listing = walk(directory, directories);
      Optional<MigrationIndex> index = readIndex(indexFile.toString(), () -> Files.readAllBytes(indexFile));
      List<MigrationFile> files = new ArrayList<>();
      if (index.isEmpty()) {
        for (Listed listed : listing) {
          add(files, listed);
        }
      } else {
        withIndex(listing, index.get(), indexStamp.modified(), indexFile.toString(), files);
      }
      checked = new CheckedDirectory(indexStamp, directories, List.copyOf(files));
      CHECKED_DIRECTORIES.put(key, checked);
    }
    found.addAll(checked.files());
    return checked.files();
  }

  /** The files under {@code directory}; records each directory's modification time in {@code directories}. */
  private static List<Listed> walk(Path directory, Map<Path, FileTime> directories) throws IOException {
    List<Listed> listing = new ArrayList<>();
    list(directory, "", Files.readAttributes(directory, BasicFileAttributes.class), directories, listing);
    return listing;
  }

  /**
   * One directory and those under it, by hand rather than with {@code Files.walkFileTree}: one stat per entry as
   * there, but the script's relative name is built from the names instead of relativizing each path, which made
   * the walk of 1,000 files ~half of a first no-op in a fresh JVM. As the walk did, links under the location are not
   * followed.
   */
  private static void list(Path directory, String prefix, BasicFileAttributes attributes,
      Map<Path, FileTime> directories, List<Listed> listing) throws IOException {
    directories.put(directory, attributes.lastModifiedTime());
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        BasicFileAttributes entryAttributes =
            Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (entryAttributes.isDirectory()) {
          list(entry, prefix + name + "/", entryAttributes, directories, listing);
        } else if (entryAttributes.isRegularFile() && name.endsWith(".sql")) {
          listing.add(new Listed(prefix + name, entry.toString(),
              new FileStamp(entryAttributes.lastModifiedTime(), entryAttributes.size()), entryAttributes.size(), -1,
              entryAttributes.lastModifiedTime(), () -> Files.readAllBytes(entry)));
        }
      }
    }
  }

  private static boolean modified(Map<Path, FileTime> directories) {
    for (Map.Entry<Path, FileTime> directory : directories.entrySet()) {
      BasicFileAttributes now = attributesOrNull(directory.getKey());
      if (now == null || !now.lastModifiedTime().equals(directory.getValue())) {
        return true;
      }
    }
    return false;
  }

  private static BasicFileAttributes attributesOrNull(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      return null; // no index here (or the directory is gone): list without one
    }
  }

  /** Whether this location is the one the processor indexes. */
  private boolean indexed() {
    return DEFAULT.equals(location);
  }

  /** The class path directory {@code directory} (this location in it) belongs to. */
  private Path classPathRoot(Path directory) {
    Path root = directory;
    for (int i = location.split("/").length; i > 0 && root != null; i--) {
      root = root.getParent();
    }
    return root == null ? directory : root;
  }

  /** Adds the files of a jar root; returns its remembered checked listing, or null when listed afresh. */
  private List<MigrationFile> listJar(URL root, List<MigrationFile> found) throws IOException {
    String rootText = root.toString();
    List<MigrationFile> checked = CHECKED_JARS.get(rootText);
    if (checked != null) {
      found.addAll(checked);
      return checked;
    }
    String jarUrl = rootText.substring(0, rootText.lastIndexOf("!/") + 2);
    List<JarListing> listing = JAR_LISTINGS.get(rootText);
    if (listing == null) {
      listing = readJarListing(root);
      JAR_LISTINGS.put(rootText, listing);
    }
    String prefix = location + "/";
    List<Listed> files = new ArrayList<>();
    for (JarListing entry : listing) {
      String origin = jarUrl + entry.entryName();
      files.add(new Listed(entry.entryName().substring(prefix.length()), origin,
          new EntryStamp(entry.crc(), entry.size()), entry.size(), entry.crc(), null, () -> {
            try (InputStream in = new URL(origin).openStream()) {
              return in.readAllBytes();
            }
          }));
    }
    JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile(); // the JDK's cached one: not closed
    JarEntry indexEntry = indexed() ? jar.getJarEntry(MigrationIndex.RESOURCE) : null;
    Optional<MigrationIndex> index = indexEntry == null ? Optional.empty()
        : readIndex(jarUrl + MigrationIndex.RESOURCE, () -> {
          try (InputStream in = jar.getInputStream(indexEntry)) {
            return in.readAllBytes();
          }
        });
    if (index.isEmpty()) {
      files.forEach(listed -> add(found, listed));
      return null;
    }
    List<MigrationFile> withIndex = new ArrayList<>();
    withIndex(files, index.get(), null, jarUrl + MigrationIndex.RESOURCE, withIndex);
    checked = List.copyOf(withIndex);
    CHECKED_JARS.put(rootText, checked);
    found.addAll(checked);
    return checked;
  }

  private static Optional<MigrationIndex> readIndex(String origin, MigrationFile.Content content) {
    try {
      Optional<MigrationIndex> index = MigrationIndex.parse(FlywayChecksum.decode(content.read()));
      if (index.isEmpty()) {
        LOG.log(System.Logger.Level.WARNING, EngineMessages.indexUnreadable(origin));
      }
      return index;
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, EngineMessages.indexUnreadable(origin + ": " + e));
      return Optional.empty();
    }
  }

  /**
   * Adds the listed files, with the checksum from the index for each file the listing shows unchanged: a jar
   * entry of the indexed size and CRC-32; a file of the indexed size not modified after the index
   * ({@code indexWritten}), else one whose bytes have the indexed CRC-32. The others are read as without an index.
   */
  private static void withIndex(
      List<Listed> listing, MigrationIndex index, FileTime indexWritten, String indexOrigin,
      List<MigrationFile> found) throws IOException {
    Map<String, MigrationIndex.Entry> indexed = index.byScript();
    for (Listed listed : listing) {
      MigrationIndex.Entry entry = indexed.remove(listed.script());
      int before = found.size();
      add(found, listed);
      if (found.size() == before) {
        continue; // not a migration file
      }
      if (entry == null) {
        LOG.log(System.Logger.Level.INFO, EngineMessages.notInIndex(listed.origin(), indexOrigin));
      } else if (matches(listed, entry, indexWritten)) {
        MigrationFile.remember(listed.origin(), listed.stamp(), entry.checksum());
      } else {
        LOG.log(System.Logger.Level.WARNING, EngineMessages.differsFromIndex(listed.origin(), indexOrigin));
      }
    }
    if (!indexed.isEmpty()) { // the common case, nothing missing, builds no stream (see BY_VERSION)
      indexed.keySet().stream().sorted().forEach(script ->
          LOG.log(System.Logger.Level.INFO, EngineMessages.indexedButMissing(script, indexOrigin)));
    }
  }

  private static boolean matches(Listed listed, MigrationIndex.Entry entry, FileTime indexWritten)
      throws IOException {
    if (listed.size() != entry.size()) {
      return false;
    }
    if (indexWritten == null) {
      return listed.crc() == entry.crc32(); // a jar entry
    }
    // a file modified after the index was written may have new bytes of the same length: compare them. The same
    // time counts as after: file times tick in milliseconds or coarser, and a copy can land in the same tick.
    return listed.modified().compareTo(indexWritten) < 0
        || MigrationIndex.crc32(listed.content().read()) == entry.crc32();
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

  private static void add(List<MigrationFile> found, Listed listed) {
    String script = listed.script();
    String origin = listed.origin();
    String fileName = script.substring(script.lastIndexOf('/') + 1);
    int separator = fileName.indexOf("__");
    if (fileName.startsWith("R__")) {
      throw new MigrationException(EngineMessages.repeatableUnsupported(origin));
    }
    if (!fileName.startsWith("V") || separator < 0) {
      LOG.log(System.Logger.Level.WARNING, EngineMessages.ignoredFile(origin));
      return;
    }
    Name name = NAMES.get(fileName);
    if (name == null) {
      name = new Name(MigrationVersion.parseOrNull(fileName.substring(1, separator)),
          fileName.substring(separator + 2, fileName.length() - ".sql".length()).replace('_', ' '));
      NAMES.put(fileName, name);
    }
    if (name.version() == null) {
      throw new MigrationException(EngineMessages.invalidVersion(origin));
    }
    found.add(new MigrationFile(name.version(), name.description(), script, origin, listed.stamp(), listed.content()));
  }
}
