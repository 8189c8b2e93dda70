package org.shiori.circulation.policy.check;

import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;

/** R-CARD-2: categories with {@code pin: true} borrow only after the PIN was entered. */
final class PinCheck implements Check {
  private final Decision refusal;

  PinCheck(Map<String, Message> messages) {
    refusal = Refusals.refuse(messages, ReasonCodes.PIN_REQUIRED, "R-CARD-2");
  }

  @Override
  public Stage stage() {
    return Stage.PATRON_BLOCKS;
  }

  @Override
  public List<String> ruleIds() {
    return List.of("R-CARD-2");
  }

  @Override
  public Decision decide(Loan loan) {
    return loan.category.pinRequired() && !loan.pinVerified ? refusal : null;
  }
}
