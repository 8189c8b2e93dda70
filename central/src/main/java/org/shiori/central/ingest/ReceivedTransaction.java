package org.shiori.central.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.shiori.circulation.domain.TransactionType;

/**
 * A transaction as central took it, once, as staff and the demo page see it: never the patron.
 *
 * @param ilsState {@code none} (standalone), {@code pending}, {@code done} or {@code refused}
 */
public record ReceivedTransaction(
    UUID txId,
    String deviceId,
    long sequence,
    TransactionType type,
    String itemId,
    Optional<LocalDate> dueDate,
    boolean offline,
    Instant happenedAt,
    Instant receivedAt,
    boolean accepted,
    Optional<String> reason,
    String ilsState) {}
