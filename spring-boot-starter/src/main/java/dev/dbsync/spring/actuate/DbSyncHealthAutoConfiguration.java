package dev.dbsync.spring.actuate;

import dev.dbsync.spring.DbSyncAutoConfiguration;
import dev.dbsync.spring.DbSyncInitializer;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * With Actuator's health support: the {@code dbsync} health indicator ({@code management.health.dbsync.enabled}).
 */
@AutoConfiguration(after = DbSyncAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(DbSyncInitializer.class)
@ConditionalOnEnabledHealthIndicator("dbsync")
public class DbSyncHealthAutoConfiguration {
  /** Named so that the health contributor is {@code dbsync}. */
  @Bean
  @ConditionalOnMissingBean(name = "dbsyncHealthIndicator")
  DbSyncHealthIndicator dbsyncHealthIndicator(DbSyncInitializer initializer, Environment environment) {
    return new DbSyncHealthIndicator(initializer,
        environment.getProperty("dbsync.health.check-interval", Duration.class, Duration.ofMinutes(1)));
  }
}
