package org.shiori.circulation.policy.check;

import java.util.List;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.policy.model.Restriction;

/**
 * The policy's {@code eligibility} (who may not borrow a material: R-LIMIT-6 braille and DAISY for
 * disability-service users only, R-LIMIT-3 groups borrow books only) or {@code notForLoan}
 * (R-ITEM-1 reference, local history, newspapers; R-ILL-1 NDL items; R-ILL-3 in-library-only flags)
 * restrictions. They refuse whatever loan rule would otherwise lend the item: no rule can outrank
 * them.
 */
final class RestrictionCheck implements Check {

  /** Which section of the policy. */
  enum Kind {
    ELIGIBILITY,
    NOT_FOR_LOAN
  }

  private final Kind kind;
  private final RuleIndex index;
  private final List<String> ruleIds;

  RestrictionCheck(Kind kind, RuleIndex index, List<Restriction> restrictions) {
    this.kind = kind;
    this.index = index;
    this.ruleIds = restrictions.stream().map(Restriction::ruleId).distinct().toList();
  }

  @Override
  public Stage stage() {
    return kind == Kind.ELIGIBILITY ? Stage.ELIGIBILITY : Stage.ITEM_STATE;
  }

  @Override
  public List<String> ruleIds() {
    return ruleIds;
  }

  @Override
  public String name() {
    return kind == Kind.ELIGIBILITY ? "EligibilityCheck" : "NotForLoanCheck";
  }

  @Override
  public Decision decide(Loan loan) {
    RuleIndex.RestrictionEntry[] entries =
        kind == Kind.ELIGIBILITY
            ? index.eligibility(loan.categoryIndex, loan.materialIndex)
            : index.notForLoan(loan.categoryIndex, loan.materialIndex);
    for (RuleIndex.RestrictionEntry e : entries) {
      if (e.matches(loan.item.flags(), loan.branch)) {
        return e.refusal;
      }
    }
    return null;
  }
}
