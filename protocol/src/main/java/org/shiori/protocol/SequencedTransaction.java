package org.shiori.protocol;

import java.util.Objects;
import org.shiori.circulation.domain.Transaction;

/**
 * A transaction as it travels on {@code lib/{tenant}/dev/{deviceId}/tx}: with the device's outbox
 * sequence number, so central can check that nothing is missing.
 *
 * @param sequence the per-device outbox sequence, gap-free from 1
 * @param pendingFrom the oldest sequence the device still held unacknowledged when it sent this
 *     one: everything below it was answered by central. Lets a central system that lost its state
 *     (or never met the device) know where the device's sequence stands without guessing.
 * @param transaction the transaction
 */
public record SequencedTransaction(long sequence, long pendingFrom, Transaction transaction) {
  public SequencedTransaction {
    Objects.requireNonNull(transaction, "transaction");
    if (pendingFrom < 1 || pendingFrom > sequence) {
      throw new IllegalArgumentException(
          "1 <= pendingFrom <= sequence, got " + pendingFrom + " and " + sequence);
    }
  }
}
