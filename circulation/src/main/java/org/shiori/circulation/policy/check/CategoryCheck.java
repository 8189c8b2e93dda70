package org.shiori.circulation.policy.check;

import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;

/**
 * R-ELIG-1, R-ELIG-2: the patron's category must be one the policy defines; an unknown one is a
 * registration problem for staff. Also looks up the category and material for the later checks.
 */
final class CategoryCheck implements Check {
  private final RuleIndex index;
  private final Decision unknown;

  CategoryCheck(RuleIndex index, Map<String, Message> messages) {
    this.index = index;
    this.unknown = Refusals.refuse(messages, ReasonCodes.CATEGORY_UNKNOWN, "POLICY");
  }

  @Override
  public Stage stage() {
    return Stage.ELIGIBILITY;
  }

  @Override
  public List<String> ruleIds() {
    return List.of("R-ELIG-1", "R-ELIG-2");
  }

  @Override
  public Decision decide(Loan loan) {
    loan.categoryIndex = index.category(loan.patron.category());
    loan.materialIndex = index.material(loan.item.material());
    if (loan.categoryIndex < 0) {
      return unknown;
    }
    loan.category = index.categoryAt(loan.categoryIndex);
    return null;
  }

  @Override
  public String passed(Loan loan) {
    return "category " + loan.patron.category();
  }
}
