package dev.dbsync.schema.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A column keeps only the identity options that differ from PostgreSQL's defaults for its type and direction
 * (the runtime's engine.IdentityOptionsTest checks those defaults against the server).
 */
class IdentityOptionsTest {
  private static Column identity(String type, IdentityOptions options) {
    return Column.of("id", TypeRef.builtin(type), false).withIdentity(Identity.BY_DEFAULT).withIdentityOptions(options);
  }

  @Test
  void optionsDeclaredAtTheirDefaultsAreLeftOut() {
    assertEquals(IdentityOptions.DEFAULT,
        identity("smallint", new IdentityOptions(1L, 1L, 1L, 32767L, 1L, false)).identityOptions());
    assertEquals(IdentityOptions.DEFAULT,
        identity("integer", new IdentityOptions(null, null, null, (long) Integer.MAX_VALUE, null, false))
            .identityOptions());
    assertEquals(new IdentityOptions(null, -1L, null, null, null, false),
        identity("bigint", new IdentityOptions(-1L, -1L, Long.MIN_VALUE, -1L, 1L, false)).identityOptions());
  }

  @Test
  void theDefaultStartFollowsTheDeclaredBound() {
    assertEquals(new IdentityOptions(null, null, 10L, null, null, false),
        identity("integer", new IdentityOptions(10L, null, 10L, null, null, false)).identityOptions());
    assertEquals(new IdentityOptions(null, -5L, null, -100L, null, false),
        identity("integer", new IdentityOptions(-100L, -5L, null, -100L, null, false)).identityOptions());
    assertEquals(new IdentityOptions(1L, null, -10L, null, null, false),
        identity("integer", new IdentityOptions(1L, null, -10L, null, null, false)).identityOptions());
  }

  @Test
  void aTypeLimitIsADefaultOnlyForItsType() {
    Column declared = identity("integer", new IdentityOptions(null, null, null, 32767L, null, false));
    assertEquals(IdentityOptions.DEFAULT, declared.withType(TypeRef.builtin("smallint")).identityOptions());
    assertEquals(new IdentityOptions(null, null, null, 32767L, null, false),
        declared.withType(TypeRef.builtin("bigint")).identityOptions());
  }

  @Test
  void effectiveValuesFillInPostgresDefaults() {
    IdentityOptions.Range smallint = IdentityOptions.rangeOf(TypeRef.builtin("smallint")).orElseThrow();
    assertEquals(new IdentityOptions.Effective(1, 1, 1, 32767, 1, false), IdentityOptions.DEFAULT.effective(smallint));
    assertEquals(new IdentityOptions.Effective(-1, -2, -32768, -1, 1, false),
        new IdentityOptions(null, -2L, null, null, null, false).effective(smallint));
  }

  @Test
  void droppingTheIdentityDropsItsOptionsAndAPlainColumnHasNone() {
    Column declared = identity("bigint", new IdentityOptions(5L, null, null, null, null, true));
    assertEquals(IdentityOptions.DEFAULT, declared.withIdentity(Identity.NONE).identityOptions());
    assertThrows(IllegalArgumentException.class, () -> Column.of("id", TypeRef.builtin("bigint"), false)
        .withIdentityOptions(new IdentityOptions(5L, null, null, null, null, false)));
  }
}
