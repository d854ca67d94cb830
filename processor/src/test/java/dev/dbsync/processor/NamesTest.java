package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void snakeCase() {
    assertThat(Names.snakeCase("BlogPost")).isEqualTo("blog_post");
    assertThat(Names.snakeCase("userId")).isEqualTo("user_id");
    assertThat(Names.snakeCase("HTTPServer")).isEqualTo("http_server");
    assertThat(Names.snakeCase("address2Line")).isEqualTo("address2_line");
    assertThat(Names.snakeCase("id")).isEqualTo("id");
    assertThat(Names.snakeCase("already_snake")).isEqualTo("already_snake");
  }

  @Test
  void constantName() {
    assertThat(Names.constantName("userId")).isEqualTo("USER_ID");
    assertThat(Names.constantName("createdAt")).isEqualTo("CREATED_AT");
  }
}
