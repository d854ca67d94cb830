package dev.dbsync.spring;

import dev.dbsync.MigrationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A startup that failed in {@link DbSyncInitializer} reports the {@link MigrationException}'s message (the
 * migration, the statement, PostgreSQL's reason, the fix) instead of a page of bean-creation stack trace.
 */
final class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
    return new FailureAnalysis(
        StarterMessages.applyFailed() + System.lineSeparator() + System.lineSeparator() + cause.getMessage(),
        StarterMessages.applyFailedAction(), cause);
  }
}
