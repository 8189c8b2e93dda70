package org.shiori.gate.app;

import java.time.Duration;
import java.util.Objects;
import org.shiori.gate.signal.AlarmPattern;

/**
 * Timing of the gate that the device configuration does not carry (docs/gate.md, "Tuning").
 *
 * @param cycle pause between inventory rounds
 * @param readerTimeout how long one reader command may take before it is retried
 * @param passageWindow a tag not read for this long has left; its next read is a new passage
 * @param pattern the buzzer pattern during an alarm
 */
public record GateTuning(
    Duration cycle, Duration readerTimeout, Duration passageWindow, AlarmPattern pattern) {
  public static final GateTuning DEFAULT =
      new GateTuning(
          Duration.ofMillis(20),
          Duration.ofMillis(300),
          Duration.ofSeconds(3),
          AlarmPattern.DEFAULT);

  public GateTuning {
    Objects.requireNonNull(pattern, "pattern");
    requirePositive("cycle", cycle);
    requirePositive("readerTimeout", readerTimeout);
    requirePositive("passageWindow", passageWindow);
  }

  private static void requirePositive(String name, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }

  public GateTuning withCycle(Duration d) {
    return new GateTuning(d, readerTimeout, passageWindow, pattern);
  }

  public GateTuning withPassageWindow(Duration d) {
    return new GateTuning(cycle, readerTimeout, d, pattern);
  }
}
