package dev.dbsync.commands.pull;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files, as the processor's tests keep them: {@code -Ddbsync.updateGoldens=true} rewrites them. */
final class Golden {
  private Golden() {}

  /** Compares with {@code src/test/resources/golden/<name>}; a missing or outdated golden fails with the text. */
  static void assertEquals(String name, String actual) throws IOException {
    Path golden = Path.of("src/test/resources/golden").resolve(name);
    if (Boolean.getBoolean("dbsync.updateGoldens")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertWithMessage(
            "golden file missing: put this text into commands/" + golden
                + " (or run with -Ddbsync.updateGoldens=true)\n" + actual)
        .that(Files.exists(golden))
        .isTrue();
    assertWithMessage("differs from commands/" + golden + " (-Ddbsync.updateGoldens=true rewrites it)")
        .that(actual)
        .isEqualTo(Files.readString(golden));
  }
}
