package org.shiori.device.store;

import java.sql.SQLException;

/**
 * Knows every row that links a patron to an item (local loans, unacknowledged checkouts, holds) and
 * asks for a WAL checkpoint once the last one for a pair is deleted, so no old page image keeps the
 * pair (P-ERASE-1, P-ERASE-2).
 */
final class PatronItemLinks {
  private PatronItemLinks() {}

  /** Call after deleting a row that linked {@code patronKey} to {@code itemId}. */
  static void deleted(Sql sql, String itemId, String patronKey) throws SQLException {
    if (!remains(sql, itemId, patronKey)) {
      sql.requestPrivacyCheckpoint();
    }
  }

  static boolean remains(Sql sql, String itemId, String patronKey) throws SQLException {
    return sql.exists(
            "SELECT 1 FROM local_loans WHERE item_id = ? AND patron_key = ?", itemId, patronKey)
        || sql.exists(
            "SELECT 1 FROM outbox WHERE type = 'CHECKOUT' AND item_id = ? AND patron_key = ?",
            itemId,
            patronKey)
        || sql.exists(
            "SELECT 1 FROM holds WHERE item_id = ? AND patron_key = ?", itemId, patronKey);
  }
}
