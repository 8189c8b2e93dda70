package org.shiori.circulation.policy.check;

import java.util.List;
import java.util.Objects;

/**
 * What one check found in an explained decision ({@code policy test --explain}).
 *
 * @param check the check's name
 * @param stage its step in the documented order
 * @param ruleIds the rule IDs it enforces
 * @param decided whether this check decided the loan
 * @param result what it found: "pass", the rule selected, or the decision
 */
public record CheckStep(
    String check, Stage stage, List<String> ruleIds, boolean decided, String result) {
  public CheckStep {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(stage, "stage");
    ruleIds = List.copyOf(ruleIds);
    Objects.requireNonNull(result, "result");
  }

  @Override
  public String toString() {
    return (decided ? "=> " : "   ") + check + " [" + String.join(" ", ruleIds) + "]: " + result;
  }
}
