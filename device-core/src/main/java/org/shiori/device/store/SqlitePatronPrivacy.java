package org.shiori.device.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.PatronKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Export and erasure of what the device holds about one patron (P-RIGHTS-1, P-ERASE-3). */
final class SqlitePatronPrivacy {
  private static final Logger LOG = LoggerFactory.getLogger(SqlitePatronPrivacy.class);

  private final StoreDatabase database;

  SqlitePatronPrivacy(StoreDatabase database) {
    this.database = database;
  }

  PatronExport export(PatronKey key) {
    String k = key.value();
    return database.read(
        sql -> {
          List<HoldRecord> holds =
              new ArrayList<>(
                  sql.list(
                      HoldTable.INSTANCE.selectSql() + " WHERE patron_key = ? ORDER BY item_id",
                      HoldTable.INSTANCE::map,
                      k));
          holds.addAll(
              sql.list(
                  "SELECT item_id, hold_for, home_branch FROM items WHERE hold_for = ?"
                      + " AND item_id NOT IN (SELECT item_id FROM holds WHERE patron_key = ?)"
                      + " ORDER BY item_id",
                  HoldTable.INSTANCE::map,
                  k,
                  k));
          return new PatronExport(
              key,
              sql.one(
                  PatronTable.INSTANCE.selectSql() + " WHERE patron_key = ?",
                  PatronTable.INSTANCE::map,
                  k),
              sql.list(
                  "SELECT item_id FROM local_loans WHERE patron_key = ? ORDER BY item_id",
                  rs -> rs.getString(1),
                  k),
              holds,
              sql.list(
                  OutboxTable.SELECT + " WHERE patron_key = ? ORDER BY sequence",
                  OutboxTable::map,
                  k));
        });
  }

  PatronErasure erase(PatronKey key) {
    PatronErasure erased = database.write(sql -> erase(sql, key));
    LOG.info(
        "patron {} erased: {} record, {} local loans, {} holds; {} checkouts kept until"
            + " acknowledged",
        key.shortForm(),
        erased.patronRecords(),
        erased.localLoans(),
        erased.holds(),
        erased.pendingTransactionsKept());
    return erased;
  }

  /** Erases inside the caller's transaction; also used by sync when central deletes a patron. */
  static PatronErasure erase(Sql sql, PatronKey key) throws SQLException {
    String k = key.value();
    int record = sql.update("DELETE FROM patrons WHERE patron_key = ?", k);
    int loans = sql.update("DELETE FROM local_loans WHERE patron_key = ?", k);
    int holds = sql.update("DELETE FROM holds WHERE patron_key = ?", k);
    holds += sql.update("UPDATE items SET hold_for = NULL WHERE hold_for = ?", k);
    eraseFromStaging(sql, k);
    long pending = sql.number("SELECT count(*) FROM outbox WHERE patron_key = ?", k);
    sql.requestPrivacyCheckpoint();
    return new PatronErasure(record, loans, holds, (int) pending);
  }

  /** A snapshot being transferred holds the patron too, until it is swapped in or restarted. */
  private static void eraseFromStaging(Sql sql, String k) throws SQLException {
    if (staging(sql, "patrons_staging")) {
      sql.update("DELETE FROM patrons_staging WHERE patron_key = ?", k);
    }
    if (staging(sql, "holds_staging")) {
      sql.update("DELETE FROM holds_staging WHERE patron_key = ?", k);
    }
    if (staging(sql, "items_staging")) {
      sql.update("UPDATE items_staging SET hold_for = NULL WHERE hold_for = ?", k);
    }
  }

  private static boolean staging(Sql sql, String table) throws SQLException {
    return sql.exists("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", table);
  }
}
