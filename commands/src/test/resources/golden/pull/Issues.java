package com.example.db;

import dev.dbsync.annotations.Default;
import dev.dbsync.annotations.Id;
import dev.dbsync.annotations.Table;

/**
 * Table {@code public.issues}. Pulled from the database by dbsync.
 */
@Table
public record Issues(@Id int id, Priority priority,
    @Default("'open'::app.visibility") Visibility visibility,
    @Default("'{draft}'::post_status[]") PostStatus[] history, @Nullable Visibility[] seen) {
}
