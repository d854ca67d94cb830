package dev.dbsync.spring.actuate;

import dev.dbsync.spring.DbSyncAutoConfiguration;
import dev.dbsync.spring.DbSyncInitializer;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With Actuator: the {@code dbsync} endpoint, when it is exposed ({@code management.endpoints.web.exposure.include}).
 */
@AutoConfiguration(after = DbSyncAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(DbSyncInitializer.class)
@ConditionalOnAvailableEndpoint(DbSyncEndpoint.class)
public class DbSyncEndpointAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean
  DbSyncEndpoint dbSyncEndpoint(DbSyncInitializer initializer) {
    return new DbSyncEndpoint(initializer);
  }
}
