package org.shiori.circulation.policy.check;

import java.util.ArrayList;
import java.util.List;
import org.shiori.circulation.domain.Decision;

/** Checks in their documented order; the first to answer decides. The last check always answers. */
public final class CheckChain {
  private final Check[] checks;

  CheckChain(List<Check> checks) {
    for (int i = 1; i < checks.size(); i++) {
      if (checks.get(i).stage().compareTo(checks.get(i - 1).stage()) < 0) {
        throw new IllegalArgumentException(
            checks.get(i).name() + " runs before " + checks.get(i - 1).name() + "'s stage");
      }
    }
    this.checks = checks.toArray(Check[]::new);
  }

  /** The checks in order, for the documentation and {@code --explain}. */
  public List<Check> checks() {
    return List.of(checks);
  }

  public Decision decide(Loan loan) {
    for (Check check : checks) {
      Decision d = check.decide(loan);
      if (d != null) {
        return d;
      }
    }
    throw new IllegalStateException("no check decided the loan");
  }

  /** The decision with every check that ran and what it found. */
  public Explanation explain(Loan loan) {
    List<CheckStep> steps = new ArrayList<>();
    for (Check check : checks) {
      Decision d = check.decide(loan);
      if (d != null) {
        steps.add(new CheckStep(check.name(), check.stage(), check.ruleIds(), true, describe(d)));
        return new Explanation(d, steps);
      }
      steps.add(
          new CheckStep(check.name(), check.stage(), check.ruleIds(), false, check.passed(loan)));
    }
    throw new IllegalStateException("no check decided the loan");
  }

  private static String describe(Decision d) {
    return switch (d.outcome()) {
      case LEND -> "lend until " + d.dueDate().orElseThrow() + " (" + d.ruleId() + ")";
      case REFUSE -> "refuse " + d.reasonCode().orElseThrow() + " (" + d.ruleId() + ")";
      case ASK_PATRON -> "ask the patron " + d.reasonCode().orElseThrow() + " (" + d.ruleId() + ")";
    };
  }
}
