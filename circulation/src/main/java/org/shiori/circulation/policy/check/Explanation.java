package org.shiori.circulation.policy.check;

import java.util.List;
import java.util.Objects;
import org.shiori.circulation.domain.Decision;

/**
 * A decision with the checks that ran for it, in order; the last step is the one that decided.
 *
 * @param decision the same decision the undecorated call returns
 * @param steps the checks that ran
 */
public record Explanation(Decision decision, List<CheckStep> steps) {
  public Explanation {
    Objects.requireNonNull(decision, "decision");
    steps = List.copyOf(steps);
  }
}
