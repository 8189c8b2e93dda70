package org.shiori.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** decommission on a scratch tree laid out as a provisioned kiosk (P-DISPOSE-1). */
class DecommissionCommandTest {
  @TempDir Path root;
  private Path etc;
  private Path data;
  private Path logs;
  private Path config;

  @BeforeEach
  void layOutADevice() throws Exception {
    etc = Files.createDirectories(root.resolve("etc/shiori/tls"));
    data = Files.createDirectories(root.resolve("var/lib/shiori"));
    logs = Files.createDirectories(root.resolve("var/log/shiori"));
    for (String f : new String[] {"ca.pem", "device.pem", "device.key", "device.csr"}) {
      Files.writeString(etc.resolve(f), "PEM " + f);
    }
    Files.write(data.resolve("tenant.key"), new byte[32]);
    Files.writeString(data.resolve("admin.token"), "0123456789abcdef0123");
    Files.writeString(data.resolve("store.db"), "patron rows");
    Files.writeString(data.resolve("store.db-wal"), "pages");
    Files.createDirectories(data.resolve("backup"));
    Files.writeString(data.resolve("backup/store.db.0.1.0"), "older copy");
    Files.writeString(logs.resolve("kiosk.log"), "log lines");
    Files.writeString(logs.resolve("kiosk.1.log.gz"), "older log");
    config =
        Files.writeString(
            root.resolve("etc/shiori/device.yaml"),
            String.join(
                "\n",
                "deviceId: kiosk-1",
                "role: kiosk",
                "tenant: t1",
                "branch: main",
                "broker:",
                "  url: ssl://broker.example:8883",
                "  tls:",
                "    ca: tls/ca.pem",
                "    cert: tls/device.pem",
                "    key: tls/device.key",
                "reader:",
                "  protocol: feig",
                "  port: /dev/ttyUSB0",
                "security:",
                "  mode: afi",
                "dataDir: " + data,
                ""),
            StandardCharsets.UTF_8);
    Files.writeString(root.resolve("etc/shiori/device.yaml.previous"), "older configuration");
  }

  private record Run(int exit, String out, String err) {}

  private Run decommission(String... extra) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = new String[5 + extra.length];
    args[0] = "decommission";
    args[1] = "--config";
    args[2] = config.toString();
    args[3] = "--log-dir";
    args[4] = logs.toString();
    System.arraycopy(extra, 0, args, 5, extra.length);
    int exit =
        DeviceConfigCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void withoutYesNothingIsTouchedAndEverythingToWipeIsListed() {
    Run r = decommission();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("data directory", "tenant key", "TLS key", "logs", "--yes");
    assertThat(data.resolve("store.db")).exists();
    assertThat(etc.resolve("device.key")).exists();
    assertThat(config).exists();
  }

  @Test
  void dataKeysCertificatesLogsAndConfigurationAreWipedStepByStep() throws Exception {
    Run r = decommission("--yes");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .containsPattern("WIPED  tenant key +1 file\\(s\\)")
        .containsPattern("WIPED  data directory +4 file\\(s\\)")
        .contains("WIPED  TLS key and request")
        .contains("WIPED  TLS certificates")
        .contains("WIPED  logs")
        .contains("WIPED  configuration")
        .contains("wipe or destroy the whole medium")
        .doesNotContain("FAILED");
    assertThat(data).doesNotExist();
    assertThat(logs).doesNotExist();
    try (var left = Files.walk(root.resolve("etc"))) {
      assertThat(left.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void aSecondRunFindsNothingLeftAndStillSucceeds() {
    assertThat(decommission("--yes").exit()).isZero();
    assertThat(config).doesNotExist();
  }
}
