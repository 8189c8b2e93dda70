package org.shiori.gate.beam;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shiori.gate.testing.MockGpio;
import org.shiori.testkit.MutableClock;

class Pi4jBeamSensorTest {
  private Context pi4j;
  private final MutableClock clock = MutableClock.at("2026-11-21T09:00:00Z");
  private final AtomicInteger interruptions = new AtomicInteger();
  private Pi4jBeamSensor sensor;
  private MockDigitalInput beam;

  @BeforeEach
  void wire() {
    pi4j = MockGpio.context();
    sensor = new Pi4jBeamSensor(pi4j, 22, LOW, Duration.ofMillis(150), clock);
    sensor.onInterruption(interruptions::incrementAndGet);
    beam = (MockDigitalInput) pi4j.io("gate-beam", DigitalInput.class);
    level(HIGH, 0); // beam intact
  }

  @AfterEach
  void shutdown() {
    sensor.close();
    pi4j.shutdown();
  }

  private void level(DigitalState s, long afterMs) {
    clock.advance(Duration.ofMillis(afterMs));
    beam.mockState(s);
  }

  @Test
  void inputIsOnTheConfiguredBcmPin() {
    assertThat(beam.address()).isEqualTo(22);
  }

  @Test
  void eachVisitorCountsOnce() {
    level(LOW, 1000);
    level(HIGH, 400);
    level(LOW, 2000);
    level(HIGH, 300);

    assertThat(interruptions).hasValue(2);
  }

  @Test
  void bouncingReceiverCountsOneVisitor() {
    level(LOW, 1000);
    level(HIGH, 3);
    level(LOW, 4);
    level(HIGH, 3);
    level(LOW, 2);
    level(HIGH, 400);
    level(LOW, 5);
    level(HIGH, 5);

    assertThat(interruptions).hasValue(1);
  }
}
