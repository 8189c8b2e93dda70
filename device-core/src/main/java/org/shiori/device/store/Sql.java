package org.shiori.device.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statement access inside one call to {@link StoreDatabase}: prepared statements are cached, so the
 * hot path (a checkout) parses no SQL.
 */
final class Sql {
  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final StoreDatabase database;
  private final List<Runnable> afterCommit = new ArrayList<>();
  private boolean privacyCheckpointRequested;

  Sql(StoreDatabase database) {
    this.database = database;
  }

  PreparedStatement prepared(String sql) throws SQLException {
    return database.prepared(sql);
  }

  int update(String sql, Object... args) throws SQLException {
    PreparedStatement statement = bind(sql, args);
    return statement.executeUpdate();
  }

  <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
    PreparedStatement statement = bind(sql, args);
    List<T> rows = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        rows.add(mapper.map(rs));
      }
    }
    return rows;
  }

  <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
    PreparedStatement statement = bind(sql, args);
    try (ResultSet rs = statement.executeQuery()) {
      return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
    }
  }

  long number(String sql, Object... args) throws SQLException {
    return one(sql, rs -> rs.getLong(1), args).orElse(0L);
  }

  boolean exists(String sql, Object... args) throws SQLException {
    return one(sql, rs -> Boolean.TRUE, args).isPresent();
  }

  /** Runs DDL or a statement whose text changes (never cached). */
  void execute(String sql) throws SQLException {
    try (var statement = database.connection().createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * A row linking a patron to an item was deleted and no other row links them: once this call has
   * committed, the old page images must leave the WAL (P-ERASE-1, P-ERASE-2, P-ERASE-3).
   */
  void requestPrivacyCheckpoint() {
    privacyCheckpointRequested = true;
  }

  /** Runs {@code action} once this call's transaction has committed (still under the lock). */
  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  void committed() {
    afterCommit.forEach(Runnable::run);
  }

  boolean privacyCheckpointRequested() {
    return privacyCheckpointRequested;
  }

  private PreparedStatement bind(String sql, Object... args) throws SQLException {
    PreparedStatement statement = database.prepared(sql);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement;
  }
}
