package org.shiori.kiosk.policy;

import java.time.ZonedDateTime;
import java.util.Objects;
import org.shiori.kiosk.domain.ItemRecord;

/**
 * Everything the rules need to route a returned item.
 *
 * @param item the returned item (with any hold on it)
 * @param branch the service point of the kiosk
 * @param damageReported the patron flagged the item as damaged (R-RET-3)
 * @param now the moment of the return, in the branch's zone
 */
public record ReturnContext(
    ItemRecord item, String branch, boolean damageReported, ZonedDateTime now) {
  public ReturnContext {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(now, "now");
  }
}
