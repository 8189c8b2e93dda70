package org.shiori.gate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.shiori.config.AlarmMode;
import org.shiori.config.GateSettings;
import org.shiori.config.VisitorBeams;
import org.shiori.gate.testing.MockGpio;

/** {@code gate run} refuses a mock provider and says plainly when the board is not known. */
class GpioHonestyTest {
  private static final GateSettings GATE =
      new GateSettings(
          AlarmMode.AFI,
          17,
          27,
          Optional.of(new VisitorBeams(22, 23, 30)),
          OptionalInt.of(24),
          3000);

  @Test
  void aMockProviderIsRefusedNamingTheConfigKeys() {
    Context mock = MockGpio.context();
    try {
      Optional<String> refusal = GpioHonesty.refusal(mock, GATE);
      assertThat(refusal).isPresent();
      assertThat(refusal.get())
          .contains(
              "mock GPIO provider",
              "gate.lightPin=17",
              "gate.buzzerPin=27",
              "gate.outerBeamPin=22",
              "gate.innerBeamPin=23",
              "gate.tamperPin=24")
          .doesNotContain("\n");
    } finally {
      mock.shutdown();
    }
  }

  @Test
  void aBoardPi4jDoesNotKnowIsOneClearLine() {
    Context none = Pi4J.newContextBuilder().build(); // this test machine: no GPIO providers
    try {
      Optional<String> refusal = GpioHonesty.refusal(none, GATE);
      assertThat(refusal).isPresent();
      assertThat(refusal.get())
          .contains("does not know this board", "gate.lightPin=17", "gate.buzzerPin=27")
          .doesNotContain("\n");
    } finally {
      none.shutdown();
    }
  }
}
