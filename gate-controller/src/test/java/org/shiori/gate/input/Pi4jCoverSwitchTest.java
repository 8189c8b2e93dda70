package org.shiori.gate.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shiori.gate.testing.MockGpio;
import org.shiori.testkit.MutableClock;

/** The cover switch on the mock plugin: an opening raises one tamper event, a bounce none. */
class Pi4jCoverSwitchTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T09:00:00Z");
  private final List<String> tamper = new ArrayList<>();
  private final Context pi4j = MockGpio.context();

  @AfterEach
  void close() {
    pi4j.shutdown();
  }

  private void settle(Pi4jCoverSwitch cover, long millis) {
    clock.advance(Duration.ofMillis(millis));
    cover.settle();
  }

  @Test
  void openingTheCoverRaisesOneTamperEventAndABounceNone() {
    Pi4jCoverSwitch cover = new Pi4jCoverSwitch(pi4j, 24, clock, (d, s) -> {}, tamper::add);
    MockDigitalInput input = (MockDigitalInput) pi4j.io("gate-cover", DigitalInput.class);
    input.mockState(DigitalState.LOW);
    settle(cover, 100);
    tamper.clear(); // the mock's own start level does not matter here
    assertThat(input.address()).isEqualTo(24);

    input.mockState(DigitalState.HIGH); // a knock: open for 10 ms
    settle(cover, 10);
    input.mockState(DigitalState.LOW);
    settle(cover, 100);
    assertThat(tamper).isEmpty();

    input.mockState(DigitalState.HIGH); // opened, with bounces
    settle(cover, 5);
    input.mockState(DigitalState.LOW);
    settle(cover, 5);
    input.mockState(DigitalState.HIGH);
    settle(cover, 100);
    settle(cover, 100);
    assertThat(tamper).containsExactly(Pi4jCoverSwitch.COVER_OPENED);
    assertThat(cover.open()).isTrue();

    input.mockState(DigitalState.LOW);
    settle(cover, 100);
    assertThat(cover.open()).isFalse();
    assertThat(tamper).containsExactly(Pi4jCoverSwitch.COVER_OPENED);
  }

  @Test
  void aStoreFailureIsLoggedAndTheSwitchGoesOn() {
    Pi4jCoverSwitch cover =
        new Pi4jCoverSwitch(
            pi4j,
            24,
            clock,
            (d, s) -> {},
            code -> {
              throw new IllegalStateException("disk full");
            });
    MockDigitalInput input = (MockDigitalInput) pi4j.io("gate-cover", DigitalInput.class);
    input.mockState(DigitalState.LOW);
    settle(cover, 100);
    input.mockState(DigitalState.HIGH);
    settle(cover, 100);
    assertThat(cover.open()).isTrue();
  }
}
