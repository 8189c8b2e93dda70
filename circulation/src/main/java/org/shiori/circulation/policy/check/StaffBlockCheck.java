package org.shiori.circulation.policy.check;

import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;

/** R-BLOCK-2: a block set by staff refuses all kiosk borrowing, with a neutral message. */
final class StaffBlockCheck implements Check {
  private final Decision refusal;

  StaffBlockCheck(Map<String, Message> messages) {
    refusal = Refusals.refuse(messages, ReasonCodes.STAFF_BLOCK, "R-BLOCK-2");
  }

  @Override
  public Stage stage() {
    return Stage.PATRON_BLOCKS;
  }

  @Override
  public List<String> ruleIds() {
    return List.of("R-BLOCK-2");
  }

  @Override
  public Decision decide(Loan loan) {
    return loan.patron.staffBlock() ? refusal : null;
  }
}
