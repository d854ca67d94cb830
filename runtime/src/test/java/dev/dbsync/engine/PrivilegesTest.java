package dev.dbsync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbsync.ApplyResult;
import dev.dbsync.testing.FreshDatabase;
import dev.dbsync.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** A role that may only create in schema public applies from an empty database: dbsync creates only what is missing. */
@ExtendWith(FreshDatabase.class)
class PrivilegesTest {
  @TempDir Path temp;

  @Test
  void aRoleWithCreateOnSchemaPublicButNotOnTheDatabaseStartsFromAnEmptyDatabase(TestDatabase db) {
    String role = "dbsync_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Catalog.execute(db.dataSource(), "CREATE ROLE " + role + " LOGIN;"
        + " REVOKE CREATE ON DATABASE " + db.name() + " FROM PUBLIC;"
        + " GRANT CREATE, USAGE ON SCHEMA public TO " + role);
    try {
      assertEquals(List.of("f | t"), Catalog.query(db.dataSource(),
          "SELECT has_database_privilege('" + role + "', current_database(), 'CREATE'),"
              + " has_schema_privilege('" + role + "', 'public', 'CREATE')"));
      PGSimpleDataSource asRole = new PGSimpleDataSource();
      asRole.setURL(db.url().replace("user=postgres", "user=" + role));
      Migrations migrations = Migrations.in(temp.resolve("m"))
          .add("V1__posts.sql", "CREATE TABLE posts (id int PRIMARY KEY, title text NOT NULL);\n"
              + "CREATE INDEX posts_title_idx ON posts (title);");

      ApplyResult result = migrations.apply(asRole);

      assertEquals("1", result.version());
      assertEquals(List.of(role + " | 1"), Catalog.query(db.dataSource(),
          "SELECT installed_by, version FROM flyway_schema_history"));
      assertEquals(List.of(role), Catalog.query(db.dataSource(),
          "SELECT tableowner FROM pg_tables WHERE tablename = 'posts'"));
      assertEquals(true, migrations.apply(asRole).upToDate());
    } finally {
      Catalog.execute(db.dataSource(), "DROP OWNED BY " + role + "; DROP ROLE " + role);
    }
  }
}
