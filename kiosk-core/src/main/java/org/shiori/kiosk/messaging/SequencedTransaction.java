package org.shiori.kiosk.messaging;

import java.util.Objects;
import org.shiori.kiosk.domain.Transaction;

/**
 * A transaction as it travels on {@code lib/{tenant}/dev/{deviceId}/tx}: with the device's outbox
 * sequence number, so central can check that nothing is missing.
 *
 * @param sequence the per-device outbox sequence, gap-free from 1
 * @param transaction the transaction
 */
public record SequencedTransaction(long sequence, Transaction transaction) {
  public SequencedTransaction {
    Objects.requireNonNull(transaction, "transaction");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence numbers start at 1");
    }
  }
}
