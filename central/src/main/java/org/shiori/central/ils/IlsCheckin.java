package org.shiori.central.ils;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A check-in (return) to send to the ILS.
 *
 * @param itemId the item's barcode or RFID item identifier
 * @param returnTime when the item was returned, for one kept while the ILS was unreachable; empty
 *     for a return happening now
 * @param location where it was returned, empty for the connector's own location code
 * @param noBlock true when the ILS must accept it without checks (an offline return)
 * @param institutionId the ILS institution, empty for the connector's own
 */
public record IlsCheckin(
    String itemId,
    Optional<Instant> returnTime,
    Optional<String> location,
    boolean noBlock,
    Optional<String> institutionId) {

  public IlsCheckin {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(returnTime, "returnTime");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(institutionId, "institutionId");
  }

  /** A return happening now at the connector's own location. */
  public static IlsCheckin now(String itemId) {
    return new IlsCheckin(itemId, Optional.empty(), Optional.empty(), false, Optional.empty());
  }

  /** A return the kiosk took while the ILS was unreachable, sent with no block. */
  public static IlsCheckin offline(String itemId, Instant returnedAt) {
    return new IlsCheckin(
        itemId, Optional.of(returnedAt), Optional.empty(), true, Optional.empty());
  }
}
