package org.shiori.device.store;

import java.sql.SQLException;
import java.util.Optional;
import org.shiori.circulation.domain.Transaction;
import org.shiori.circulation.domain.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records circulation: each call is one durable transaction holding the sequence number, the outbox
 * row and the cache changes (the latter done by the schema's outbox triggers), so the outbox and
 * the cache never disagree after a crash.
 */
final class SqliteLedger implements CirculationLedger {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteLedger.class);

  private final StoreDatabase database;
  private final OutboxCounters counters;
  private final int outboxCapacity;

  SqliteLedger(StoreDatabase database, OutboxCounters counters, int outboxCapacity) {
    if (outboxCapacity < 1) {
      throw new IllegalArgumentException(
          "outbox capacity must be at least 1, was " + outboxCapacity);
    }
    this.database = database;
    this.counters = counters;
    this.outboxCapacity = outboxCapacity;
  }

  /** Trigger {@code outbox_checkout_cache}: item on loan, hold consumed, local loan counted. */
  @Override
  public OutboxEntry recordCheckout(Transaction checkout) throws OutboxFullException {
    require(checkout, TransactionType.CHECKOUT);
    return record(checkout);
  }

  /** Trigger {@code outbox_return_cache}: item available, local loan erased (P-ERASE-1). */
  @Override
  public OutboxEntry recordReturn(Transaction giveBack) throws OutboxFullException {
    require(giveBack, TransactionType.RETURN);
    return record(giveBack);
  }

  private OutboxEntry record(Transaction tx) throws OutboxFullException {
    OutboxEntry entry =
        database.write(
            sql -> {
              if (counters.pending() >= outboxCapacity) {
                throw new OutboxFullException(
                    "the outbox holds "
                        + counters.pending()
                        + " unacknowledged transactions (capacity "
                        + outboxCapacity
                        + "): refusing new ones until central acknowledges");
              }
              long sequence = counters.nextSequence();
              Optional<String> borrower = returnedFrom(sql, tx);
              sql.update(OutboxTable.INSERT, OutboxTable.insertArguments(sequence, tx));
              if (borrower.isPresent()) {
                PatronItemLinks.deleted(sql, tx.itemId(), borrower.get());
              }
              sql.afterCommit(() -> counters.added(sequence));
              return new OutboxEntry(sequence, tx, false);
            });
    LOG.debug("{} recorded as sequence {}", tx.type(), entry.sequence());
    return entry;
  }

  /** For a return, who had the item on a local loan the trigger is about to erase. */
  private static Optional<String> returnedFrom(Sql sql, Transaction tx) throws SQLException {
    if (tx.type() != TransactionType.RETURN) {
      return Optional.empty();
    }
    return sql.one(
        "SELECT patron_key FROM local_loans WHERE item_id = ?", rs -> rs.getString(1), tx.itemId());
  }

  private static void require(Transaction tx, TransactionType type) {
    if (tx.type() != type) {
      throw new IllegalArgumentException("expected a " + type + " transaction, got " + tx.type());
    }
  }
}
