package org.shiori.gate.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.shiori.gate.signal.AlarmPattern.Step;

class AlarmPatternTest {
  private static Step at(long ms, boolean light, boolean buzzer) {
    return new Step(Duration.ofMillis(ms), light, buzzer);
  }

  @Test
  void lightStaysOnWhileBuzzerBeepsAndBothEndAtTheDuration() {
    AlarmPattern p = new AlarmPattern(Duration.ofMillis(250), Duration.ofMillis(150));

    assertThat(p.steps(Duration.ofMillis(1000)))
        .containsExactly(
            at(0, true, true),
            at(250, true, false),
            at(400, true, true),
            at(650, true, false),
            at(800, true, true),
            at(1000, false, false));
  }

  @Test
  void alarmShorterThanOneBeepIsOneBeep() {
    AlarmPattern p = new AlarmPattern(Duration.ofMillis(250), Duration.ofMillis(150));

    assertThat(p.steps(Duration.ofMillis(100)))
        .containsExactly(at(0, true, true), at(100, false, false));
  }

  @Test
  void alarmEndingExactlyAfterAPauseStartsNoNewBeep() {
    AlarmPattern p = new AlarmPattern(Duration.ofMillis(100), Duration.ofMillis(100));

    assertThat(p.steps(Duration.ofMillis(200)))
        .containsExactly(at(0, true, true), at(100, true, false), at(200, false, false));
  }

  @Test
  void nonPositiveDurationsAreRefused() {
    assertThatThrownBy(() -> AlarmPattern.DEFAULT.steps(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AlarmPattern(Duration.ZERO, Duration.ofMillis(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
