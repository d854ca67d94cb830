package dev.dbsync.schema.diff;

import static dev.dbsync.schema.diff.Models.column;
import static dev.dbsync.schema.diff.Models.enumRef;
import static dev.dbsync.schema.diff.Models.enumType;
import static dev.dbsync.schema.diff.Models.schema;
import static dev.dbsync.schema.diff.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbsync.schema.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class DdlRendererTest {
  @Test
  void namesCannotBreakOutOfTheirQuoting() {
    Schema hostile =
        schema(
            enumType("Mood\"; DROP TABLE y; --", "it's", "fine"),
            table("x\"; DROP TABLE y; --")
                .with(column("Select", enumRef("Mood\"; DROP TABLE y; --")))
                .pk("x_pkey", "Select"));

    assertEquals(
        List.of(
            "CREATE TYPE public.\"Mood\"\"; DROP TABLE y; --\" AS ENUM ('it''s', 'fine')",
            """
            CREATE TABLE public."x""; DROP TABLE y; --" (
              "Select" public."Mood""; DROP TABLE y; --" NOT NULL,
              CONSTRAINT x_pkey PRIMARY KEY ("Select")
            )"""),
        DdlRenderer.statements(SchemaDiffer.diff(Schema.EMPTY, hostile, Intent.NONE).changes()));
  }

  @Test
  void keywordsAreQuoted() {
    assertEquals(
        List.of("ALTER TABLE public.\"user\" RENAME COLUMN \"order\" TO \"group\""),
        DdlRenderer.statements(
            SchemaDiffer.diff(
                    schema(table("user").col("order", "integer")),
                    schema(table("user").col("group", "integer")),
                    Intent.NONE.withColumnRename(Models.name("user"), "group", "order"))
                .changes()));
  }
}
