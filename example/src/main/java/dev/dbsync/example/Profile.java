package dev.dbsync.example;

import dev.dbsync.annotations.DefaultNow;
import dev.dbsync.annotations.DefaultRandom;
import dev.dbsync.annotations.Id;
import dev.dbsync.annotations.Table;
import dev.dbsync.annotations.Unique;
import java.time.Instant;
import java.util.UUID;

/** A user's public profile. */
@Table("profiles")
public record Profile(
    @Id @DefaultRandom UUID id,
    @Unique String userId,
    @Unique String username,
    @DefaultNow Instant createdAt) {}
