package org.shiori.device.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The service's health: healthy when none of its checks reports a problem. */
public final class HealthCheck {
  /** One part of the service that can be stuck or broken. */
  public interface Check {
    String name();

    /** What is wrong, or empty when the part works. */
    Optional<String> problem();
  }

  private final List<Check> checks = new CopyOnWriteArrayList<>();

  public HealthCheck add(Check check) {
    checks.add(check);
    return this;
  }

  /** Runs every check; a check that throws counts as a problem of its part. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (Check c : checks) {
      try {
        c.problem().ifPresent(problems::add);
      } catch (RuntimeException e) {
        problems.add(c.name() + ": check failed (" + e.getClass().getSimpleName() + ")");
      }
    }
    return problems;
  }

  public List<String> names() {
    return checks.stream().map(Check::name).toList();
  }
}
