package org.shiori.circulation.domain;

import java.util.Objects;

/**
 * A hold on an item (R-HOLD-1..3), erased when the held item is lent (P-ERASE-2).
 *
 * @param itemId the held item
 * @param patron who it is held for
 * @param pickupBranch where it is picked up
 */
public record HoldRecord(String itemId, PatronKey patron, String pickupBranch) {
  public HoldRecord {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(patron, "patron");
    Objects.requireNonNull(pickupBranch, "pickupBranch");
  }
}
