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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shiori.config.VisitorBeams;
import org.shiori.gate.testing.MockGpio;
import org.shiori.gate.visitors.Walk;
import org.shiori.testkit.MutableClock;

/**
 * Two beams on the Pi4J mock plugin's inputs, a fake clock: direction, bounces, a walker turning
 * back between the beams, two walkers close together, a beam blocked for a long time. Beams are low
 * while blocked (pull-up, open-collector receiver).
 */
class Pi4jVisitorBeamsTest {
  private static final Duration DEBOUNCE = Duration.ofMillis(30);

  private final MutableClock clock = MutableClock.at("2026-12-01T09:00:00Z");
  private final List<Walk> walks = new ArrayList<>();
  private final List<Duration> wakeups = new ArrayList<>();
  private Context pi4j;
  private Pi4jVisitorBeams beams;
  private MockDigitalInput outer;
  private MockDigitalInput inner;

  @BeforeEach
  void open() {
    pi4j = MockGpio.context();
    beams =
        new Pi4jVisitorBeams(
            pi4j,
            new VisitorBeams(22, 23, (int) DEBOUNCE.toMillis()),
            clock,
            (delay, settle) -> wakeups.add(delay),
            walks::add);
    outer = (MockDigitalInput) pi4j.io("gate-beam-outer", DigitalInput.class);
    inner = (MockDigitalInput) pi4j.io("gate-beam-inner", DigitalInput.class);
    outer.mockState(DigitalState.HIGH);
    inner.mockState(DigitalState.HIGH);
    settle();
  }

  @AfterEach
  void close() {
    beams.close();
    pi4j.shutdown();
  }

  /** Lets the levels hold for longer than the debounce time, as the timer would. */
  private void settle() {
    clock.advance(DEBOUNCE.plusMillis(5));
    beams.settle();
  }

  private void outer(boolean blocked) {
    outer.mockState(blocked ? DigitalState.LOW : DigitalState.HIGH);
    settle();
  }

  private void inner(boolean blocked) {
    inner.mockState(blocked ? DigitalState.LOW : DigitalState.HIGH);
    settle();
  }

  private void walkIn() {
    outer(true);
    inner(true);
    outer(false);
    inner(false);
  }

  private void walkOut() {
    inner(true);
    outer(true);
    inner(false);
    outer(false);
  }

  @Test
  void outerThenInnerIsInInnerThenOuterIsOut() {
    walkIn();
    walkOut();
    walkIn();
    assertThat(walks).containsExactly(Walk.IN, Walk.OUT, Walk.IN);
    assertThat(inner.address()).isEqualTo(23);
    assertThat(outer.address()).isEqualTo(22);
  }

  @Test
  void everyEdgeAsksToBeSettledAfterTheDebounceTime() {
    wakeups.clear();
    outer.mockState(DigitalState.LOW);
    assertThat(wakeups).containsExactly(DEBOUNCE.plusMillis(1));
  }

  @Test
  void contactBounceOnBothBeamsCountsOneWalker() {
    for (int i = 0; i < 5; i++) { // bounces a few milliseconds apart, then held
      outer.mockState(DigitalState.LOW);
      clock.advance(Duration.ofMillis(3));
      beams.settle();
      outer.mockState(DigitalState.HIGH);
      clock.advance(Duration.ofMillis(3));
      beams.settle();
    }
    outer(true);
    for (int i = 0; i < 5; i++) {
      inner.mockState(DigitalState.LOW);
      clock.advance(Duration.ofMillis(2));
      beams.settle();
      inner.mockState(DigitalState.HIGH);
      clock.advance(Duration.ofMillis(2));
      beams.settle();
    }
    inner(true);
    outer(false);
    inner.mockState(DigitalState.HIGH); // leaving, with a bounce
    clock.advance(Duration.ofMillis(4));
    beams.settle();
    inner.mockState(DigitalState.LOW);
    clock.advance(Duration.ofMillis(4));
    beams.settle();
    inner(false);

    assertThat(walks).containsExactly(Walk.IN);
  }

  @Test
  void aBagStrapFlickeringInOneBeamCountsNobody() {
    for (int i = 0; i < 10; i++) {
      outer.mockState(DigitalState.LOW);
      clock.advance(Duration.ofMillis(10));
      beams.settle();
      outer.mockState(DigitalState.HIGH);
      clock.advance(Duration.ofMillis(10));
      beams.settle();
    }
    settle();
    assertThat(walks).isEmpty();
  }

  @Test
  void aWalkerWhoStopsBetweenTheBeamsAndTurnsBackIsNotCounted() {
    outer(true);
    inner(true); // standing in both beams
    clock.advance(Duration.ofSeconds(20));
    beams.settle();
    inner(false); // steps back
    outer(false);
    assertThat(walks).isEmpty();

    inner(true); // from inside: reaches the outer beam, turns back
    outer(true);
    outer(false);
    inner(false);
    assertThat(walks).isEmpty();
  }

  @Test
  void aWalkerWhoStopsBetweenTheBeamsAndGoesOnIsCountedOnce() {
    outer(true);
    inner(true);
    clock.advance(Duration.ofSeconds(20));
    beams.settle();
    outer(false);
    inner(false);
    assertThat(walks).containsExactly(Walk.IN);
  }

  @Test
  void twoWalkersCloseTogetherCountTwo() {
    outer(true);
    inner(true);
    outer(false); // the first is in the inner beam only
    outer(true); // the second breaks the outer beam right behind
    inner(false); // the first has gone in
    inner(true); // the second goes on
    outer(false);
    inner(false);
    assertThat(walks).containsExactly(Walk.IN, Walk.IN);

    inner(true); // two going out, close together
    outer(true);
    inner(false);
    inner(true);
    outer(false);
    outer(true);
    inner(false);
    outer(false);
    assertThat(walks).containsExactly(Walk.IN, Walk.IN, Walk.OUT, Walk.OUT);
  }

  @Test
  void aBeamBlockedForALongTimeCountsNobodyIsReportedAndCountingResumesWhenItClears() {
    outer(true); // a trolley parked in the outer beam
    assertThat(beams.blockedTooLong()).isFalse();
    clock.advance(Pi4jVisitorBeams.BLOCKED_TOO_LONG);
    beams.settle();
    assertThat(beams.blockedTooLong()).isTrue();
    inner(true); // somebody squeezes past on the inside and back
    inner(false);
    clock.advance(Duration.ofMinutes(10));
    beams.settle();
    outer(false);
    assertThat(walks).isEmpty();
    assertThat(beams.blockedTooLong()).isFalse();

    walkIn();
    assertThat(walks).containsExactly(Walk.IN);
  }

  @Test
  void changesSettledInOneCallAreTakenInTheOrderTheyHappened() {
    outer.mockState(DigitalState.LOW);
    clock.advance(Duration.ofMillis(5));
    inner.mockState(DigitalState.LOW);
    settle(); // both held: outer first
    outer.mockState(DigitalState.HIGH);
    clock.advance(Duration.ofMillis(5));
    inner.mockState(DigitalState.HIGH);
    settle();
    assertThat(walks).containsExactly(Walk.IN);
  }
}
