package org.shiori.circulation.policy.check;

import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;

/**
 * A renewal is allowed up to the loan rule's {@code renewals} (R-LIMIT-2 practice; none for ILL
 * items, R-ILL-2). The refusal names the rule that set the number.
 */
final class RenewalLimitCheck implements Check {
  private final Message message;

  RenewalLimitCheck(Map<String, Message> messages) {
    this.message = messages.get(ReasonCodes.RENEWAL_LIMIT);
  }

  @Override
  public Stage stage() {
    return Stage.LIMITS;
  }

  @Override
  public List<String> ruleIds() {
    return List.of("R-LIMIT-2", "R-ILL-2");
  }

  @Override
  public Decision decide(Loan loan) {
    return loan.renewalsSoFar >= loan.rule.rule.renewals()
        ? Decision.refuse(ReasonCodes.RENEWAL_LIMIT, loan.rule.rule.ruleId(), message)
        : null;
  }
}
