package com.example.db;

import dev.dbsync.annotations.ForeignKey;
import dev.dbsync.annotations.Index;
import dev.dbsync.annotations.Table;

/**
 * Table {@code public.pair_links}. Pulled from the database by dbsync.
 */
@Table
@Index(
    columns = {"y", "x"}
)
@ForeignKey(
    columns = {"y", "x"},
    references = LegacyPairs.class,
    referencedColumns = {"b", "a"}
)
public record PairLinks(@Nullable Integer x, @Nullable Integer y) {
}
