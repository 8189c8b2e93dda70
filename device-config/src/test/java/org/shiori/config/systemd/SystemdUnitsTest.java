package org.shiori.config.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shiori.testkit.Required;

/** The unit files in systemd/ carry the required settings and pass systemd-analyze verify. */
class SystemdUnitsTest {
  private static final Path SYSTEMD = Path.of("..", "systemd").toAbsolutePath().normalize();

  @ParameterizedTest(name = "{0}")
  @CsvSource({"shiori-kiosk.service, kiosk", "shiori-gate.service, gate"})
  void unitRunsTheServiceUnprivilegedAndHardened(String unit, String launcher) throws IOException {
    List<String> lines = Files.readAllLines(SYSTEMD.resolve(unit), StandardCharsets.UTF_8);

    assertThat(lines)
        .contains(
            "ExecStart=/opt/shiori/bin/" + launcher + " run --config /etc/shiori/device.yaml",
            "User=shiori",
            "SupplementaryGroups=dialout gpio",
            "NoNewPrivileges=yes",
            "ProtectSystem=strict",
            "ReadWritePaths=/var/lib/shiori /var/log/shiori",
            "PrivateTmp=yes",
            "ProtectHome=yes",
            "Restart=on-failure",
            "StartLimitIntervalSec=600",
            "StartLimitBurst=5")
        .anyMatch(line -> line.startsWith("Environment=\"SHIORI_JAVA_OPTS="))
        .as("the services never call sd_notify, so no watchdog")
        .noneMatch(line -> line.startsWith("WatchdogSec") || line.startsWith("Type=notify"));
  }

  @Test
  void verifyScriptPassesFromAnotherWorkingDirectory() throws Exception {
    Required.part(onPath("systemd-analyze"), "systemd-analyze is not installed (Debian: systemd)");

    Path cwd = Files.createTempDirectory("verify-cwd");
    Path log = cwd.resolve("verify.log");
    Process process =
        new ProcessBuilder("bash", SYSTEMD.resolve("verify.sh").toString())
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(process.isAlive()).as("verify.sh finished within 120 s").isFalse();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output.lines())
        .containsExactly(
            "OK   shiori-kiosk.service", "OK   shiori-gate.service", "OK   shiori-central.service");
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null
        && java.util.Arrays.stream(path.split(":"))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }
}
