package dev.dbsync.commands;

/**
 * What a command ended with: its exit code, its report for people, and the same report as a JSON value (maps,
 * lists, strings, numbers, booleans) for {@code --format json}.
 */
public record Outcome(ExitCode exitCode, String text, Object json) {}
