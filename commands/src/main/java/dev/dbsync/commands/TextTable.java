package dev.dbsync.commands;

import java.util.ArrayList;
import java.util.List;

/** Columns aligned with spaces, as {@code flyway info} and {@code psql} print them; readable in any CI log. */
final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... header) {
    this.header = List.of(header);
  }

  TextTable row(String... cells) {
    List<String> row = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      row.add(i < cells.length && cells[i] != null ? cells[i] : "");
    }
    rows.add(row);
    return this;
  }

  /** Each line indented by {@code indent}, columns two spaces apart, no trailing spaces. */
  String render(String indent) {
    int[] widths = new int[header.size()];
    for (List<String> row : all()) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : all()) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i));
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  private List<List<String>> all() {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }
}
