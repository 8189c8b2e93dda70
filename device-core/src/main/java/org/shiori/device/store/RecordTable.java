package org.shiori.device.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How one synced record type lies in its table: the single place that knows its columns, used by
 * sync (write) and by the catalog (read).
 */
interface RecordTable<T> {
  /** The live table; a snapshot is staged in {@code <table>_staging} and renamed over it. */
  String table();

  String keyColumn();

  /** Column names in bind order. */
  String columns();

  int columnCount();

  void bind(PreparedStatement statement, T record) throws SQLException;

  T map(ResultSet row) throws SQLException;

  default String upsertSql(String tableName) {
    return "INSERT OR REPLACE" + insertSql(tableName).substring("INSERT".length());
  }

  /** Plain insert, for a staging table that a snapshot fills once per key. */
  default String insertSql(String tableName) {
    return "INSERT INTO "
        + tableName
        + " ("
        + columns()
        + ") VALUES ("
        + "?, ".repeat(columnCount() - 1)
        + "?)";
  }

  default String selectSql() {
    return "SELECT " + columns() + " FROM " + table();
  }
}
