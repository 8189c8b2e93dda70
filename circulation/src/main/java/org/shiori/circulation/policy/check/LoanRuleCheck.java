package org.shiori.circulation.policy.check;

import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;

/**
 * Selects the most specific loan rule for the item (docs/policy.md, "Which rule applies"); a rule
 * with {@code refuse} refuses, no rule at all is a policy gap for staff. The rule decides the
 * period, renewals and split lending of the later checks.
 */
final class LoanRuleCheck implements Check {
  private final RuleIndex index;
  private final Decision noRule;
  private final List<String> ruleIds;

  LoanRuleCheck(RuleIndex index, Map<String, Message> messages, List<String> ruleIds) {
    this.index = index;
    this.noRule = Refusals.refuse(messages, ReasonCodes.NO_LOAN_RULE, "POLICY");
    this.ruleIds = List.copyOf(ruleIds);
  }

  @Override
  public Stage stage() {
    return Stage.RULE_SELECTION;
  }

  @Override
  public List<String> ruleIds() {
    return ruleIds;
  }

  @Override
  public Decision decide(Loan loan) {
    RuleIndex.RuleEntry entry =
        index.rule(loan.branchIndex, loan.categoryIndex, loan.materialIndex, loan.item.flags());
    if (entry == null) {
      return noRule;
    }
    loan.rule = entry;
    return entry.refusal;
  }

  @Override
  public String passed(Loan loan) {
    return "rule "
        + loan.rule.rule.ruleId()
        + " at line "
        + loan.rule.rule.at().line()
        + " ("
        + loan.rule.rule.period().map(Object::toString).orElse("-")
        + ", "
        + loan.rule.rule.renewals()
        + " renewals)";
  }
}
