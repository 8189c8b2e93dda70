package org.shiori.circulation.policy.check;

import java.util.List;
import org.shiori.circulation.domain.Decision;

/**
 * One check of a checkout or renewal. Checks run in {@link Stage} order and the first that answers
 * decides; the last one, the due date, always answers. A check is immutable: what it needs from the
 * policy is prepared when the policy is loaded, what it needs of the loan is in {@link Loan}.
 */
public interface Check {

  /** The step of the documented order this check belongs to. */
  Stage stage();

  /** The regulation rule IDs it enforces ({@code library-rules.md}). */
  List<String> ruleIds();

  /** The decision when this check decides the loan; null to let the next check decide. */
  Decision decide(Loan loan);

  /** What the check found when it let the loan pass, for {@code policy test --explain}. */
  default String passed(Loan loan) {
    return "pass";
  }

  /** The name shown by {@code --explain}. */
  default String name() {
    return getClass().getSimpleName();
  }
}
