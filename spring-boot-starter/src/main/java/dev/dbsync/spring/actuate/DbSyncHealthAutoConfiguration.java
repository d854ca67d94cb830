package dev.dbsync.spring.actuate;

import dev.dbsync.spring.DbSyncAutoConfiguration;
import dev.dbsync.spring.DbSyncInitializer;
import dev.dbsync.spring.DbSyncProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * With Actuator's health support: the {@code dbsync} health indicator ({@code management.health.dbsync.enabled}).
 */
@AutoConfiguration(after = DbSyncAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(DbSyncInitializer.class)
@ConditionalOnEnabledHealthIndicator("dbsync")
@EnableConfigurationProperties(DbSyncProperties.class)
public class DbSyncHealthAutoConfiguration {
  /** Named so that the health contributor is {@code dbsync}. */
  @Bean
  @ConditionalOnMissingBean(name = "dbsyncHealthIndicator")
  DbSyncHealthIndicator dbsyncHealthIndicator(DbSyncInitializer initializer, DbSyncProperties properties) {
    return new DbSyncHealthIndicator(initializer, properties.getHealth().getCheckInterval());
  }
}
