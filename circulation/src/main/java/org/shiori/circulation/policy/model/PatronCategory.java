package org.shiori.circulation.policy.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A patron category of the policy (individual, group, disability service, ...).
 *
 * @param id category id, as in {@code PatronSnapshot.category}
 * @param limits loan limits, inherited ones included
 * @param pinRequired whether kiosk borrowing asks for the PIN (R-CARD-2)
 * @param confirmEachFiscalYear whether the registration must be confirmed by staff at the first
 *     loan of each fiscal year (R-GROUP-1)
 * @param holdLimit most holds plus purchase requests (R-HOLD-2); empty = no limit
 * @param receiptByDefault whether the kiosk offers the receipt by default (R-GROUP-2)
 */
public record PatronCategory(
    String id,
    List<LimitGroup> limits,
    boolean pinRequired,
    boolean confirmEachFiscalYear,
    OptionalInt holdLimit,
    boolean receiptByDefault) {
  public PatronCategory {
    Objects.requireNonNull(id, "id");
    limits = List.copyOf(limits);
    Objects.requireNonNull(holdLimit, "holdLimit");
  }
}
