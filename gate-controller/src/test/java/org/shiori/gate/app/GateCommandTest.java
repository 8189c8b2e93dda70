package org.shiori.gate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GateCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = GateCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** A gate configuration with {@code brokerLines} under {@code broker:}, emulated reader. */
  private Path gateConfig(Path data, String... brokerLines) throws IOException {
    List<String> lines =
        new ArrayList<>(
            List.of("deviceId: gate-1", "role: gate", "tenant: matsuyama", "branch: central"));
    lines.add("broker:");
    lines.addAll(List.of(brokerLines));
    lines.addAll(
        List.of(
            "reader:",
            "  protocol: emulated",
            "dataDir: " + data,
            "gate:",
            "  lightPin: 17",
            "  buzzerPin: 27",
            ""));
    return Files.writeString(dir.resolve("gate.yaml"), String.join("\n", lines));
  }

  @Test
  void helpListsRunAndExitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("run");
  }

  @Test
  void runHelpNamesTheTuningOptions() {
    assertThat(run("run", "--help")).isZero();
    assertThat(out.toString())
        .contains("--config", "--cycle-ms", "--passage-window-ms")
        .doesNotContain("--beam-settle-ms"); // the beams' debounce is gate.beamDebounceMillis
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("a command is required");
  }

  @Test
  void runWithoutConfigIsAUsageError() {
    assertThat(run("run")).isEqualTo(2);
    assertThat(err.toString()).contains("--config");
  }

  @Test
  void nonPositiveTimingIsAUsageError() {
    assertThat(run("run", "--config", "any.yaml", "--cycle-ms", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("cycle must be positive");
  }

  @Test
  void brokenConfigFailsWithFileLineAndField() throws Exception {
    Path config = dir.resolve("gate.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "deviceId: gate-1",
            "role: gate",
            "tenant: matsuyama",
            "branch: central",
            "broker:",
            "  url: tcp://127.0.0.1:1883",
            "reader:",
            "  protocol: emulated",
            "gate:",
            "  alarmMode: sometimes",
            "  lightPin: 17",
            "  buzzerPin: 27",
            ""));

    assertThat(run("run", "--config", config.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("gate.yaml", "10", "alarmMode", "sometimes");
  }

  @Test
  void aKioskConfigurationDoesNotRunAGate() throws Exception {
    Path config = dir.resolve("kiosk.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "deviceId: kiosk-1",
            "role: kiosk",
            "tenant: matsuyama",
            "branch: central",
            "broker:",
            "  url: tcp://127.0.0.1:1883",
            "reader:",
            "  protocol: emulated",
            "dataDir: " + dir,
            ""));

    assertThat(run("run", "--config", config.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("role is kiosk, not gate");
  }

  @Test
  void aTlsKeyOthersCanReadStopsTheGateFromStarting() throws Exception {
    Path tls = Files.createDirectories(dir.resolve("tls"));
    Files.writeString(tls.resolve("ca.pem"), "not read before the key's mode is checked\n");
    Files.writeString(tls.resolve("device.pem"), "not read before the key's mode is checked\n");
    Path key = Files.writeString(tls.resolve("device.key"), "-----BEGIN PRIVATE KEY-----\n");
    java.nio.file.Files.setPosixFilePermissions(
        key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    Path config =
        gateConfig(
            dir.resolve("data"),
            "  url: ssl://127.0.0.1:8883",
            "  tls:",
            "    ca: tls/ca.pem",
            "    cert: tls/device.pem",
            "    key: tls/device.key");

    assertThat(run("run", "--config", config.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("refusing to start", "broker.tls.key", "0600");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void anAdminTokenOthersCanReadStopsTheGateFromStarting() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path token = Files.writeString(data.resolve("admin.token"), "7c41e09b2f5d8a36c1e4b7f2\n");
    java.nio.file.Files.setPosixFilePermissions(
        token, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    Path config = gateConfig(data, "  url: tcp://127.0.0.1:1883");

    assertThat(run("run", "--config", config.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("refusing to start", token.toString(), "chmod 600");
    assertThat(data.resolve(GateService.DATABASE_FILE)).doesNotExist();
  }
}
