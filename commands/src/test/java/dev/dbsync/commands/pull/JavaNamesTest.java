package dev.dbsync.commands.pull;

import static com.google.common.truth.Truth.assertThat;

import dev.dbsync.schema.sql.SnakeCase;
import org.junit.jupiter.api.Test;

class JavaNamesTest {
  @Test
  void namesThatDeriveBackAreUsedAsTheyAre() {
    assertThat(JavaNames.typeName("film_actor")).isEqualTo("FilmActor");
    assertThat(JavaNames.componentName("first_name")).isEqualTo("firstName");
    assertThat(JavaNames.componentName("address2")).isEqualTo("address2");
    assertThat(JavaNames.derives("FilmActor", "film_actor")).isTrue();
    assertThat(JavaNames.derives("firstName", "first_name")).isTrue();
  }

  @Test
  void otherNamesGetValidJavaNamesThatDoNotDeriveBack() {
    assertThat(JavaNames.componentName("AlbumId")).isEqualTo("albumId");
    assertThat(JavaNames.derives("albumId", "AlbumId")).isFalse();
    assertThat(JavaNames.componentName("Weird Name")).isEqualTo("weirdName");
    assertThat(JavaNames.componentName("ID")).isEqualTo("id");
    assertThat(JavaNames.componentName("2fa")).isEqualTo("c2fa");
    assertThat(JavaNames.typeName("2fa_codes")).isEqualTo("T2faCodes");
    assertThat(JavaNames.typeName("bıgınt")).isEqualTo("Bıgınt");
  }

  @Test
  void keywordsAndRecordMethodsGetAnUnderscore() {
    assertThat(JavaNames.componentName("class")).isEqualTo("class_");
    assertThat(JavaNames.componentName("default")).isEqualTo("default_");
    assertThat(JavaNames.componentName("hash_code")).isEqualTo("hashCode_");
    assertThat(JavaNames.componentName("to_string")).isEqualTo("toString_");
    assertThat(JavaNames.typeName("enum")).isEqualTo("Enum");
  }

  @Test
  void enumConstantsAreUpperCaseIdentifiers() {
    assertThat(JavaNames.constantName("PG-13")).isEqualTo("PG_13");
    assertThat(JavaNames.constantName("draft")).isEqualTo("DRAFT");
    assertThat(JavaNames.constantName("1st")).isEqualTo("V_1ST");
    assertThat(JavaNames.constantName("--")).isEqualTo("VALUE");
  }

  @Test
  void metamodelConstantsAreTheProcessors() {
    assertThat(JavaNames.metamodelConstant("userId")).isEqualTo("USER_ID");
    assertThat(SnakeCase.of("HTTPServer")).isEqualTo("http_server");
  }
}
