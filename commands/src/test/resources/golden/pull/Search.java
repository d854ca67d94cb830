package com.example.db;

import dev.dbsync.annotations.Id;
import dev.dbsync.annotations.Index;
import dev.dbsync.annotations.Table;
import java.time.OffsetDateTime;

/**
 * Table {@code public.search}. Pulled from the database by dbsync.
 */
@Table
@Index(
    columns = {"at NULLS FIRST", "rank DESC"}
)
@Index(
    columns = "(q || lang)"
)
@Index(
    columns = "upper(lang)",
    name = "search_lang_hash",
    using = "hash",
    with = "fillfactor=80"
)
@Index(
    columns = "lower(q)",
    name = "search_lower_q"
)
@Index(
    columns = {"replace(q, '\\'::text, '/'::text)", "lang text_pattern_ops DESC"},
    unique = true,
    name = "search_path_key",
    where = "rank > 0"
)
@Index(
    columns = {"rank DESC NULLS LAST", "q text_pattern_ops"},
    include = {"lang", "at"},
    with = {"fillfactor=70", "deduplicate_items=off"}
)
public record Search(@Id int id, @Nullable String q, @Nullable String lang, @Nullable Integer rank,
    @Nullable OffsetDateTime at) {
}
