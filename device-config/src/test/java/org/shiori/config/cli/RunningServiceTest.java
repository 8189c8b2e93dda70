package org.shiori.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The running kiosk or gate service is found by its main class and {@code run}, nothing else. */
class RunningServiceTest {
  @Test
  void theServicesRunCommandLinesAreRecognised() {
    assertThat(
            RunningService.of(
                7,
                List.of(
                    "-Xmx256m",
                    "-cp",
                    "/usr/share/shiori/lib/*",
                    "org.shiori.gate.app.GateCommand",
                    "run",
                    "--config",
                    "/etc/shiori/device.yaml")))
        .contains(new RunningService(7, "gate"));
    assertThat(RunningService.of(8, List.of("org.shiori.kiosk.app.KioskCommand", "run")))
        .contains(new RunningService(8, "kiosk"));
    assertThat(new RunningService(8, "kiosk").unit()).isEqualTo("shiori-kiosk");
  }

  @Test
  void otherSubcommandsAndOtherProgramsAreNotTheService() {
    assertThat(RunningService.of(1, List.of("org.shiori.kiosk.app.KioskCommand", "policy")))
        .isEmpty();
    assertThat(RunningService.of(1, List.of("org.shiori.demo.KioskDemoMain", "demo"))).isEmpty();
    assertThat(RunningService.of(1, List.of("org.shiori.gate.app.GateCommand"))).isEmpty();
    assertThat(RunningService.of(1, List.of("run", "org.shiori.gate.app.GateCommand"))).isEmpty();
  }

  @Test
  void aRunningProcessWithTheGatesCommandLineIsFoundInTheProcessTable() throws Exception {
    // A real process whose arguments are those of `shiori-gate run` (sh ignores them).
    Process gate =
        new ProcessBuilder(
                "sh", "-c", "sleep 60; :", "org.shiori.gate.app.GateCommand", "run", "--config")
            .start();
    try {
      assertThat(RunningService.find()).contains(new RunningService(gate.pid(), "gate"));
    } finally {
      gate.destroyForcibly();
      gate.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(RunningService.find().filter(s -> s.pid() == gate.pid())).isEmpty();
  }
}
