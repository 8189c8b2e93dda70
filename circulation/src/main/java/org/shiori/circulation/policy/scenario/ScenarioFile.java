package org.shiori.circulation.policy.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A parsed scenario file.
 *
 * @param source file name
 * @param policy the policy it is written for: a shipped name or a path
 * @param zone the time zone of its dates
 * @param scenarios its cases in file order
 */
public record ScenarioFile(
    String source, String policy, java.time.ZoneId zone, List<Scenario> scenarios) {
  public ScenarioFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(zone, "zone");
    scenarios = List.copyOf(scenarios);
  }
}
