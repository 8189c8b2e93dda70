package org.shiori.gate.signal;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Light and buzzer on two GPIO outputs (BCM numbers, active high) of a Pi4J context. The pattern
 * runs on its own timer thread, so the reader's I/O thread never waits for it. Whatever provider
 * the context holds drives the pins: the platform's on the gate, the mock plugin in tests.
 */
public final class Pi4jAlarmSignals implements AlarmSignals {
  private static final Logger LOG = LoggerFactory.getLogger(Pi4jAlarmSignals.class);

  /** The Pi4J ids of the two outputs (also the self-test's). */
  public static final String LIGHT_ID = "gate-light";

  public static final String BUZZER_ID = "gate-buzzer";

  private final DigitalOutput light;
  private final DigitalOutput buzzer;
  private final AlarmPattern pattern;
  private final ScheduledExecutorService timer;
  private final List<ScheduledFuture<?>> pending = new ArrayList<>();

  /**
   * @param pi4j the context whose digital output provider drives the pins
   * @param lightPin BCM number of the warning light
   * @param buzzerPin BCM number of the buzzer
   * @param pattern what the buzzer does during an alarm
   */
  public Pi4jAlarmSignals(Context pi4j, int lightPin, int buzzerPin, AlarmPattern pattern) {
    if (lightPin == buzzerPin) {
      throw new IllegalArgumentException("light and buzzer need different pins, both " + lightPin);
    }
    this.light = output(pi4j, LIGHT_ID, lightPin);
    this.buzzer = output(pi4j, BUZZER_ID, buzzerPin);
    this.pattern = pattern;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gate-alarm-signals");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * One output, low from the start and low again when the context shuts down.
   *
   * @throws IllegalStateException naming the pin when Pi4J cannot open it
   */
  public static DigitalOutput output(Context pi4j, String id, int pin) {
    try {
      return pi4j.create(
          DigitalOutput.newConfigBuilder(pi4j)
              .id(id)
              .name(id)
              .address(pin)
              .initial(DigitalState.LOW)
              .shutdown(DigitalState.LOW));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot open GPIO output BCM " + pin + " (" + id + "): " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void alarm(Duration duration) {
    pending.forEach(f -> f.cancel(false));
    pending.clear();
    for (AlarmPattern.Step step : pattern.steps(duration)) {
      if (step.offset().isZero()) {
        // The first step runs here, so the light is on before alarm() returns.
        apply(step);
      } else {
        pending.add(
            timer.schedule(() -> apply(step), step.offset().toNanos(), TimeUnit.NANOSECONDS));
      }
    }
  }

  private void apply(AlarmPattern.Step step) {
    try {
      light.state(DigitalState.getState(step.light()));
      buzzer.state(DigitalState.getState(step.buzzer()));
    } catch (RuntimeException e) {
      // A GPIO fault must not stop the gate; the event still reaches staff.
      LOG.error("alarm output failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void close() {
    pending.forEach(f -> f.cancel(false));
    pending.clear();
    timer.shutdownNow();
    apply(new AlarmPattern.Step(Duration.ZERO, false, false));
  }
}
