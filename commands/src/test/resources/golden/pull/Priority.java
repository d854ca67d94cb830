package com.example.db;

import dev.dbsync.annotations.EnumType;
import dev.dbsync.annotations.EnumValue;

/**
 * Enum type {@code app.Priority}. Pulled from the database by dbsync.
 */
@EnumType(
    value = "Priority",
    schema = "app"
)
public enum Priority {
  @EnumValue("low")
  LOW,

  @EnumValue("high")
  HIGH
}
