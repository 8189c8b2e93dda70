package org.shiori.circulation.policy.check;

import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;

/** R-BLOCK-1 (施行規則 Art. 11): a patron with any overdue item borrows nothing until it is back. */
final class OverdueCheck implements Check {
  private final Decision refusal;

  OverdueCheck(Map<String, Message> messages) {
    refusal = Refusals.refuse(messages, ReasonCodes.OVERDUE_BLOCK, "R-BLOCK-1");
  }

  @Override
  public Stage stage() {
    return Stage.PATRON_BLOCKS;
  }

  @Override
  public List<String> ruleIds() {
    return List.of("R-BLOCK-1");
  }

  @Override
  public Decision decide(Loan loan) {
    return loan.patron.overdue() ? refusal : null;
  }
}
