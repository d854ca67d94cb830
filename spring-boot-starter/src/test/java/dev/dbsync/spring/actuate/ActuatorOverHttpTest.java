package dev.dbsync.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.dbsync.spring.DbSyncBuilderCustomizer;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A whole Boot application (Tomcat, Actuator, every auto-configuration on the class path) against real
 * PostgreSQL: {@code /actuator/dbsync} and {@code /actuator/health/dbsync} as an operator's tools read them.
 */
@ExtendWith(FreshDatabase.class)
class ActuatorOverHttpTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Migrations from a directory the test can add a file to after startup, as a newer deployment would. */
  static Path migrations;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {
    @Bean
    DbSyncBuilderCustomizer migrationsFromTheTestDirectory() throws IOException {
      ClassLoader loader = new URLClassLoader(new URL[] {migrations.toUri().toURL()}, null);
      return builder -> builder.classLoader(loader);
    }
  }

  @Test
  void endpointListsAppliedAndPendingMigrationsAndTheStartupApply(TestDatabase db, @TempDir Path root)
      throws Exception {
    copyProfilesCase(root);
    try (ConfigurableApplicationContext app = start(db, "1h")) {
      Files.writeString(root.resolve("db/migration/V2__create_later.sql"), "CREATE TABLE later (id integer);\n");

      DocumentContext json = JsonPath.parse(get(app, "/actuator/dbsync", 200));
      assertThat(json.read("$.currentVersion", String.class)).isEqualTo("1");
      assertThat(json.read("$.pending", Integer.class)).isEqualTo(1);
      assertThat(json.read("$.migrations[*].version", List.class)).containsExactly("1", "2");
      assertThat(json.read("$.migrations[*].state", List.class)).containsExactly("APPLIED", "PENDING");
      assertThat(json.read("$.migrations[0].script", String.class)).isEqualTo("V1__create_profiles_posts.sql");
      assertThat(json.read("$.migrations[0].installedBy", String.class)).isNotBlank();
      assertThat(json.read("$.migrations[0].executionTimeMs", Long.class)).isNotNull();
      assertThat(json.read("$.migrations[1].installedOn", String.class)).isNull();
      assertThat(json.read("$.lastApply.version", String.class)).isEqualTo("1");
      assertThat(json.read("$.lastApply.applied[*].script", List.class))
          .containsExactly("V1__create_profiles_posts.sql");
      assertThat(json.read("$.lastApply.summary", String.class)).startsWith("Applied 1 migration");
      assertThat(json.read("$.lastApply.finishedAt", String.class)).isNotBlank();
    }
  }

  @Test
  void healthIsDownAfterDriftPlantedByHand(TestDatabase db, @TempDir Path root) throws Exception {
    copyProfilesCase(root);
    try (ConfigurableApplicationContext app = start(db, "0s")) {
      DocumentContext up = JsonPath.parse(get(app, "/actuator/health/dbsync", 200));
      assertThat(up.read("$.status", String.class)).isEqualTo("UP");
      assertThat(up.read("$.details.currentVersion", String.class)).isEqualTo("1");

      execute(db, "ALTER TABLE posts ALTER COLUMN published DROP DEFAULT");

      DocumentContext down = JsonPath.parse(get(app, "/actuator/health/dbsync", 503));
      assertThat(down.read("$.status", String.class)).isEqualTo("DOWN");
      Map<String, List<String>> drift = down.read("$.details.drift");
      assertThat(drift).containsOnlyKeys("public.posts");
      assertThat(drift.get("public.posts")).singleElement().asString()
          .startsWith("public.posts.published: expected boolean NOT NULL DEFAULT false");
      assertThat(JsonPath.parse(get(app, "/actuator/health", 503)).read("$.status", String.class))
          .isEqualTo("DOWN");
    }
  }

  private static ConfigurableApplicationContext start(TestDatabase db, String checkInterval) {
    return new SpringApplication(Application.class).run(
        "--spring.datasource.url=" + db.url(),
        "--spring.flyway.enabled=false",
        "--server.port=0",
        "--management.endpoints.web.exposure.include=dbsync,health",
        "--management.endpoint.health.show-details=always",
        "--dbsync.health.check-interval=" + checkInterval);
  }

  private static void copyProfilesCase(Path root) throws Exception {
    migrations = root;
    Path source = Path.of(ActuatorOverHttpTest.class.getResource("/cases/profiles/").toURI());
    for (String file : List.of("db/migration/V1__create_profiles_posts.sql", "db/dbsync/schema.json")) {
      Files.createDirectories(root.resolve(file).getParent());
      Files.copy(source.resolve(file), root.resolve(file));
    }
  }

  private static String get(ConfigurableApplicationContext app, String path, int expectedStatus) throws Exception {
    String port = app.getEnvironment().getProperty("local.server.port");
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return response.body();
  }

  private static void execute(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
