package dev.dbsync.example;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's first steps work as written. */
class ReadmeTest {
  private static String readme() throws IOException {
    return Files.readString(Path.of("..", "README.md"));
  }

  private static String section(String text, String heading) {
    int start = text.indexOf("\n## " + heading);
    assertTrue(start >= 0, "README has no section " + heading);
    int end = text.indexOf("\n## ", start + 1);
    return text.substring(start, end < 0 ? text.length() : end);
  }

  @Test
  void useItInYourProjectStartsWithTheInstallCommand() throws IOException {
    String section = section(readme(), "Use it in your project");
    int install = section.indexOf("./mvnw -B -q install -DskipTests");
    assertTrue(install >= 0, "the install command is missing");
    assertTrue(install < section.indexOf("<dependencies>"), "the install command must come before the XML");
  }

  @Test
  void theSummaryIsNotLoggedTwice() throws IOException {
    String readme = readme();
    assertFalse(readme.contains("log.info(result.summary())"), "dbsync already logs the summary at INFO");
    assertTrue(readme.contains("Do not log `result.summary()` again"));
  }

  @Test
  void theMinimumPostgresVersionIsStated() throws IOException {
    assertTrue(section(readme(), "Quickstart").contains("PostgreSQL 13 or newer"));
  }
}
