package org.shiori.central.ils;

import java.util.Objects;
import java.util.Optional;

/**
 * An item taken back.
 *
 * @param alert present when the ILS wants the item put aside rather than shelved (a hold for
 *     another patron, a transfer to another branch)
 * @param sortBin the sort bin the ILS chose, where it chose one
 */
public record IlsReturn(
    String itemId,
    Optional<String> title,
    Optional<String> permanentLocation,
    Optional<String> sortBin,
    Optional<IlsReturnAlert> alert) {
  public IlsReturn {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(permanentLocation, "permanentLocation");
    Objects.requireNonNull(sortBin, "sortBin");
    Objects.requireNonNull(alert, "alert");
  }
}
