package org.shiori.gate.signal;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shiori.gate.testing.MockGpio;
import org.shiori.testkit.Conditions;

class Pi4jAlarmSignalsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private Context pi4j;

  @BeforeEach
  void mockGpio() {
    pi4j = MockGpio.context();
  }

  @AfterEach
  void shutdown() {
    pi4j.shutdown();
  }

  private DigitalOutput pin(String id) {
    return pi4j.io(id, DigitalOutput.class);
  }

  @Test
  void outputsAreOnTheConfiguredBcmPinsAndStartLow() {
    try (Pi4jAlarmSignals signals = new Pi4jAlarmSignals(pi4j, 17, 27, AlarmPattern.DEFAULT)) {
      assertThat(pin("gate-light").address()).isEqualTo(17);
      assertThat(pin("gate-buzzer").address()).isEqualTo(27);
      assertThat(pin("gate-light").state()).isEqualTo(LOW);
      assertThat(pin("gate-buzzer").state()).isEqualTo(LOW);
    }
  }

  @Test
  void alarmTurnsLightAndBuzzerOnAtOnceAndReplaysThePatternUntilBothAreOff() {
    AlarmPattern pattern = new AlarmPattern(Duration.ofMillis(60), Duration.ofMillis(40));
    try (Pi4jAlarmSignals signals = new Pi4jAlarmSignals(pi4j, 17, 27, pattern)) {
      MockGpio.Recorder light = MockGpio.Recorder.on(pi4j, "gate-light");
      MockGpio.Recorder buzzer = MockGpio.Recorder.on(pi4j, "gate-buzzer");
      long start = System.nanoTime();

      signals.alarm(Duration.ofMillis(300));

      assertThat(pin("gate-light").state()).isEqualTo(HIGH);
      assertThat(pin("gate-buzzer").state()).isEqualTo(HIGH);
      Conditions.await(
          WAIT, () -> pin("gate-light").state() == LOW, () -> "light " + light.states());
      assertThat(light.states()).containsExactly(HIGH, LOW);
      assertThat(buzzer.states()).containsExactly(HIGH, LOW, HIGH, LOW, HIGH, LOW);
      List<MockGpio.Change> l = light.changes();
      // Lower bound only: a loaded machine may end the pattern late, never early.
      assertThat(Duration.ofNanos(l.get(1).nanos() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void aSecondAlarmRestartsThePatternInsteadOfBeingCutByTheFirst() {
    AlarmPattern pattern = new AlarmPattern(Duration.ofMillis(1000), Duration.ofMillis(1000));
    try (Pi4jAlarmSignals signals = new Pi4jAlarmSignals(pi4j, 17, 27, pattern)) {
      MockGpio.Recorder light = MockGpio.Recorder.on(pi4j, "gate-light");
      signals.alarm(Duration.ofMillis(200));
      long second = System.nanoTime();
      signals.alarm(Duration.ofMillis(600));

      Conditions.await(
          WAIT, () -> pin("gate-light").state() == LOW, () -> "light " + light.states());
      assertThat(light.states()).containsExactly(HIGH, LOW);
      assertThat(Duration.ofNanos(light.changes().get(1).nanos() - second))
          .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }
  }

  @Test
  void closeSwitchesEverythingOff() {
    Pi4jAlarmSignals signals = new Pi4jAlarmSignals(pi4j, 17, 27, AlarmPattern.DEFAULT);
    signals.alarm(Duration.ofSeconds(60));
    signals.close();

    assertThat(pin("gate-light").state()).isEqualTo(LOW);
    assertThat(pin("gate-buzzer").state()).isEqualTo(LOW);
  }

  @Test
  void lightAndBuzzerOnOnePinIsRefused() {
    assertThatThrownBy(() -> new Pi4jAlarmSignals(pi4j, 17, 17, AlarmPattern.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("17");
  }
}
