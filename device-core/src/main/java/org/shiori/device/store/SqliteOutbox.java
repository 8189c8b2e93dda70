package org.shiori.device.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.shiori.circulation.domain.TransactionType;

/** The publishing side of the outbox, and the rejections kept for staff. */
final class SqliteOutbox implements Outbox {
  private final StoreDatabase database;
  private final OutboxCounters counters;
  private final Clock clock;

  SqliteOutbox(StoreDatabase database, OutboxCounters counters, Clock clock) {
    this.database = database;
    this.counters = counters;
    this.clock = clock;
  }

  @Override
  public List<OutboxEntry> unacknowledged(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative, was " + max);
    }
    return database.read(
        sql -> sql.list(OutboxTable.SELECT + " ORDER BY sequence LIMIT ?", OutboxTable::map, max));
  }

  @Override
  public void markPublished(long sequence) {
    database.write(
        sql -> sql.update("UPDATE outbox SET published = 1 WHERE sequence = ?", sequence));
  }

  @Override
  public boolean acknowledge(UUID transactionId) {
    return database.write(
        sql -> {
          Optional<OutboxEntry> entry = remove(sql, transactionId);
          if (entry.isPresent() && entry.get().transaction().type() == TransactionType.CHECKOUT) {
            markLoanAcknowledged(sql, entry.get());
          }
          return entry.isPresent();
        });
  }

  @Override
  public boolean reject(UUID transactionId, String reasonCode) {
    if (reasonCode == null || reasonCode.isBlank()) {
      throw new IllegalArgumentException("a rejection needs a reason code");
    }
    return database.write(
        sql -> {
          Optional<OutboxEntry> removed = remove(sql, transactionId);
          if (removed.isEmpty()) {
            return false;
          }
          OutboxEntry entry = removed.get();
          sql.update(
              "INSERT INTO rejections (sequence, transaction_id, type, item_id, reason_code,"
                  + " transaction_at, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
              entry.sequence(),
              transactionId.toString(),
              entry.transaction().type().name(),
              entry.transaction().itemId(),
              reasonCode,
              entry.transaction().at().toString(),
              Instant.now(clock).toString());
          if (entry.transaction().type() == TransactionType.CHECKOUT) {
            // Central refused the loan: it no longer counts against the patron on this device.
            String patron = entry.transaction().patron().orElseThrow().value();
            String item = entry.transaction().itemId();
            sql.update(
                "DELETE FROM local_loans WHERE item_id = ? AND patron_key = ?", item, patron);
            PatronItemLinks.deleted(sql, item, patron);
          }
          return true;
        });
  }

  @Override
  public int pendingCount() {
    return database.read(sql -> counters.pending());
  }

  /** Rejected transactions for staff, oldest first. */
  List<Rejection> rejections() {
    return database.read(
        sql ->
            sql.list(
                "SELECT sequence, transaction_id, type, item_id, reason_code, transaction_at,"
                    + " rejected_at FROM rejections ORDER BY sequence",
                rs ->
                    new Rejection(
                        rs.getLong(1),
                        UUID.fromString(rs.getString(2)),
                        TransactionType.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        Instant.parse(rs.getString(6)),
                        Instant.parse(rs.getString(7)))));
  }

  /** Staff dealt with a rejection: it leaves the list. */
  boolean resolveRejection(long sequence) {
    return database.write(
        sql -> sql.update("DELETE FROM rejections WHERE sequence = ?", sequence) > 0);
  }

  private Optional<OutboxEntry> remove(Sql sql, UUID transactionId) throws SQLException {
    Optional<OutboxEntry> entry =
        sql.one(
            OutboxTable.SELECT + " WHERE transaction_id = ?",
            OutboxTable::map,
            transactionId.toString());
    if (entry.isPresent()) {
      long sequence = entry.get().sequence();
      // Keep the high-water mark so the number is never handed out again (see V1 schema).
      sql.update("UPDATE device_sequence SET last_sequence = max(last_sequence, ?)", sequence);
      sql.update("DELETE FROM outbox WHERE sequence = ?", sequence);
      sql.afterCommit(counters::removed);
    }
    return entry;
  }

  private static void markLoanAcknowledged(Sql sql, OutboxEntry entry) throws SQLException {
    String patron = entry.transaction().patron().orElseThrow().value();
    String item = entry.transaction().itemId();
    // Central has the loan now; the next patron sync reflects it and the local row can go.
    sql.update(
        "UPDATE local_loans SET acknowledged = 1 WHERE item_id = ? AND patron_key = ?",
        item,
        patron);
    PatronItemLinks.deleted(sql, item, patron);
  }
}
