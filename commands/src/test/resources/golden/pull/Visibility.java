package com.example.db;

import dev.dbsync.annotations.EnumType;
import dev.dbsync.annotations.EnumValue;

/**
 * Enum type {@code app.visibility}. Pulled from the database by dbsync.
 */
@EnumType(
    schema = "app"
)
public enum Visibility {
  @EnumValue("open")
  OPEN,

  @EnumValue("hidden")
  HIDDEN
}
