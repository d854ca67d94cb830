package dev.dbsync.processor;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code -Adbsync.generate}: whether a compilation writes the next migration ({@code write}, a developer's
 * machine) or only verifies that the records match the committed snapshot ({@code verify}, a CI build, which must
 * never ship a migration nobody reviewed). Without the option, {@code verify} when the environment variable
 * {@code CI} is {@code true} (GitHub Actions, GitLab CI and most runners set it), else {@code write}.
 */
enum GenerateMode {
  WRITE,
  VERIFY;

  static final String OPTION = "dbsync.generate";
  static final String CI_VARIABLE = "CI";

  /** The mode, or empty when the option has another value than write or verify (an error to report). */
  static Optional<GenerateMode> of(Map<String, String> processorOptions, Function<String, String> environment) {
    if (processorOptions.containsKey(OPTION)) {
      String value = processorOptions.get(OPTION);
      if ("write".equalsIgnoreCase(value)) {
        return Optional.of(WRITE);
      }
      return "verify".equalsIgnoreCase(value) ? Optional.of(VERIFY) : Optional.empty();
    }
    return Optional.of("true".equalsIgnoreCase(environment.apply(CI_VARIABLE)) ? VERIFY : WRITE);
  }
}
