package org.shiori.gate.app;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceRole;
import org.shiori.config.GateSettings;
import org.shiori.config.cli.SelftestCheck;
import org.shiori.config.cli.SelftestContext;
import org.shiori.config.cli.SelftestResult;
import org.shiori.gate.signal.Pi4jAlarmSignals;

/**
 * {@code selftest}'s light and buzzer lines: each configured output switched on for a moment (long
 * enough to see and hear), its state read back through Pi4J, and switched off again. The GPIO
 * provider is chosen exactly as {@code gate run} chooses it, and refused for the same reasons (a
 * mock provider, a board Pi4J does not know): a self-test on pins that drive nothing must not pass.
 */
public final class LightAndBuzzerSelftest implements SelftestCheck {
  /**
   * How long each output stays on: a technician at the gate sees the light and hears the buzzer.
   */
  static final Duration ON_TIME = Duration.ofMillis(500);

  @Override
  public List<SelftestResult> run(DeviceConfig device, SelftestContext context) {
    if (device.role() != DeviceRole.GATE || device.gate().isEmpty()) {
      return List.of(
          SelftestResult.skip(
              "light, buzzer",
              "a "
                  + device.role().configName()
                  + " has none (only a gate's gate.lightPin and"
                  + " gate.buzzerPin)"));
    }
    if (context.runningService().isPresent()) {
      return List.of(
          SelftestResult.busy("light", context.runningService().get(), "the GPIO lines"),
          SelftestResult.busy("buzzer", context.runningService().get(), "the GPIO lines"));
    }
    GateSettings gate = device.requireGate();
    Context pi4j = Pi4J.newAutoContext();
    try {
      Optional<String> refusal = GpioHonesty.reason(pi4j, gate);
      if (refusal.isPresent()) {
        return List.of(SelftestResult.fail("light, buzzer", "not tested: " + refusal.get()));
      }
      return switchEach(pi4j, gate, ON_TIME);
    } finally {
      pi4j.shutdown();
    }
  }

  /** Light, then buzzer, on the given context: one result each. */
  static List<SelftestResult> switchEach(Context pi4j, GateSettings gate, Duration onTime) {
    if (gate.lightPin() == gate.buzzerPin()) {
      return List.of(
          SelftestResult.fail(
              "light, buzzer",
              "gate.lightPin and gate.buzzerPin are both " + gate.lightPin() + ": wire two pins"));
    }
    List<SelftestResult> results = new ArrayList<>();
    results.add(
        switchOnce(
            pi4j, "light", "gate.lightPin", Pi4jAlarmSignals.LIGHT_ID, gate.lightPin(), onTime));
    results.add(
        switchOnce(
            pi4j,
            "buzzer",
            "gate.buzzerPin",
            Pi4jAlarmSignals.BUZZER_ID,
            gate.buzzerPin(),
            onTime));
    return results;
  }

  private static SelftestResult switchOnce(
      Context pi4j, String check, String field, String id, int pin, Duration onTime) {
    DigitalOutput output;
    try {
      output = Pi4jAlarmSignals.output(pi4j, id, pin);
    } catch (IllegalStateException e) {
      return SelftestResult.fail(check, field + "=" + pin + " (BCM): " + e.getMessage());
    }
    try {
      return exercise(check, field, output, onTime);
    } finally {
      pi4j.shutdown(id);
    }
  }

  /** On, read back, wait, off, read back; the output is left off whatever happens. */
  static SelftestResult exercise(
      String check, String field, DigitalOutput output, Duration onTime) {
    String where = field + "=" + output.address() + " (BCM)";
    try {
      output.state(DigitalState.HIGH);
      DigitalState on = output.state();
      pause(onTime);
      output.state(DigitalState.LOW);
      DigitalState off = output.state();
      if (on != DigitalState.HIGH) {
        return SelftestResult.fail(check, where + ": switched on, but Pi4J reads back " + on);
      }
      if (off != DigitalState.LOW) {
        return SelftestResult.fail(check, where + ": switched off, but Pi4J reads back " + off);
      }
      return SelftestResult.pass(
          check,
          where
              + " on for "
              + onTime.toMillis()
              + " ms and off again (read back HIGH, then LOW): "
              + (check.equals("light") ? "did you see it?" : "did you hear it?"));
    } catch (RuntimeException e) {
      return SelftestResult.fail(check, where + ": " + e.getMessage());
    } finally {
      try {
        output.state(DigitalState.LOW);
      } catch (RuntimeException ignored) {
        // Already reported; the context's shutdown sets the pin low once more.
      }
    }
  }

  private static void pause(Duration time) {
    try {
      Thread.sleep(time.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
