package com.example.db;

import dev.dbsync.annotations.Check;
import dev.dbsync.annotations.Column;
import dev.dbsync.annotations.Default;
import dev.dbsync.annotations.DefaultNow;
import dev.dbsync.annotations.DefaultRandom;
import dev.dbsync.annotations.Id;
import dev.dbsync.annotations.Identity;
import dev.dbsync.annotations.Index;
import dev.dbsync.annotations.Table;
import dev.dbsync.annotations.Unique;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Table {@code public.authors}. Pulled from the database by dbsync.
 */
@Table
@Index(
    columns = "tags",
    name = "authors_tags_gin",
    using = "gin"
)
@Check(
    name = "price_positive",
    value = "price >= 0::numeric"
)
public record Authors(@Id @Identity(always = true) long id,
    @Unique @Column(type = "varchar(200)") String email, @Unique(name = "uq_handle") String handle,
    @Nullable String displayName, @Nullable LocalDate born, @DefaultNow OffsetDateTime createdAt,
    @Nullable LocalDateTime localAt,
    @Column(type = "timestamp(3) with time zone") @Nullable OffsetDateTime preciseAt,
    @Nullable LocalTime wake, @Default("0.5") double ratio, @Nullable Float score,
    @Default("0") @Column(type = "numeric(12,2)") BigDecimal price, @Nullable BigDecimal amount,
    @Default("false") boolean active, @Nullable byte[] avatar,
    @Default("'{}'::jsonb") @Column(type = "jsonb") String settings,
    @Default("'{}'::text[]") String[] tags, @Nullable Integer[] scores, @DefaultRandom UUID extId,
    @Nullable Short small, @Column(type = "character(3)") @Nullable String code) {
}
