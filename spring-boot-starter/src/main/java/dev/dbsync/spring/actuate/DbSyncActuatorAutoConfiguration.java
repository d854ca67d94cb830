package dev.dbsync.spring.actuate;

import dev.dbsync.spring.DbSyncAutoConfiguration;
import dev.dbsync.spring.DbSyncInitializer;
import java.time.Duration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** With Actuator on the class path: the {@code dbsync} endpoint and the {@code dbsync} health indicator. */
@AutoConfiguration(after = DbSyncAutoConfiguration.class)
@ConditionalOnBean(DbSyncInitializer.class)
public class DbSyncActuatorAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(Endpoint.class)
  @ConditionalOnAvailableEndpoint(DbSyncEndpoint.class)
  static class EndpointConfiguration {
    @Bean
    @ConditionalOnMissingBean
    DbSyncEndpoint dbSyncEndpoint(DbSyncInitializer initializer) {
      return new DbSyncEndpoint(initializer);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("dbsync")
  static class HealthConfiguration {
    /** Named so that the health contributor is {@code dbsync}. */
    @Bean
    @ConditionalOnMissingBean(name = "dbsyncHealthIndicator")
    DbSyncHealthIndicator dbsyncHealthIndicator(DbSyncInitializer initializer, Environment environment) {
      return new DbSyncHealthIndicator(initializer,
          environment.getProperty("dbsync.health.check-interval", Duration.class, Duration.ofMinutes(1)));
    }
  }
}
