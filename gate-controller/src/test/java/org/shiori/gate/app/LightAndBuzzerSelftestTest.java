package org.shiori.gate.app;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.config.AlarmMode;
import org.shiori.config.GateSettings;
import org.shiori.config.cli.DeviceConfigCommand;
import org.shiori.config.cli.SelftestResult;
import org.shiori.config.cli.SelftestResult.Outcome;
import org.shiori.gate.signal.Pi4jAlarmSignals;
import org.shiori.gate.testing.MockGpio;
import org.shiori.testkit.OfflineDeviceYaml;

/**
 * selftest's light and buzzer lines: on the Pi4J mock plugin each output goes on and off again;
 * through the real command the gate's own provider choice refuses the mock, a running gate service
 * leaves the pins alone, and a kiosk is skipped.
 */
class LightAndBuzzerSelftestTest {
  private static final Duration ON = Duration.ofMillis(50);
  private static final GateSettings GATE =
      new GateSettings(AlarmMode.AFI, 17, 27, Optional.empty(), OptionalInt.empty(), 3000);

  @TempDir Path dir;
  private Context pi4j;

  @BeforeEach
  void mockGpio() {
    pi4j = MockGpio.context();
  }

  @AfterEach
  void shutdown() {
    pi4j.shutdown();
  }

  @Test
  void eachOutputIsSwitchedOnForTheTimeGivenThenOffAndReadBack() {
    DigitalOutput light = Pi4jAlarmSignals.output(pi4j, Pi4jAlarmSignals.LIGHT_ID, 17);
    MockGpio.Recorder seen = MockGpio.Recorder.on(pi4j, Pi4jAlarmSignals.LIGHT_ID);

    SelftestResult result = LightAndBuzzerSelftest.exercise("light", "gate.lightPin", light, ON);

    assertThat(result.outcome()).isEqualTo(Outcome.PASS);
    assertThat(result.detail())
        .isEqualTo(
            "gate.lightPin=17 (BCM) on for 50 ms and off again (read back HIGH, then LOW):"
                + " did you see it?");
    assertThat(seen.states()).containsExactly(HIGH, LOW);
    List<MockGpio.Change> changes = seen.changes();
    // Lower bound only: a loaded machine may switch off late, never early.
    assertThat(Duration.ofNanos(changes.get(1).nanos() - changes.get(0).nanos()))
        .isGreaterThanOrEqualTo(ON);
    assertThat(light.state()).isEqualTo(LOW);
  }

  @Test
  void lightThenBuzzerOnTheConfiguredPinsBothPassAndAreReleased() {
    List<SelftestResult> results = LightAndBuzzerSelftest.switchEach(pi4j, GATE, ON);

    assertThat(results).extracting(SelftestResult::check).containsExactly("light", "buzzer");
    assertThat(results).extracting(SelftestResult::outcome).containsOnly(Outcome.PASS);
    assertThat(results.get(1).detail()).startsWith("gate.buzzerPin=27 (BCM) on for 50 ms");
    // Released again: the service (or the next self-test) can take the pins.
    assertThat(pi4j.registry().exists(Pi4jAlarmSignals.LIGHT_ID)).isFalse();
    assertThat(pi4j.registry().exists(Pi4jAlarmSignals.BUZZER_ID)).isFalse();
  }

  @Test
  void anOutputPi4jCannotOpenFailsNamingTheConfigKeyAndTheOtherIsStillTested() {
    Pi4jAlarmSignals.output(pi4j, Pi4jAlarmSignals.LIGHT_ID, 5); // the id is taken

    List<SelftestResult> results = LightAndBuzzerSelftest.switchEach(pi4j, GATE, ON);

    assertThat(results.get(0).outcome()).isEqualTo(Outcome.FAIL);
    assertThat(results.get(0).detail())
        .startsWith("gate.lightPin=17 (BCM): cannot open GPIO output BCM 17 (gate-light)");
    assertThat(results.get(1).outcome()).isEqualTo(Outcome.PASS);
  }

  private Path config(String role) throws Exception {
    List<String> lines = OfflineDeviceYaml.lines(dir, role + "-1", role);
    if (role.equals("gate")) {
      lines.addAll(List.of("gate:", "  alarmMode: afi", "  lightPin: 17", "  buzzerPin: 27"));
    }
    lines.add("");
    return Files.writeString(dir.resolve(role + ".yaml"), String.join("\n", lines));
  }

  private record Run(int exit, String out) {}

  private static Run selftest(Path config) {
    StringWriter out = new StringWriter();
    int exit =
        DeviceConfigCommand.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()))
            .execute("selftest", "--config", config.toString());
    return new Run(exit, out.toString());
  }

  @Test
  void theInstalledCommandFindsTheCheckAndRefusesTheMockProviderAsTheGateDoes() throws Exception {
    // This test class path holds pi4j-plugin-mock, so Pi4J's own choice is the mock provider.
    Run run = selftest(config("gate"));

    assertThat(run.out())
        .contains(
            "FAIL  light, buzzer not tested: Pi4J chose its mock GPIO provider",
            "gate.lightPin=17, gate.buzzerPin=27");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void whileTheGateServiceRunsThePinsAreNotTouched() throws Exception {
    // A real process with the command line of `shiori-gate run`.
    Process gate =
        new ProcessBuilder(
                "sh", "-c", "sleep 60; :", "org.shiori.gate.app.GateCommand", "run", "--config")
            .start();
    try {
      Run run = selftest(config("gate"));
      assertThat(run.out())
          .contains(
              "BUSY  light         not run: the gate service (pid "
                  + gate.pid()
                  + ") holds the"
                  + " GPIO lines; stop it first (systemctl stop shiori-gate)",
              "BUSY  buzzer        not run")
          .doesNotContain("mock GPIO provider");
    } finally {
      gate.destroyForcibly();
      gate.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aKioskHasNoLightOrBuzzerToTestAndSaysSo() throws Exception {
    Run run = selftest(config("kiosk"));

    assertThat(run.out())
        .contains(
            "SKIP  light, buzzer a kiosk has none (only a gate's gate.lightPin and"
                + " gate.buzzerPin)")
        .doesNotContain("PASS  light");
  }
}
