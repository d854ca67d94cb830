package dev.dbsync.example;

import dev.dbsync.annotations.Default;
import dev.dbsync.annotations.DefaultNow;
import dev.dbsync.annotations.DefaultRandom;
import dev.dbsync.annotations.Id;
import dev.dbsync.annotations.Index;
import dev.dbsync.annotations.References;
import dev.dbsync.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/** A post written by a profile. */
@Table("posts")
@Index(columns = "authorId") // PostgreSQL does not index the referencing side of a foreign key by itself
public record Post(
    @Id @DefaultRandom UUID id,
    @References(Profile.class) UUID authorId,
    String title,
    String content,
    @Default("false") boolean published,
    @DefaultNow Instant createdAt) {}
