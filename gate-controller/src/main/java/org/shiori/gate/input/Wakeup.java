package org.shiori.gate.input;

import java.time.Duration;

/**
 * Asks for a debounced input's {@code settle} to be run after {@code delay}: a timer thread on a
 * gate, nothing in tests, which advance their clock and call {@code settle} themselves.
 */
@FunctionalInterface
public interface Wakeup {
  void after(Duration delay, Runnable settle);
}
