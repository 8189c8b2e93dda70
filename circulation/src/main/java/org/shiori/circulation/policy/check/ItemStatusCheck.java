package org.shiori.circulation.policy.check;

import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;

/** R-ITEM-3: lost, missing, withdrawn, in-repair, in-transit (and on-loan) items go to staff. */
final class ItemStatusCheck implements Check {
  private final Decision refusal;

  ItemStatusCheck(Map<String, Message> messages) {
    refusal = Refusals.refuse(messages, ReasonCodes.ITEM_UNAVAILABLE, "R-ITEM-3");
  }

  @Override
  public Stage stage() {
    return Stage.ITEM_STATE;
  }

  @Override
  public List<String> ruleIds() {
    return List.of("R-ITEM-3");
  }

  @Override
  public Decision decide(Loan loan) {
    ItemStatus status = loan.item.status();
    return status == ItemStatus.AVAILABLE || status == ItemStatus.ON_HOLD_SHELF ? null : refusal;
  }
}
