package org.shiori.gate.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A level counts once it has held for the debounce time; a bounce never reaches the logic. */
class InputDebouncerTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private final InputDebouncer beam = new InputDebouncer(Duration.ofMillis(30), false, T0);

  private static Instant at(long millis) {
    return T0.plusMillis(millis);
  }

  @Test
  void aLevelCountsOnceItHasHeldTheDebounceTimeWithTheTimeItBegan() {
    beam.raw(true, at(100));
    assertThat(beam.settle(at(129))).isEmpty();
    assertThat(beam.active()).isFalse();
    assertThat(beam.settle(at(130))).contains(at(100));
    assertThat(beam.active()).isTrue();
    assertThat(beam.settle(at(500))).isEmpty();
  }

  @Test
  void bouncesCountOnceFromTheLastEdge() {
    beam.raw(true, at(100));
    beam.raw(false, at(102));
    beam.raw(true, at(105));
    beam.raw(false, at(109));
    beam.raw(true, at(112));
    assertThat(beam.settle(at(135))).isEmpty();
    assertThat(beam.settle(at(142))).contains(at(112));
  }

  @Test
  void aGlitchShorterThanTheDebounceTimeIsNoChangeAtAll() {
    beam.raw(true, at(100));
    beam.raw(false, at(110));
    assertThat(beam.settle(at(200))).isEmpty();
    assertThat(beam.active()).isFalse();
  }

  @Test
  void aNegativeDebounceIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new InputDebouncer(Duration.ofMillis(-1), false, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
