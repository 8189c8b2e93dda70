package org.shiori.circulation.policy.scenario;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.shiori.circulation.policy.CirculationPolicy;

/**
 * One librarian-written case: a name, where it is written, and a check that runs it against a
 * policy and lists what differs from the expectation.
 *
 * @param name the case name
 * @param line where it is written
 * @param check runs the case; returns the mismatches
 */
public record Scenario(String name, int line, Function<CirculationPolicy, List<String>> check) {
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(check, "check");
  }

  public ScenarioResult run(CirculationPolicy policy) {
    try {
      return new ScenarioResult(name, line, check.apply(policy));
    } catch (RuntimeException e) {
      return new ScenarioResult(name, line, List.of("error: " + e.getMessage()));
    }
  }
}
