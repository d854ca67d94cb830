package dev.dbsync.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbsync.DbSync;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options, their environment fallback and their errors, as both interfaces get them; no database needed. */
class SessionTest {
  /** What a command printed. */
  static final class Captured implements Console {
    final List<String> out = new ArrayList<>();
    final List<String> err = new ArrayList<>();

    @Override
    public void out(String text) {
      out.add(text);
    }

    @Override
    public void err(String text) {
      err.add(text);
    }

    @Override
    public boolean terminal() {
      return false;
    }
  }

  private static Session session(Map<Option, String> options, Map<String, String> environment, Console console) {
    return new Session(options, SessionTest.class.getClassLoader(), console, environment::get, Option::cliName);
  }

  @Test
  void anOptionWinsOverItsVariable() {
    Map<String, String> environment = Map.of("DBSYNC_URL", "jdbc:postgresql://env/app", "DBSYNC_MODE", "production");
    Session fromEnvironment = session(Map.of(), environment, new Captured());
    assertEquals("jdbc:postgresql://env/app", fromEnvironment.option(Option.URL));
    assertEquals(DbSync.Mode.PRODUCTION, fromEnvironment.mode());

    Session given = session(Map.of(Option.URL, "jdbc:postgresql://given/app", Option.MODE, "development"),
        environment, new Captured());
    assertEquals("jdbc:postgresql://given/app", given.option(Option.URL));
    assertEquals(DbSync.Mode.DEVELOPMENT, given.mode());
  }

  @Test
  void invalidValuesNameTheOptionAsTheUserSpelledIt() {
    Map<Option, String> options = new HashMap<>();
    options.put(Option.LOCK_WAIT, "soon");
    UsageException cli = assertThrows(UsageException.class, () -> session(options, Map.of(), new Captured())
        .configure());
    assertEquals("Invalid value 'soon' for --lock-wait: expected a duration such as 500ms, 5s, 2m or 1h.",
        cli.getMessage());
    UsageException maven = assertThrows(UsageException.class, () -> new Session(options,
        getClass().getClassLoader(), new Captured(), Map.<String, String>of()::get, o -> "-D" + o.property())
        .configure());
    assertTrue(maven.getMessage().contains("for -Ddbsync.lock.wait:"), maven.getMessage());

    assertThrows(UsageException.class, () -> session(Map.of(Option.URL, "jdbc:mysql://x/y"), Map.of(),
        new Captured()).dataSource());
    assertThrows(UsageException.class, () -> session(Map.of(), Map.of(), new Captured()).dataSource());
  }

  @Test
  void thePasswordIsNeverPrinted() {
    Captured console = new Captured();
    Session session = session(Map.of(Option.URL, "jdbc:mysql://h/app?user=a&password=hunter2&ssl=true",
        Option.PASSWORD, "correct-horse"), Map.of(), console);

    assertEquals("jdbc:mysql://h/app?user=a&password=***&ssl=true", session.target());
    ExitCode exit = Commands.run(new Check(), session);

    assertEquals(ExitCode.ERROR, exit);
    String printed = String.join("\n", console.out) + String.join("\n", console.err);
    assertTrue(printed.contains("Invalid value 'jdbc:mysql://h/app?user=a&password=***&ssl=true' for --url"),
        printed);
    assertFalse(printed.contains("hunter2") || printed.contains("correct-horse"), printed);
  }

  @Test
  void jsonFormatPrintsOneDocumentOnStdoutEvenForAnError() {
    Captured console = new Captured();
    Session session = session(Map.of(Option.FORMAT, "json"), Map.of(), console);

    assertEquals(ExitCode.ERROR, Commands.run(new Status(), session));

    assertEquals(1, console.out.size());
    assertTrue(console.out.get(0).startsWith("{\n  \"command\": \"status\",\n  \"exitCode\": 2,"), console.out.get(0));
    assertTrue(console.err.get(0).startsWith("No database given: pass --url"), console.err.toString());
  }

  @Test
  void tablesAreAligned() {
    String table = new TextTable("Version", "Description", "State").row("1", "create notes", "APPLIED")
        .row("10", "add a much longer description", "PENDING").render("");
    assertEquals("""
        Version  Description                    State
        1        create notes                   APPLIED
        10       add a much longer description  PENDING
        """, table);
  }
}
