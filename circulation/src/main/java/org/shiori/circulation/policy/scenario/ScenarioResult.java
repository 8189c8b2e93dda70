package org.shiori.circulation.policy.scenario;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one scenario case.
 *
 * @param name the case name, with the rule IDs it covers
 * @param line where the case is written
 * @param mismatches what differed from the expectation; empty when it passed
 * @param explanation per step, what happened and the checks that decided (for {@code --explain})
 */
public record ScenarioResult(
    String name, int line, List<String> mismatches, List<String> explanation) {
  public ScenarioResult {
    Objects.requireNonNull(name, "name");
    mismatches = List.copyOf(mismatches);
    explanation = List.copyOf(explanation);
  }

  public ScenarioResult(String name, int line, List<String> mismatches) {
    this(name, line, mismatches, List.of());
  }

  public boolean passed() {
    return mismatches.isEmpty();
  }
}
