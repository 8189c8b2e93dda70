package org.shiori.gate.beam;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A light barrier receiver on one GPIO input (BCM number) of a Pi4J context, with the pull-up on:
 * the usual open-collector receiver pulls the line low while the beam is interrupted. Debouncing is
 * done here with the injected clock rather than by the provider, so it is the same on every
 * platform and testable with the mock plugin.
 */
public final class Pi4jBeamSensor implements BeamSensor {
  private final DigitalInput input;
  private final DigitalState brokenLevel;
  private final BeamDebouncer debouncer;
  private final Clock clock;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param pi4j the context whose digital input provider reads the pin
   * @param pin BCM number of the receiver output
   * @param brokenLevel the level the receiver gives while the beam is interrupted
   * @param settle how long the beam must be clear before a new interruption counts
   * @param clock the device clock
   */
  public Pi4jBeamSensor(
      Context pi4j, int pin, DigitalState brokenLevel, Duration settle, Clock clock) {
    this.brokenLevel = brokenLevel;
    this.debouncer = new BeamDebouncer(settle);
    this.clock = clock;
    this.input = open(pi4j, pin, brokenLevel);
    input.addListener(event -> levelChanged(event.state()));
  }

  private static DigitalInput open(Context pi4j, int pin, DigitalState brokenLevel) {
    try {
      return pi4j.create(
          DigitalInput.newConfigBuilder(pi4j)
              .id("gate-beam")
              .name("gate-beam")
              .address(pin)
              .pull(
                  brokenLevel == DigitalState.LOW
                      ? PullResistance.PULL_UP
                      : PullResistance.PULL_DOWN));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot open GPIO input BCM " + pin + " (gate-beam): " + e.getMessage(), e);
    }
  }

  private synchronized void levelChanged(DigitalState level) {
    if (debouncer.edge(level == brokenLevel, clock.instant())) {
      listeners.forEach(Runnable::run);
    }
  }

  @Override
  public void onInterruption(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    listeners.clear();
  }
}
