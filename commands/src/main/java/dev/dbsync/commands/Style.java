package dev.dbsync.commands;

/** ANSI colours on a terminal (unless {@code NO_COLOR} is set), plain text everywhere else: CI logs stay clean. */
public record Style(boolean colours) {
  public static final Style PLAIN = new Style(false);

  public static Style of(Console console) {
    return new Style(console.terminal() && System.getenv("NO_COLOR") == null);
  }

  public String red(String text) {
    return paint("31", text);
  }

  public String green(String text) {
    return paint("32", text);
  }

  public String yellow(String text) {
    return paint("33", text);
  }

  public String bold(String text) {
    return paint("1", text);
  }

  private String paint(String code, String text) {
    return colours ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
