package dev.dbsync.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metadata an IDE completes {@code dbsync.*} from, as the configuration processor wrote it into the jar. */
class ConfigurationMetadataTest {

  @Test
  void everySettingIsDescribed() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      Object json = JsonPath.parse(in).json();
      List<String> names = JsonPath.read(json, "$.properties[*].name");
      assertThat(names).contains(
          "dbsync.enabled", "dbsync.mode", "dbsync.lock-timeout", "dbsync.statement-timeout", "dbsync.lock-wait",
          "dbsync.allow-destructive", "dbsync.backup-dir", "dbsync.backup-retention", "dbsync.history-table",
          "dbsync.fail-on-drift", "dbsync.url", "dbsync.user", "dbsync.password", "dbsync.health.check-interval");
      List<Map<String, Object>> properties = JsonPath.read(json, "$.properties[*]");
      assertThat(properties)
          .filteredOn(p -> p.get("name").toString().startsWith("dbsync."))
          .allSatisfy(p -> assertThat((String) p.get("description")).as(p.get("name").toString()).isNotBlank());
      assertThat(JsonPath.<List<String>>read(json, "$.properties[?(@.name == 'dbsync.mode')].type"))
          .containsExactly("dev.dbsync.DbSync$Mode");
      assertThat(JsonPath.<List<String>>read(json, "$.hints[?(@.name == 'dbsync.allow-destructive')].name"))
          .hasSize(1);
    }
  }
}
