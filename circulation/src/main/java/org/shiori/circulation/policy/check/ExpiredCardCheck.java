package org.shiori.circulation.policy.check;

import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;

/** R-CARD-3: a registration that expired before today is renewed at the counter first. */
final class ExpiredCardCheck implements Check {
  private final Decision refusal;

  ExpiredCardCheck(Map<String, Message> messages) {
    refusal = Refusals.refuse(messages, ReasonCodes.CARD_EXPIRED, "R-CARD-3");
  }

  @Override
  public Stage stage() {
    return Stage.PATRON_BLOCKS;
  }

  @Override
  public List<String> ruleIds() {
    return List.of("R-CARD-3");
  }

  @Override
  public Decision decide(Loan loan) {
    return loan.patron.expiry().isBefore(loan.today) ? refusal : null;
  }
}
