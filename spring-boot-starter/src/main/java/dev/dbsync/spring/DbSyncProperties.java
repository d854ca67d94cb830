package dev.dbsync.spring;

import dev.dbsync.DbSync;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dbsync.*}: Boot's spelling of the runtime's settings. Each one left unset here is left to the runtime,
 * which reads its {@code DBSYNC_*} environment variable (or {@code dbsync.x.y} system property) and then its
 * default; each one set here gives way to that variable too, as Boot's environment variables win over packaged
 * {@code application.properties}. A {@link DbSyncBuilderCustomizer} or a {@code DbSync.Builder} bean of the
 * application's own wins over both.
 */
@ConfigurationProperties("dbsync")
public class DbSyncProperties {
  /** Whether to apply the pending migrations at startup. */
  private boolean enabled = true;

  /** development (the default) or production: refuses destructive migrations unless allowed (DBSYNC_MODE). */
  private DbSync.Mode mode;

  /**
   * How long a migration statement may wait for a table lock held by the application (DBSYNC_LOCK_TIMEOUT, default
   * 5s).
   */
  private Duration lockTimeout;

  /** Limit for each migration statement (DBSYNC_STATEMENT_TIMEOUT, default: the server's). */
  private Duration statementTimeout;

  /** How long to wait for another instance's migration lock (DBSYNC_LOCK_WAIT, default 2m). */
  private Duration lockWait;

  /**
   * Which destructive migrations production mode may apply: true (all), false, or versions such as 5,7
   * (DBSYNC_ALLOW_DESTRUCTIVE).
   */
  private String allowDestructive;

  /** pg_dump the database into this directory before applying anything (DBSYNC_BACKUP_DIR). */
  private Path backupDir;

  /** Backups kept per table and dump files per database; 0 keeps all (DBSYNC_BACKUP_RETENTION). */
  private Integer backupRetention;

  /** History table, table or schema.table (DBSYNC_HISTORY_TABLE, default flyway_schema_history). */
  private String historyTable;

  /**
   * Whether a database that differs from the compiled snapshot after the migrations fails the apply
   * (DBSYNC_FAIL_ON_DRIFT, default true; production mode always fails).
   */
  private Boolean failOnDrift;

  /** JDBC URL of a dedicated migration connection; unset: the application's DataSource. */
  private String url;

  /** Login user of the dedicated migration connection (with url). */
  private String user;

  /** Password of the dedicated migration connection (with url). */
  private String password;

  private final Health health = new Health();

  /** The {@code dbsync} health indicator (with Actuator). */
  public static class Health {
    /** How long a drift check's answer is reused: probes in between run no query. */
    private Duration checkInterval = Duration.ofMinutes(1);

    public Duration getCheckInterval() {
      return checkInterval;
    }

    public void setCheckInterval(Duration checkInterval) {
      this.checkInterval = checkInterval;
    }
  }

  public Health getHealth() {
    return health;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public DbSync.Mode getMode() {
    return mode;
  }

  public void setMode(DbSync.Mode mode) {
    this.mode = mode;
  }

  public Duration getLockTimeout() {
    return lockTimeout;
  }

  public void setLockTimeout(Duration lockTimeout) {
    this.lockTimeout = lockTimeout;
  }

  public Duration getStatementTimeout() {
    return statementTimeout;
  }

  public void setStatementTimeout(Duration statementTimeout) {
    this.statementTimeout = statementTimeout;
  }

  public Duration getLockWait() {
    return lockWait;
  }

  public void setLockWait(Duration lockWait) {
    this.lockWait = lockWait;
  }

  public String getAllowDestructive() {
    return allowDestructive;
  }

  public void setAllowDestructive(String allowDestructive) {
    this.allowDestructive = allowDestructive;
  }

  public Path getBackupDir() {
    return backupDir;
  }

  public void setBackupDir(Path backupDir) {
    this.backupDir = backupDir;
  }

  public Integer getBackupRetention() {
    return backupRetention;
  }

  public void setBackupRetention(Integer backupRetention) {
    this.backupRetention = backupRetention;
  }

  public String getHistoryTable() {
    return historyTable;
  }

  public void setHistoryTable(String historyTable) {
    this.historyTable = historyTable;
  }

  public Boolean getFailOnDrift() {
    return failOnDrift;
  }

  public void setFailOnDrift(Boolean failOnDrift) {
    this.failOnDrift = failOnDrift;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
