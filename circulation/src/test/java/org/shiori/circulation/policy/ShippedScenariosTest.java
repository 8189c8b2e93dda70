package org.shiori.circulation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.shiori.circulation.policy.scenario.Scenario;
import org.shiori.circulation.policy.scenario.ScenarioFile;
import org.shiori.circulation.policy.scenario.ScenarioResult;
import org.shiori.circulation.policy.scenario.ScenarioRunner;

/** Runs every shipped scenario file, one test per case, named by the case (with its rule IDs). */
class ShippedScenariosTest {

  /**
   * Rule IDs of the digest a device enforces and that the shipped scenarios must cover. R-CARD-2
   * (PIN), R-GROUP-2 (receipt) and R-CAL-5 (hours) are covered by test names in {@link
   * CirculationPolicyTest}; the rest of the digest is staff work (see docs/policy.md).
   */
  static final List<String> COVERED_BY_SCENARIOS =
      List.of(
          "R-ELIG-1",
          "R-ELIG-2",
          "R-CARD-3",
          "R-LIMIT-1",
          "R-LIMIT-2",
          "R-LIMIT-3",
          "R-LIMIT-5",
          "R-LIMIT-6",
          "R-LIMIT-7",
          "R-GROUP-1",
          "R-GROUP-3",
          "R-BLOCK-1",
          "R-BLOCK-2",
          "R-ITEM-1",
          "R-ITEM-2",
          "R-ITEM-3",
          "R-PART-1",
          "R-CAL-1",
          "R-CAL-2",
          "R-CAL-3",
          "R-CAL-4",
          "R-CAL-6",
          "R-HOLD-1",
          "R-HOLD-2",
          "R-HOLD-3",
          "R-ILL-1",
          "R-ILL-2",
          "R-ILL-3",
          "R-ILL-4",
          "R-RET-1",
          "R-RET-3",
          "R-RET-4");

  @TestFactory
  Stream<DynamicContainer> everyShippedScenarioPasses() {
    return ScenarioRunner.shippedNames().stream()
        .map(
            name -> {
              ScenarioFile file = ScenarioRunner.load(name);
              CirculationPolicy policy = ShippedPolicies.load(file.policy(), file.zone());
              return DynamicContainer.dynamicContainer(
                  name,
                  file.scenarios().stream()
                      .map(
                          s ->
                              DynamicTest.dynamicTest(
                                  s.name(),
                                  () -> {
                                    ScenarioResult r = ScenarioRunner.run(s, policy);
                                    assertThat(r.mismatches()).as(name + ":" + s.line()).isEmpty();
                                  })));
            });
  }

  @Test
  void scenariosCoverEveryDeviceEnforceableRule() {
    List<String> names = new ArrayList<>();
    for (String file : ScenarioRunner.shippedNames()) {
      ScenarioRunner.load(file).scenarios().stream().map(Scenario::name).forEach(names::add);
    }
    for (String rule : COVERED_BY_SCENARIOS) {
      assertThat(names)
          .as("a scenario names " + rule)
          .anyMatch(n -> n.matches(".*\\b" + rule + "\\b.*"));
    }
  }
}
