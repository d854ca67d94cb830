package dev.dbsync.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.commands.Command;
import dev.dbsync.commands.Commands;
import dev.dbsync.commands.Option;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plugin descriptor the build generated: one goal per command, each taking every option under the runtime's
 * property name ({@code dbsync.lock.timeout}), so {@code -D} works as the README says.
 */
class DbSyncMojoTest {
  private static String descriptor() throws IOException {
    try (InputStream in = DbSyncMojoTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyCommandIsAGoalWithThePrefixDbsync() throws IOException {
    String descriptor = descriptor();
    assertTrue(descriptor.contains("<goalPrefix>dbsync</goalPrefix>"), descriptor);
    Matcher goals = Pattern.compile("<goal>([a-z-]+)</goal>").matcher(descriptor);
    List<String> found = goals.results().map(m -> m.group(1)).sorted().toList();
    assertEquals(Commands.all().stream().map(Command::name).sorted().toList(), found);
  }

  @Test
  void everyGoalTakesEveryOptionUnderTheRuntimesPropertyName() throws IOException {
    String descriptor = descriptor();
    for (String mojo : descriptor.split("<mojo>")) {
      if (!mojo.contains("<goal>")) {
        continue;
      }
      Matcher goal = Pattern.compile("<goal>([a-z-]+)</goal>").matcher(mojo);
      assertTrue(goal.find(), mojo);
      Command command = Commands.named(goal.group(1)).orElseThrow();
      for (Option option : java.util.stream.Stream.concat(Option.ALL.stream(), command.options().stream()).toList()) {
        assertTrue(mojo.contains("${" + option.property() + "}"),
            option.property() + " in " + mojo.substring(0, Math.min(200, mojo.length())));
      }
    }
    assertEquals("dbsync.lock.timeout", Option.LOCK_TIMEOUT.property());
    assertEquals("dbsync.url", Option.URL.property());
    assertEquals("dbsync.package", Option.PACKAGE.property());
  }
}
