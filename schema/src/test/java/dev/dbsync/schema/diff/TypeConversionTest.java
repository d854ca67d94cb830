package dev.dbsync.schema.diff;

import static dev.dbsync.schema.diff.Models.enumRef;
import static dev.dbsync.schema.diff.Models.type;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbsync.schema.model.TypeRef;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TypeConversionTest {
  private static final TypeConversion IMPLICIT_WIDENING = new TypeConversion(true, false, true);
  private static final TypeConversion ASSIGNMENT_NARROWING = new TypeConversion(true, false, false);
  private static final TypeConversion CAST_LOSSLESS = new TypeConversion(true, true, true);
  private static final TypeConversion CAST_LOSSY = new TypeConversion(true, true, false);
  private static final TypeConversion NO_CAST = new TypeConversion(false, true, false);

  static Stream<Arguments> conversions() {
    return Stream.of(
        Arguments.of(type("integer"), type("bigint"), IMPLICIT_WIDENING),
        Arguments.of(type("smallint"), type("integer"), IMPLICIT_WIDENING),
        Arguments.of(type("bigint"), type("integer"), ASSIGNMENT_NARROWING),
        Arguments.of(type("integer"), type("numeric"), IMPLICIT_WIDENING),
        Arguments.of(type("integer"), type("numeric(12,2)"), IMPLICIT_WIDENING),
        Arguments.of(type("integer"), type("numeric(5,2)"), ASSIGNMENT_NARROWING),
        Arguments.of(type("numeric(10,2)"), type("numeric(12,2)"), IMPLICIT_WIDENING),
        Arguments.of(type("numeric(12,4)"), type("numeric(12,2)"), ASSIGNMENT_NARROWING),
        Arguments.of(type("real"), type("double precision"), IMPLICIT_WIDENING),
        Arguments.of(type("double precision"), type("integer"), ASSIGNMENT_NARROWING),
        Arguments.of(type("character varying(50)"), type("character varying(200)"), IMPLICIT_WIDENING),
        Arguments.of(type("character varying(200)"), type("character varying(50)"), ASSIGNMENT_NARROWING),
        Arguments.of(type("character varying(50)"), type("text"), IMPLICIT_WIDENING),
        Arguments.of(type("text"), type("character varying(50)"), ASSIGNMENT_NARROWING),
        Arguments.of(type("uuid"), type("text"), IMPLICIT_WIDENING),
        Arguments.of(enumRef("status"), type("text"), IMPLICIT_WIDENING),
        Arguments.of(type("text"), type("integer"), CAST_LOSSY),
        Arguments.of(type("text"), enumRef("status"), CAST_LOSSY),
        Arguments.of(type("text"), type("uuid"), CAST_LOSSY),
        Arguments.of(enumRef("status"), enumRef("state"), CAST_LOSSY),
        Arguments.of(type("integer"), type("boolean"), CAST_LOSSY),
        Arguments.of(type("boolean"), type("integer"), CAST_LOSSLESS),
        Arguments.of(type("json"), type("jsonb"), CAST_LOSSLESS),
        Arguments.of(type("date"), type("timestamp with time zone"), IMPLICIT_WIDENING),
        Arguments.of(type("timestamp without time zone"), type("timestamp with time zone"), IMPLICIT_WIDENING),
        Arguments.of(type("timestamp with time zone"), type("date"), ASSIGNMENT_NARROWING),
        Arguments.of(type("uuid"), type("integer"), NO_CAST),
        Arguments.of(type("boolean"), type("timestamp with time zone"), NO_CAST),
        Arguments.of(enumRef("status"), type("integer"), NO_CAST),
        Arguments.of(type("integer[]"), type("bigint[]"), CAST_LOSSY));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("conversions")
  void classifiesTheConversion(TypeRef from, TypeRef to, TypeConversion expected) {
    assertEquals(expected, TypeConversion.of(from, to));
  }
}
