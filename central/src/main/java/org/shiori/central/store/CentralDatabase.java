package org.shiori.central.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.config.CentralConfig.DatabaseKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Central's own database: a HikariCP pool over PostgreSQL (production) or one SQLite file (one
 * branch, the demo), brought to the current schema by Flyway at start. Both databases get the same
 * tables from their own migration folder ({@code db/central/postgresql}, {@code
 * db/central/sqlite}).
 */
public final class CentralDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CentralDatabase.class);

  private final DatabaseKind kind;
  private final HikariDataSource pool;

  private CentralDatabase(DatabaseKind kind, HikariDataSource pool) {
    this.kind = kind;
    this.pool = pool;
  }

  /** Opens the pool and migrates the schema; fails if the database cannot be reached. */
  public static CentralDatabase open(CentralConfig.Database settings) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(settings.jdbcUrl());
    c.setPoolName("central-db");
    c.setAutoCommit(false);
    c.setConnectionTimeout(10_000);
    if (settings.kind() == DatabaseKind.SQLITE) {
      // One writer: SQLite serialises writes anyway, and one connection keeps the pragmas simple.
      c.setMaximumPoolSize(1);
      // secure_delete zeroes deleted rows in the file (P-ERASE-1); a rollback journal (not WAL)
      // keeps no copy of an erased row after the commit.
      c.addDataSourceProperty("secure_delete", "true");
      c.addDataSourceProperty("journal_mode", "TRUNCATE");
      c.addDataSourceProperty("synchronous", "FULL");
      c.addDataSourceProperty("busy_timeout", "10000");
    } else {
      // A JDBC batch of INSERTs goes as multi-row INSERTs: the ingest writes each batch's rows
      // that way, and PostgreSQL executes one statement where it executed one per row.
      c.addDataSourceProperty("reWriteBatchedInserts", "true");
      c.setUsername(settings.user());
      settings.password().ifPresent(c::setPassword);
      c.setMaximumPoolSize(settings.poolSize());
      c.setMinimumIdle(Math.min(2, settings.poolSize()));
    }
    HikariDataSource pool = new HikariDataSource(c);
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations(
              "classpath:db/central/"
                  + (settings.kind() == DatabaseKind.SQLITE ? "sqlite" : "postgresql"))
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    LOG.info("central database ready: {}", settings);
    return new CentralDatabase(settings.kind(), pool);
  }

  public DatabaseKind kind() {
    return kind;
  }

  public DataSource dataSource() {
    return pool;
  }

  /** Work done in one database transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction and commits. A unique-key conflict or a serialisation
   * failure (another central instance took the same row first) is retried: the work sees the other
   * instance's row the second time.
   */
  public <T> T inTransaction(Work<T> work) {
    SQLException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try (Connection c = pool.getConnection()) {
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        last = e;
        if (!retryable(e)) {
          break;
        }
      }
    }
    throw new DatabaseException(
        "database transaction failed: "
            + (last == null ? "" : last.getSQLState() + " " + last.getMessage()),
        last);
  }

  private static boolean retryable(SQLException e) {
    String state = e.getSQLState();
    // 23505 unique violation, 40001 serialisation failure, 40P01 deadlock (PostgreSQL);
    // SQLite reports constraint violations with error code 19 and busy with 5.
    // 08xxx and 57P01: the connection was lost or terminated; the pool opens a new one.
    return "23505".equals(state)
        || (state != null && state.startsWith("08"))
        || "57P01".equals(state)
        // The pool's own "Connection is closed" (no SQL state) after the server ended it.
        || (state == null && String.valueOf(e.getMessage()).contains("closed"))
        || "40001".equals(state)
        || "40P01".equals(state)
        || e.getErrorCode() == 19
        || e.getErrorCode() == 5;
  }

  /** Runs one statement outside any transaction of the caller (maintenance). */
  public void execute(String sql) {
    inTransaction(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(sql);
          }
          return null;
        });
  }

  @Override
  public void close() {
    pool.close();
  }
}
