package org.shiori.central.ils;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A checkout to send to the ILS.
 *
 * @param patronIdentifier the patron's card number; never logged, hidden by {@link #toString()}
 * @param itemId the item's barcode or RFID item identifier
 * @param patronPin the patron's PIN, where the ILS should check it; never logged
 * @param offlineTransactionTime when the checkout really happened, for one that was kept while the
 *     ILS was unreachable; empty for a checkout happening now
 * @param noBlock true when the ILS must accept it without checking blocks (an offline checkout the
 *     kiosk already lent)
 * @param institutionId the ILS institution, empty for the connector's own
 * @param feeAcknowledged the patron agreed to pay the item's fee
 */
public record IlsCheckout(
    String patronIdentifier,
    String itemId,
    Optional<String> patronPin,
    Optional<Instant> offlineTransactionTime,
    boolean noBlock,
    Optional<String> institutionId,
    boolean feeAcknowledged) {

  public IlsCheckout {
    Objects.requireNonNull(patronIdentifier, "patronIdentifier");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(patronPin, "patronPin");
    Objects.requireNonNull(offlineTransactionTime, "offlineTransactionTime");
    Objects.requireNonNull(institutionId, "institutionId");
  }

  /** A checkout happening now, with blocks checked. */
  public static IlsCheckout now(String patronIdentifier, String itemId) {
    return new IlsCheckout(
        patronIdentifier,
        itemId,
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty(),
        false);
  }

  /** A checkout the kiosk made while the ILS was unreachable, sent with no block. */
  public static IlsCheckout offline(String patronIdentifier, String itemId, Instant happenedAt) {
    return new IlsCheckout(
        patronIdentifier,
        itemId,
        Optional.empty(),
        Optional.of(happenedAt),
        true,
        Optional.empty(),
        false);
  }

  public IlsCheckout withPatronPin(String pin) {
    return new IlsCheckout(
        patronIdentifier,
        itemId,
        Optional.of(pin),
        offlineTransactionTime,
        noBlock,
        institutionId,
        feeAcknowledged);
  }

  @Override
  public String toString() {
    return "IlsCheckout[itemId="
        + itemId
        + ", offlineTransactionTime="
        + offlineTransactionTime
        + ", noBlock="
        + noBlock
        + "]";
  }
}
