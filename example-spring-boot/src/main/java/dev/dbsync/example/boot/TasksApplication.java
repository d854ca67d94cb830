package dev.dbsync.example.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The tasks service. With {@code dbsync-spring-boot-starter} on the class path, the migrations compiled from
 * {@link Task} are applied at startup before {@link TaskRepository}'s {@code JdbcTemplate} exists; nothing here
 * calls dbsync.
 *
 * <p>Database: {@code spring.datasource.url} (e.g. {@code SPRING_DATASOURCE_URL}) when set, otherwise an
 * embedded PostgreSQL whose data directory is kept between runs ({@code dbsync.example.dataDir}), so a second run
 * finds the schema up to date.
 */
@SpringBootApplication
public class TasksApplication {
  public static void main(String[] args) throws IOException {
    if (datasourceConfigured(args)) {
      SpringApplication.run(TasksApplication.class, args);
      return;
    }
    EmbeddedPostgres pg = startEmbedded();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg)));
    String url = pg.getJdbcUrl("postgres", "postgres");
    SpringApplication.run(TasksApplication.class,
        Stream.concat(Arrays.stream(args), Stream.of("--spring.datasource.url=" + url)).toArray(String[]::new));
  }

  private static boolean datasourceConfigured(String[] args) {
    return System.getenv("SPRING_DATASOURCE_URL") != null || System.getProperty("spring.datasource.url") != null
        || Arrays.stream(args).anyMatch(a -> a.startsWith("--spring.datasource.url="));
  }

  private static EmbeddedPostgres startEmbedded() throws IOException {
    Path dataDir = Path.of(System.getProperty("dbsync.example.dataDir",
        Path.of(System.getProperty("java.io.tmpdir"), "dbsync-example-boot-pgdata").toString()));
    Files.createDirectories(dataDir);
    System.out.println("spring.datasource.url is not set: using an embedded PostgreSQL in " + dataDir);
    return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
  }

  private static void close(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException e) {
      // the JVM is exiting
    }
  }
}
