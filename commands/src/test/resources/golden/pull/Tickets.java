package com.example.db;

import dev.dbsync.annotations.Id;
import dev.dbsync.annotations.Identity;
import dev.dbsync.annotations.Table;

/**
 * Table {@code public.tickets}. Pulled from the database by dbsync.
 */
@Table
public record Tickets(@Id @Identity(always = true, increment = -1, minValue = -5000000000L) long id,
    String title) {
}
