package com.example.db;

import dev.dbsync.annotations.ForeignKey;
import dev.dbsync.annotations.Id;
import dev.dbsync.annotations.References;
import dev.dbsync.annotations.Table;

/**
 * Table {@code public.pair_notes}. Pulled from the database by dbsync.
 */
@Table(
    primaryKeyName = "pk_pair_notes"
)
@ForeignKey(
    columns = {"pairA", "pairB"},
    references = Pairs.class,
    onDelete = References.Action.CASCADE,
    name = "pair_notes_pair"
)
public record PairNotes(@Id int id, int pairA, int pairB) {
}
