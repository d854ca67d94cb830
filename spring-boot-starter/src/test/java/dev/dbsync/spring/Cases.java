package dev.dbsync.spring;

import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Migration sets under {@code src/test/resources/cases/<name>} ({@code db/migration}, and {@code db/dbsync} where
 * the set has a compiled snapshot), each seen through a class loader that sees nothing else.
 */
final class Cases {
  private Cases() {}

  static ClassLoader loader(String name) {
    try {
      URL root = Path.of(Cases.class.getResource("/cases/" + name + "/").toURI()).toUri().toURL();
      return new URLClassLoader(new URL[] {root}, null);
    } catch (URISyntaxException | MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Points the auto-configured Builder at the set. */
  static DbSyncBuilderCustomizer migrations(String name) {
    ClassLoader loader = loader(name);
    return builder -> builder.classLoader(loader);
  }
}
