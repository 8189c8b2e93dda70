package org.shiori.testkit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real part a test needs (Mosquitto, socat, Chromium, a small file system...). On a developer's
 * machine a missing part skips the test with the reason; under {@code CI=true} it fails the run, so
 * a suite never passes by silently testing less.
 */
public final class Required {
  private Required() {}

  public static void part(boolean present, String whatIsMissing) {
    if (present) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(
          "a part this test needs is missing, and CI=true forbids skipping: " + whatIsMissing);
    }
    Assumptions.assumeTrue(false, whatIsMissing);
  }
}
