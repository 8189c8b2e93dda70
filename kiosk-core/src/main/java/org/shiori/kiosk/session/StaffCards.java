package org.shiori.kiosk.session;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.shiori.circulation.domain.PatronKey;

/**
 * The staff cards that open the staff status screen when scanned at an idle kiosk. A staff card is
 * known by its key alone (the card number hashed with the tenant key, as patron keys are): the
 * kiosk keeps no staff number and no name, and a staff card never starts a patron session.
 *
 * @param keys the staff cards' keys ({@code ui.staffCards})
 * @param openFor how long the status screen stays open without a touch
 */
public record StaffCards(Set<PatronKey> keys, Duration openFor) {
  public StaffCards {
    keys = Set.copyOf(keys);
    Objects.requireNonNull(openFor, "openFor");
    if (openFor.isNegative() || openFor.isZero()) {
      throw new IllegalArgumentException("the staff screen must stay open for some time");
    }
  }

  /** No staff card. */
  public static StaffCards none() {
    return new StaffCards(Set.of(), Duration.ofSeconds(30));
  }

  boolean isStaff(PatronKey key) {
    return keys.contains(key);
  }
}
