package org.shiori.circulation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One circulation event made at a device, as it goes to the central system.
 *
 * @param id unique id, used by central to de-duplicate
 * @param type checkout or return
 * @param deviceId the device that made it
 * @param branch the service point of the device
 * @param itemId the item
 * @param patron the borrower for a checkout; empty for a return (P-ERASE-1)
 * @param at when it happened
 * @param dueDate the due date of a checkout
 * @param offline whether it was decided while the central system was unreachable
 */
public record Transaction(
    UUID id,
    TransactionType type,
    String deviceId,
    String branch,
    String itemId,
    Optional<PatronKey> patron,
    Instant at,
    Optional<LocalDate> dueDate,
    boolean offline) {
  public Transaction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(patron, "patron");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(dueDate, "dueDate");
    if (type == TransactionType.CHECKOUT && (patron.isEmpty() || dueDate.isEmpty())) {
      throw new IllegalArgumentException("a checkout names its patron and due date");
    }
    if (type == TransactionType.RETURN && (patron.isPresent() || dueDate.isPresent())) {
      throw new IllegalArgumentException("a return carries no patron (P-ERASE-1)");
    }
  }
}
