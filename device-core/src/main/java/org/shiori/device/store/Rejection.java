package org.shiori.device.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.shiori.circulation.domain.TransactionType;

/**
 * A transaction central refused, kept for staff with the item flagged. It names no patron
 * (P-MIN-1).
 *
 * @param sequence the device sequence number the transaction had
 * @param transactionId the transaction's id
 * @param type checkout or return
 * @param itemId the item staff should look at
 * @param reasonCode central's reason
 * @param transactionAt when the transaction was made
 * @param rejectedAt when the rejection arrived
 */
public record Rejection(
    long sequence,
    UUID transactionId,
    TransactionType type,
    String itemId,
    String reasonCode,
    Instant transactionAt,
    Instant rejectedAt) {
  public Rejection {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(transactionAt, "transactionAt");
    Objects.requireNonNull(rejectedAt, "rejectedAt");
  }
}
