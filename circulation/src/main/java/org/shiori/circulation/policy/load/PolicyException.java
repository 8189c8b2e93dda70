package org.shiori.circulation.policy.load;

import java.util.List;
import java.util.stream.Collectors;

/** A policy or scenario file that cannot be used, with every problem found in it. */
public class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<PolicyProblem> problems;

  public PolicyException(List<PolicyProblem> problems) {
    super(
        problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")),
        null,
        false,
        false);
    this.problems = List.copyOf(problems);
  }

  public List<PolicyProblem> problems() {
    return problems;
  }
}
