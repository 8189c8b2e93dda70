package org.shiori.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.config.DeviceConfig;
import org.shiori.device.app.ExitCodes;
import org.shiori.testkit.SecretFile;
import picocli.CommandLine;

/**
 * {@code kiosk staff-card-key} prints the key a staff card has on this device, which the
 * configuration then accepts under {@code ui.staffCards}; it never prints the number.
 */
class StaffCardKeyCommandTest {
  private static final byte[] TENANT_KEY = "a tenant key of 32 bytes, for it".getBytes();

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = ExitCodes.commandLine(new KioskCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path config() throws IOException {
    return Files.writeString(
        dir.resolve("device.yaml"),
        String.join(
            "\n",
            "deviceId: kiosk-01",
            "role: kiosk",
            "tenant: matsuyama",
            "branch: central",
            "broker:",
            "  url: tcp://127.0.0.1:1883",
            "reader:",
            "  protocol: emulated",
            "dataDir: " + dir,
            ""),
        StandardCharsets.UTF_8);
  }

  @Test
  void printsTheKeyOfTheCardAsScannedWhichTheConfigurationTakes() throws Exception {
    SecretFile.write(dir.resolve("tenant.key"), TENANT_KEY);
    Path config = config();

    assertThat(run("staff-card-key", "--config", config.toString(), "--card", " a9000000001b "))
        .isEqualTo(0);

    String key = out.toString().strip();
    assertThat(key).isEqualTo(new CardHasher(TENANT_KEY).keyOf("A9000000001B").value());
    assertThat(out.toString() + err).doesNotContainIgnoringCase("A9000000001B");
    DeviceConfig withCard =
        DeviceConfig.fromYaml(
            Files.readString(config) + "ui:\n  staffCards:\n    - " + key + "\n", "device.yaml");
    assertThat(withCard.ui().staffCards()).containsExactly(key);
  }

  @Test
  void aMissingTenantKeyIsNamedWithItsField() throws Exception {
    Path config = config();

    assertThat(run("staff-card-key", "--config", config.toString(), "--card", "A9000000001B"))
        .isEqualTo(1);

    assertThat(err.toString())
        .startsWith("error: privacy.tenantKeyFile: ")
        .contains(dir.resolve("tenant.key").toString());
    assertThat(out.toString()).isEmpty();
  }
}
