package org.shiori.device.store;

import java.util.Objects;
import org.shiori.circulation.domain.Transaction;

/**
 * A transaction as committed in the outbox.
 *
 * @param sequence per-device sequence number, gap-free from 1
 * @param transaction the transaction
 * @param published whether it has been handed to the broker at least once
 */
public record OutboxEntry(long sequence, Transaction transaction, boolean published) {
  public OutboxEntry {
    Objects.requireNonNull(transaction, "transaction");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence numbers start at 1");
    }
  }
}
