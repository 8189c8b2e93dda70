package org.shiori.circulation.policy;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import org.shiori.circulation.domain.ItemRecord;

/**
 * Everything the rules need to route a returned item.
 *
 * @param item the returned item (with any hold on it)
 * @param branch the service point of the kiosk
 * @param damageReported the patron flagged the item as damaged (R-RET-3)
 * @param now the moment of the return, in the branch's zone
 * @param holdPickupBranch where the waiting hold is picked up, when the item has one (R-HOLD-3);
 *     empty means this branch
 */
public record ReturnContext(
    ItemRecord item,
    String branch,
    boolean damageReported,
    ZonedDateTime now,
    Optional<String> holdPickupBranch) {
  public ReturnContext {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(holdPickupBranch, "holdPickupBranch");
  }

  /** A return whose hold, if any, is picked up at this branch. */
  public ReturnContext(ItemRecord item, String branch, boolean damageReported, ZonedDateTime now) {
    this(item, branch, damageReported, now, Optional.empty());
  }
}
