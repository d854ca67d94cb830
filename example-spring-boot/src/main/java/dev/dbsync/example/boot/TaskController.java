package dev.dbsync.example.boot;

import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /tasks}, {@code POST /tasks} (the body is the title), {@code POST /tasks/{id}/done}. */
@RestController
public class TaskController {
  private final TaskRepository tasks;

  public TaskController(TaskRepository tasks) {
    this.tasks = tasks;
  }

  @GetMapping("/tasks")
  public List<Task> list() {
    return tasks.findAll();
  }

  @PostMapping("/tasks")
  public ResponseEntity<Task> add(@RequestBody String title) {
    return ResponseEntity.status(HttpStatus.CREATED).body(tasks.add(title.strip()));
  }

  @PostMapping("/tasks/{id}/done")
  public ResponseEntity<Void> done(@PathVariable("id") UUID id) {
    return tasks.markDone(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
  }
}
