package org.shiori.device.testing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.shiori.circulation.domain.Transaction;

/**
 * A transaction as central received it, once (duplicates are not listed again).
 *
 * @param sequence the device's outbox sequence
 * @param transaction the transaction
 * @param receivedAt when central took it
 * @param accepted whether central accepted it
 * @param reason the rejection reason code
 */
public record ReceivedTransaction(
    long sequence,
    Transaction transaction,
    Instant receivedAt,
    boolean accepted,
    Optional<String> reason) {
  public ReceivedTransaction {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(reason, "reason");
  }
}
