package com.example.db;

import dev.dbsync.annotations.Column;
import dev.dbsync.annotations.Id;
import dev.dbsync.annotations.Table;

/**
 * Table {@code public.record}. Pulled from the database by dbsync.
 */
@Table("record")
public record PublicRecord(@Id int id, @Nullable String note,
    @Column(type = "positive_int") @Nullable Integer rank) {
}
