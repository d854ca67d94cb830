package dev.dbsync.example.boot;

import dev.dbsync.annotations.Default;
import dev.dbsync.annotations.DefaultNow;
import dev.dbsync.annotations.DefaultRandom;
import dev.dbsync.annotations.Id;
import dev.dbsync.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/** One task: the processor turns this record into the table {@code tasks} and the constants of {@code TaskTable}. */
@Table("tasks")
public record Task(
    @Id @DefaultRandom UUID id,
    String title,
    @Default("false") boolean done,
    @DefaultNow Instant createdAt) {}
