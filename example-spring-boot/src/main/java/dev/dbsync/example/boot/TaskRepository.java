package dev.dbsync.example.boot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tasks through {@link JdbcTemplate}, every table and column name from the generated {@link TaskTable}: a
 * renamed component breaks this class at compile time instead of at the first query.
 */
@Repository
public class TaskRepository {
  private static final String COLUMNS =
      TaskTable.ID + ", " + TaskTable.TITLE + ", " + TaskTable.DONE + ", " + TaskTable.CREATED_AT;

  private final JdbcTemplate jdbc;

  public TaskRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Task add(String title) {
    return jdbc.queryForObject(
        "INSERT INTO " + TaskTable.TABLE + " (" + TaskTable.TITLE + ") VALUES (?) RETURNING " + COLUMNS,
        TaskRepository::task, title);
  }

  public List<Task> findAll() {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM " + TaskTable.TABLE + " ORDER BY " + TaskTable.CREATED_AT + ", " + TaskTable.ID,
        TaskRepository::task);
  }

  /** Marks a task done; false when there is no task with that id. */
  public boolean markDone(UUID id) {
    return jdbc.update(
        "UPDATE " + TaskTable.TABLE + " SET " + TaskTable.DONE + " = true WHERE " + TaskTable.ID + " = ?", id) == 1;
  }

  private static Task task(ResultSet rs, int row) throws SQLException {
    return new Task(
        rs.getObject(TaskTable.ID, UUID.class), rs.getString(TaskTable.TITLE), rs.getBoolean(TaskTable.DONE),
        rs.getObject(TaskTable.CREATED_AT, OffsetDateTime.class).toInstant());
  }
}
