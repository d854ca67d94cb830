package dev.dbsync.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A database created for one test; closing it drops it. */
public final class TestDatabase implements AutoCloseable {
  private final String name;
  private final String url;
  private final Runnable drop;

  TestDatabase(String name, String url, Runnable drop) {
    this.name = name;
    this.url = url;
    this.drop = drop;
  }

  public String name() {
    return name;
  }

  /** JDBC URL, user and password included. */
  public String url() {
    return url;
  }

  /** A plain (unpooled) DataSource: every {@code getConnection()} opens a new connection. */
  public DataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    return ds;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, new Properties());
  }

  /** Runs {@code sql} (one statement or several) on a connection of its own, as a change made by hand. */
  public void execute(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of every row {@code sql} returns, as text. */
  public List<String> query(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return rows;
    }
  }

  @Override
  public void close() {
    drop.run();
  }

  @Override
  public String toString() {
    return name;
  }

}
