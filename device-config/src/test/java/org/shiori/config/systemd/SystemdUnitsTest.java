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
  @CsvSource({
    "shiori-kiosk.service, kiosk, dialout input",
    "shiori-gate.service, gate, dialout gpio"
  })
  void unitRunsTheServiceUnprivilegedHardenedAndWatched(String unit, String role, String groups)
      throws IOException {
    List<String> lines = Files.readAllLines(SYSTEMD.resolve(unit), StandardCharsets.UTF_8);

    assertThat(lines)
        .contains(
            "ExecStart=/usr/bin/shiori-" + role + " run --config /etc/shiori/device.yaml",
            "User=shiori",
            "SupplementaryGroups=" + groups,
            "Type=notify",
            "NotifyAccess=all",
            "WatchdogSec=60s",
            "OnFailure=shiori-alert@%n.service",
            "NoNewPrivileges=yes",
            "ProtectSystem=strict",
            "ReadWritePaths=/var/lib/shiori /var/log/shiori /etc/shiori",
            "SuccessExitStatus=143 75",
            "RestartForceExitStatus=75",
            "LogsDirectory=shiori",
            "PrivateTmp=yes",
            "ProtectHome=yes",
            "Restart=on-failure",
            "StartLimitIntervalSec=600",
            "StartLimitBurst=5")
        .anyMatch(
            line ->
                line.startsWith("Environment=\"SHIORI_JAVA_OPTS=")
                    && line.contains("-Dshiori.log.dir=/var/log/shiori"));
  }

  @Test
  void theKioskIsNotInTheGpioGroup() throws IOException {
    assertThat(Files.readAllLines(SYSTEMD.resolve("shiori-kiosk.service"), StandardCharsets.UTF_8))
        .filteredOn(line -> line.startsWith("SupplementaryGroups="))
        .singleElement()
        .asString()
        .doesNotContain("gpio");
  }

  @Test
  void thePatronScreenIsChromiumInKioskModeRestartedWheneverItEnds() throws IOException {
    List<String> unit =
        Files.readAllLines(SYSTEMD.resolve("shiori-kiosk-browser.service"), StandardCharsets.UTF_8);
    assertThat(unit)
        .contains(
            "ExecStart=/usr/bin/shiori-kiosk-browser",
            "User=shiori-screen",
            "Restart=always",
            "StartLimitIntervalSec=0",
            "NoNewPrivileges=yes")
        .as("the screen's user is not the kiosk's, which can read the tenant key")
        .doesNotContain("User=shiori");
    String script =
        Files.readString(
            SYSTEMD.resolve("../packaging/deb/bin/shiori-kiosk-browser").normalize(),
            StandardCharsets.UTF_8);
    assertThat(script).contains("--kiosk \"$url\"", "--noerrdialogs", "cage -s --");
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
            "OK   shiori-kiosk.service",
            "OK   shiori-gate.service",
            "OK   shiori-alert@.service",
            "OK   shiori-kiosk-browser.service",
            "OK   shiori-central.service");
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null
        && java.util.Arrays.stream(path.split(":"))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }
}
