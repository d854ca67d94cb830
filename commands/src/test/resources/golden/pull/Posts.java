package com.example.db;

import dev.dbsync.annotations.Column;
import dev.dbsync.annotations.Default;
import dev.dbsync.annotations.Generated;
import dev.dbsync.annotations.Id;
import dev.dbsync.annotations.Index;
import dev.dbsync.annotations.References;
import dev.dbsync.annotations.Table;
import java.time.OffsetDateTime;

/**
 * Table {@code public.posts}. Pulled from the database by dbsync.
 */
@Table
@Index(
    columns = "authorId"
)
@Index(
    columns = {"authorId", "title"},
    unique = true,
    name = "posts_live_title",
    where = "deleted_at IS NULL"
)
public record Posts(@Id @Default("nextval('posts_id_seq'::regclass)") int id,
    @References(value = Authors.class, onDelete = References.Action.CASCADE, onUpdate = References.Action.RESTRICT) long authorId,
    @References(value = Authors.class, column = "email", onDelete = References.Action.SET_NULL, name = "fk_editor") @Column(type = "varchar(200)") @Nullable String editorEmail,
    String title, @Default("'draft'::post_status") PostStatus status, @Nullable String body,
    @Generated("length(body)") @Nullable Integer words, @Column("class") @Nullable String class_,
    @Column("Weird Name") @Nullable String weirdName, @Column("userId") @Nullable Integer userId,
    @Column("user_id") @Nullable Integer userId_, @Column("table") @Nullable String table_,
    @Nullable OffsetDateTime deletedAt) {
}
