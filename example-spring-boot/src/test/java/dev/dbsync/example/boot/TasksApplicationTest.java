package dev.dbsync.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.dbsync.spring.DbSyncInitializer;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The example as a user runs it: started against a fresh database, called over HTTP, started again. */
@ExtendWith(FreshDatabase.class)
class TasksApplicationTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void appliesAtStartupServesTasksAndFindsTheSchemaUpToDateOnTheNextStart(TestDatabase db) throws Exception {
    try (ConfigurableApplicationContext app = start(db)) {
      assertThat(app.getBean(DbSyncInitializer.class).lastApply().result().summary())
          .startsWith("Applied 1 migration").contains("V1 create tasks");
      HttpResponse<String> created = send(app, HttpRequest.newBuilder(uri(app, "/tasks"))
          .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("write the report")));
      assertThat(created.statusCode()).isEqualTo(201);
      String id = JsonPath.read(created.body(), "$.id");
      assertThat(send(app, HttpRequest.newBuilder(uri(app, "/tasks/" + id + "/done"))
          .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);

      String tasks = send(app, HttpRequest.newBuilder(uri(app, "/tasks"))).body();
      assertThat(JsonPath.<List<String>>read(tasks, "$[*].title")).containsExactly("write the report");
      assertThat(JsonPath.<List<Boolean>>read(tasks, "$[*].done")).containsExactly(true);
      String health = send(app, HttpRequest.newBuilder(uri(app, "/actuator/health/dbsync"))).body();
      assertThat(JsonPath.<String>read(health, "$.status")).isEqualTo("UP");
    }
    try (ConfigurableApplicationContext again = start(db)) {
      assertThat(again.getBean(DbSyncInitializer.class).lastApply().result().upToDate()).isTrue();
      String tasks = send(again, HttpRequest.newBuilder(uri(again, "/tasks"))).body();
      assertThat(JsonPath.<List<String>>read(tasks, "$[*].title")).containsExactly("write the report");
    }
  }

  private static ConfigurableApplicationContext start(TestDatabase db) throws Exception {
    return SpringApplication.run(TasksApplication.class, "--spring.datasource.url=" + db.url(), "--server.port=0");
  }

  private static URI uri(ConfigurableApplicationContext app, String path) {
    return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
  }

  private static HttpResponse<String> send(ConfigurableApplicationContext app, HttpRequest.Builder request)
      throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
