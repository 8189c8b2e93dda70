package org.shiori.circulation.policy.check;

import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.policy.ReasonCodes;

/**
 * R-ITEM-2: an item held for another patron is not lent (nor renewed); R-HOLD-1: a hold-shelf item
 * is picked up only by the patron it is held for. For renewals only the first applies.
 */
final class HoldCheck implements Check {
  private final boolean renewal;
  private final Decision heldForOther;
  private final Decision holdShelfForOther;
  private final Decision holdShelfWithoutHold;

  HoldCheck(Map<String, Message> messages, boolean renewal) {
    this.renewal = renewal;
    heldForOther = Refusals.refuse(messages, ReasonCodes.HOLD_FOR_OTHER, "R-ITEM-2");
    holdShelfForOther = Refusals.refuse(messages, ReasonCodes.HOLD_FOR_OTHER, "R-HOLD-1");
    holdShelfWithoutHold = Refusals.refuse(messages, ReasonCodes.ITEM_UNAVAILABLE, "R-ITEM-3");
  }

  @Override
  public Stage stage() {
    return Stage.ITEM_STATE;
  }

  @Override
  public List<String> ruleIds() {
    return renewal ? List.of("R-ITEM-2") : List.of("R-ITEM-2", "R-HOLD-1");
  }

  @Override
  public Decision decide(Loan loan) {
    PatronSnapshot patron = loan.patron;
    PatronKey holder = loan.item.holdFor().orElse(null);
    boolean onHoldShelf = !renewal && loan.item.status() == ItemStatus.ON_HOLD_SHELF;
    if (holder != null && !holder.equals(patron.key())) {
      return onHoldShelf ? holdShelfForOther : heldForOther;
    }
    return onHoldShelf && holder == null ? holdShelfWithoutHold : null;
  }
}
