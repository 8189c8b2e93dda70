package org.shiori.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits, through Awaitility, for a condition that other threads or processes make true; on time-out
 * it fails with a message describing the state reached, which Awaitility alone cannot say.
 */
public final class Conditions {
  private Conditions() {}

  public static void await(Duration timeout, BooleanSupplier condition, Supplier<String> state) {
    try {
      Awaitility.await()
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(20))
          .until(condition::getAsBoolean);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("not reached within " + timeout + ": " + state.get(), e);
    }
  }
}
