package com.example.db;

import dev.dbsync.annotations.EnumValue;

/**
 * Enum type {@code public.post_status}. Pulled from the database by dbsync.
 */
public enum PostStatus {
  @EnumValue("draft")
  DRAFT,

  @EnumValue("published")
  PUBLISHED,

  @EnumValue("PG-13")
  PG_13
}
