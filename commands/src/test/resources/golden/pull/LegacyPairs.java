package com.example.db;

import dev.dbsync.annotations.Table;
import dev.dbsync.annotations.Unique;

/**
 * Table {@code public.legacy_pairs}. Pulled from the database by dbsync.
 */
@Table
@Unique(
    columns = {"a", "b"},
    name = "legacy_pairs_ab"
)
@Unique(
    columns = {"b", "c"}
)
public record LegacyPairs(@Nullable Integer a, @Nullable Integer b, @Nullable Integer c) {
}
