package org.shiori.kiosk.store;

import java.sql.SQLException;
import java.util.Optional;
import org.shiori.kiosk.domain.Transaction;
import org.shiori.kiosk.domain.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records circulation: each call is one durable transaction holding the sequence number, the outbox
 * row and the cache changes, so the outbox and the cache never disagree after a crash.
 */
final class SqliteLedger implements CirculationLedger {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteLedger.class);

  private final StoreDatabase database;
  private final int outboxCapacity;

  SqliteLedger(StoreDatabase database, int outboxCapacity) {
    if (outboxCapacity < 1) {
      throw new IllegalArgumentException(
          "outbox capacity must be at least 1, was " + outboxCapacity);
    }
    this.database = database;
    this.outboxCapacity = outboxCapacity;
  }

  @Override
  public OutboxEntry recordCheckout(Transaction checkout) throws OutboxFullException {
    require(checkout, TransactionType.CHECKOUT);
    String patron = checkout.patron().orElseThrow().value();
    return record(
        checkout,
        sql -> {
          String item = checkout.itemId();
          // P-ERASE-2: a hold this patron had on the item is consumed by the loan.
          sql.update(
              "UPDATE items SET status = 'ON_LOAN',"
                  + " hold_for = CASE WHEN hold_for = ? THEN NULL ELSE hold_for END"
                  + " WHERE item_id = ?",
              patron,
              item);
          sql.update("DELETE FROM holds WHERE item_id = ? AND patron_key = ?", item, patron);
          // R-LIMIT-7: counted with the patron's synced loans until central reflects it.
          sql.update(
              "INSERT OR REPLACE INTO local_loans (item_id, patron_key, material, acknowledged)"
                  + " VALUES (?, ?, coalesce((SELECT material FROM items WHERE item_id = ?), ''),"
                  + " 0)",
              item,
              patron,
              item);
        });
  }

  @Override
  public OutboxEntry recordReturn(Transaction giveBack) throws OutboxFullException {
    require(giveBack, TransactionType.RETURN);
    return record(
        giveBack,
        sql -> {
          String item = giveBack.itemId();
          sql.update("UPDATE items SET status = 'AVAILABLE' WHERE item_id = ?", item);
          // P-ERASE-1: the loan record goes at the moment of return.
          Optional<String> borrower =
              sql.one(
                  "SELECT patron_key FROM local_loans WHERE item_id = ?",
                  rs -> rs.getString(1),
                  item);
          if (borrower.isPresent()) {
            sql.update("DELETE FROM local_loans WHERE item_id = ?", item);
            PatronItemLinks.deleted(sql, item, borrower.get());
          }
        });
  }

  /** The cache changes a transaction implies, run inside its commit. */
  @FunctionalInterface
  private interface CacheChange {
    void apply(Sql sql) throws SQLException;
  }

  private OutboxEntry record(Transaction tx, CacheChange change) throws OutboxFullException {
    OutboxEntry entry =
        database.write(
            sql -> {
              long pending = sql.number("SELECT count(*) FROM outbox");
              if (pending >= outboxCapacity) {
                throw new OutboxFullException(
                    "the outbox holds "
                        + pending
                        + " unacknowledged transactions (capacity "
                        + outboxCapacity
                        + "): refusing new ones until central acknowledges");
              }
              sql.update("UPDATE device_sequence SET last_sequence = last_sequence + 1");
              long sequence = sql.number("SELECT last_sequence FROM device_sequence");
              sql.update(OutboxTable.INSERT, OutboxTable.insertArguments(sequence, tx));
              change.apply(sql);
              return new OutboxEntry(sequence, tx, false);
            });
    LOG.debug("{} recorded as sequence {}", tx.type(), entry.sequence());
    return entry;
  }

  private static void require(Transaction tx, TransactionType type) {
    if (tx.type() != type) {
      throw new IllegalArgumentException("expected a " + type + " transaction, got " + tx.type());
    }
  }
}
