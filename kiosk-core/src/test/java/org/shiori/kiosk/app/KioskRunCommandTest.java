package org.shiori.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.device.app.ExitCodes;
import org.shiori.testkit.SecretFile;
import picocli.CommandLine;

/** {@code kiosk run --config FILE} refuses to start on a configuration it cannot use. */
class KioskRunCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = ExitCodes.commandLine(new KioskCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml, StandardCharsets.UTF_8);
  }

  @Test
  void brokenConfigPrintsEveryErrorWithFileAndLineAndExitsOne() throws IOException {
    Path config =
        write(
            "device.yaml",
            String.join(
                "\n",
                "deviceId: Kiosk_01",
                "role: kiosk",
                "tenant: matsuyama",
                "branch: central",
                "broker:",
                "  url: tcp://127.0.0.1:1883",
                "reader:",
                "  protocol: feig",
                "  port: /dev/ttyUSB0",
                "  baud: 12345",
                "  partiy: even",
                ""));

    assertThat(run("run", "--config", config.toString())).isEqualTo(1);

    String errors = err.toString();
    assertThat(errors.lines())
        .anySatisfy(l -> assertThat(l).startsWith(config + ":1:").contains("deviceId"))
        .anySatisfy(l -> assertThat(l).contains(":10:").contains("reader.baud", "12345"))
        .anySatisfy(l -> assertThat(l).contains(":11:").contains("did you mean \"parity\""));
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void missingConfigFileIsNamedAndExitsOne() {
    Path missing = dir.resolve("nowhere.yaml");

    assertThat(run("run", "--config", missing.toString())).isEqualTo(1);

    assertThat(err.toString()).contains(missing.toString(), "no such file");
  }

  @Test
  void missingTenantKeyIsNamedInsteadOfMadeUp_P_MIN_1() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path config = write("device.yaml", validKiosk(data));

    assertThat(run("run", "--config", config.toString())).isEqualTo(1);

    assertThat(err.toString())
        .contains("tenant key file " + data.resolve("tenant.key"), "does not exist");
    assertThat(data.resolve("tenant.key")).doesNotExist();
    assertThat(data.resolve(ProductionKiosk.DATABASE_FILE)).doesNotExist();
  }

  @Test
  void aTenantKeyOthersCanReadStopsTheServiceFromStarting() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path key = Files.write(data.resolve("tenant.key"), new byte[32]);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    Path config = write("device.yaml", validKiosk(data));

    assertThat(run("run", "--config", config.toString())).isEqualTo(1);

    assertThat(err.toString()).contains(key.toString(), "0600");
    assertThat(data.resolve(ProductionKiosk.DATABASE_FILE)).doesNotExist();
  }

  @Test
  void aTlsKeyOthersCanReadStopsTheServiceFromStarting() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    SecretFile.write(data.resolve("tenant.key"), new byte[32]);
    Path tls = Files.createDirectories(dir.resolve("tls"));
    Files.writeString(tls.resolve("ca.pem"), "not read before the key's mode is checked\n");
    Files.writeString(tls.resolve("device.pem"), "not read before the key's mode is checked\n");
    Path key = Files.writeString(tls.resolve("device.key"), "-----BEGIN PRIVATE KEY-----\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
    Path config =
        write(
            "device.yaml",
            validKiosk(data)
                .replace(
                    "  url: tcp://127.0.0.1:1883",
                    "  url: ssl://127.0.0.1:8883\n  tls:\n    ca: tls/ca.pem\n"
                        + "    cert: tls/device.pem\n    key: tls/device.key"));

    assertThat(run("run", "--config", config.toString())).isEqualTo(1);

    assertThat(err.toString()).contains("broker.tls.key", key.toString(), "0600");
    assertThat(data.resolve(ProductionKiosk.DATABASE_FILE)).doesNotExist();
  }

  @Test
  void aReaderPortThatCannotBeOpenedIsNamedAndExitsOne() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    SecretFile.write(data.resolve("tenant.key"), new byte[32]);
    String port = dir.resolve("ttyUSB-missing").toString();
    Path config =
        write(
            "device.yaml",
            validKiosk(data).replace("  protocol: emulated", "  protocol: feig\n  port: " + port));

    assertThat(run("run", "--config", config.toString())).isEqualTo(1);

    assertThat(err.toString()).contains("serial port " + port, "reader.port");
  }

  @Test
  void gateConfigurationIsNotRunAsKiosk() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path config =
        write(
            "gate.yaml",
            validKiosk(data).replace("role: kiosk", "role: gate")
                + "gate:\n  lightPin: 17\n  buzzerPin: 27\n");

    assertThat(run("run", "--config", config.toString())).isEqualTo(1);

    assertThat(err.toString()).contains("role", "gate", "not a kiosk");
  }

  @Test
  void usageErrorWithoutConfigOptionExitsTwo() {
    assertThat(run("run")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--config");
  }

  private static String validKiosk(Path data) {
    return String.join(
        "\n",
        "deviceId: kiosk-test-01",
        "role: kiosk",
        "tenant: matsuyama",
        "branch: central",
        "broker:",
        "  url: tcp://127.0.0.1:1883",
        "reader:",
        "  protocol: emulated",
        "dataDir: " + data,
        "");
  }
}
