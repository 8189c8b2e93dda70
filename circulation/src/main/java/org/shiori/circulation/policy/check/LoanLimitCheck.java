package org.shiori.circulation.policy.check;

import java.util.List;
import org.shiori.circulation.domain.Decision;

/**
 * R-LIMIT-1, -3, -6, -7: the category's loan limits, counting items on loan everywhere and the
 * items lent earlier in the session; an item over a limit is refused, the ones before it stay lent.
 */
final class LoanLimitCheck implements Check {
  private final RuleIndex index;

  LoanLimitCheck(RuleIndex index) {
    this.index = index;
  }

  @Override
  public Stage stage() {
    return Stage.LIMITS;
  }

  @Override
  public List<String> ruleIds() {
    return List.of("R-LIMIT-1", "R-LIMIT-3", "R-LIMIT-6", "R-LIMIT-7");
  }

  @Override
  public Decision decide(Loan loan) {
    for (RuleIndex.LimitEntry limit : index.limits(loan.categoryIndex, loan.materialIndex)) {
      int count = 0;
      for (String m : limit.materialList) {
        count += loan.patron.loansOf(m);
      }
      for (int i = 0; i < loan.lentThisSession.size(); i++) {
        if (limit.materials.contains(loan.lentThisSession.get(i).material())) {
          count++;
        }
      }
      if (count + 1 > limit.group.max()) {
        return limit.refusal;
      }
    }
    return null;
  }
}
