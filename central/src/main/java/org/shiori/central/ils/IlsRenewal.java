package org.shiori.central.ils;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A renewal to send to the ILS.
 *
 * @param patronIdentifier the patron's card number; never logged, hidden by {@link #toString()}
 * @param itemId the item to renew
 * @param patronPin the patron's PIN, where the ILS should check it; never logged
 * @param offlineTransactionTime when it really happened, for one kept while the ILS was
 *     unreachable; empty for a renewal happening now
 * @param noBlock true when the ILS must accept it without checking blocks
 * @param institutionId the ILS institution, empty for the connector's own
 * @param dueDate the new due date central's circulation rules gave, which the standalone connector
 *     records; empty for an ILS that dates the renewal itself (SIP2)
 */
public record IlsRenewal(
    String patronIdentifier,
    String itemId,
    Optional<String> patronPin,
    Optional<Instant> offlineTransactionTime,
    boolean noBlock,
    Optional<String> institutionId,
    Optional<LocalDate> dueDate) {

  public IlsRenewal {
    Objects.requireNonNull(patronIdentifier, "patronIdentifier");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(patronPin, "patronPin");
    Objects.requireNonNull(offlineTransactionTime, "offlineTransactionTime");
    Objects.requireNonNull(institutionId, "institutionId");
    Objects.requireNonNull(dueDate, "dueDate");
  }

  /** A renewal happening now, with blocks checked. */
  public static IlsRenewal now(String patronIdentifier, String itemId) {
    return new IlsRenewal(
        patronIdentifier,
        itemId,
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty(),
        Optional.empty());
  }

  /** A renewal asked by the patron at a kiosk now, with the PIN entered there if any. */
  public static IlsRenewal atKiosk(String patronIdentifier, String itemId, Optional<String> pin) {
    return new IlsRenewal(
        patronIdentifier, itemId, pin, Optional.empty(), false, Optional.empty(), Optional.empty());
  }

  /** The same renewal with the due date central's rules gave. */
  public IlsRenewal withDueDate(LocalDate due) {
    return new IlsRenewal(
        patronIdentifier,
        itemId,
        patronPin,
        offlineTransactionTime,
        noBlock,
        institutionId,
        Optional.of(due));
  }

  @Override
  public String toString() {
    return "IlsRenewal[itemId="
        + itemId
        + ", offlineTransactionTime="
        + offlineTransactionTime
        + ", noBlock="
        + noBlock
        + "]";
  }
}
