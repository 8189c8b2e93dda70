package org.shiori.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import org.shiori.config.ReaderSettings;
import org.shiori.config.reader.ConfiguredReaders;
import org.shiori.device.messaging.MqttLinkSettings;
import org.shiori.device.messaging.TlsFiles;
import org.shiori.kiosk.session.KioskIdentity;
import org.shiori.kiosk.session.OfflineGuard;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.testkit.SecretFile;

/** What the module makes of a configuration file, value by value. */
class KioskModuleTest {
  @TempDir Path dir;
  private Path data;

  @BeforeEach
  void provision() throws Exception {
    data = Files.createDirectories(dir.resolve("data"));
    SecretFile.write(data.resolve("tenant.key"), new byte[32]);
    for (String pem : new String[] {"ca.pem", "device.pem", "device.key"}) {
      Files.writeString(dir.resolve(pem), "PEM");
    }
  }

  private DeviceConfig load(String... lines) throws Exception {
    String base =
        String.join(
            "\n",
            "deviceId: kiosk-hojo-02",
            "role: kiosk",
            "tenant: matsuyama",
            "branch: hojo",
            "dataDir: " + data,
            "");
    return DeviceConfigLoader.load(
        Files.writeString(dir.resolve("device.yaml"), base + String.join("\n", lines) + "\n"));
  }

  private Injector injector(DeviceConfig config) {
    return Guice.createInjector(new KioskModule(config, Clock.systemUTC()));
  }

  @Test
  void tlsBrokerClientIdAndKeepAliveComeFromTheConfiguration_P_TLS_1() throws Exception {
    DeviceConfig config =
        load(
            "broker:",
            "  url: ssl://mqtt.library.example:8883",
            "  clientId: kiosk-hojo-02-b",
            "  keepAliveSeconds: 45",
            "  tls:",
            "    ca: ca.pem",
            "    cert: device.pem",
            "    key: device.key",
            "reader:",
            "  protocol: emulated");

    MqttLinkSettings link = injector(config).getInstance(MqttLinkSettings.class);

    assertThat(link.serverUri().toString()).isEqualTo("ssl://mqtt.library.example:8883");
    assertThat(link.clientId()).isEqualTo("kiosk-hojo-02-b");
    assertThat(link.deviceId()).contains("kiosk-hojo-02");
    assertThat(link.keepAlive()).isEqualTo(Duration.ofSeconds(45));
    assertThat(link.tls())
        .contains(
            new TlsFiles(
                dir.resolve("ca.pem"), dir.resolve("device.pem"), dir.resolve("device.key")));
  }

  @Test
  void afiValuesOrTheEasBitAsConfigured() throws Exception {
    String[] broker = {"broker:", "  url: tcp://127.0.0.1:1883", "reader:", "  protocol: emulated"};
    DeviceConfig threeM =
        load(concat(broker, "security:", "  afiSecured: 0xD7", "  afiReleased: 0xDA"));
    DeviceConfig eas = load(concat(broker, "security:", "  mode: eas"));

    assertThat(injector(threeM).getInstance(SecurityMode.class)).isEqualTo(SecurityMode.THREEM_AFI);
    assertThat(injector(eas).getInstance(SecurityMode.class)).isEqualTo(SecurityMode.NXP_EAS);
  }

  @Test
  void identityAndOfflineLimits() throws Exception {
    DeviceConfig config =
        load(
            "broker:",
            "  url: tcp://127.0.0.1:1883",
            "reader:",
            "  protocol: emulated",
            "offline:",
            "  maxItemsPerSession: 3",
            "  maxHoursOffline: 12",
            "  maxCacheAgeHours: 24");
    Injector injector = injector(config);

    assertThat(injector.getInstance(KioskIdentity.class))
        .isEqualTo(new KioskIdentity("matsuyama", "kiosk-hojo-02", "hojo", config.zone()));
    assertThat(injector.getInstance(OfflineGuard.Limits.class))
        .isEqualTo(new OfflineGuard.Limits(3, Duration.ofHours(12), Duration.ofHours(24)));
  }

  @Test
  void aShortTenantKeyIsRefusedWithTheFileNamed() throws Exception {
    SecretFile.write(data.resolve("tenant.key"), new byte[8]);
    DeviceConfig config =
        load("broker:", "  url: tcp://127.0.0.1:1883", "reader:", "  protocol: emulated");

    assertThatThrownBy(() -> injector(config).getInstance(CardHasher.class))
        .isInstanceOf(ProvisionException.class)
        .rootCause()
        .isInstanceOf(KioskStartException.class)
        .hasMessageContaining(data.resolve("tenant.key").toString());
  }

  @Test
  void aTenantKeyOthersMayReadIsRefused() throws Exception {
    Path key = Files.write(data.resolve("tenant.key"), new byte[32]);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    DeviceConfig config =
        load("broker:", "  url: tcp://127.0.0.1:1883", "reader:", "  protocol: emulated");

    assertThatThrownBy(() -> injector(config).getInstance(CardHasher.class))
        .isInstanceOf(ProvisionException.class)
        .rootCause()
        .isInstanceOf(KioskStartException.class)
        .hasMessageContaining(key.toString())
        .hasMessageContaining("chmod 600");
  }

  @Test
  void serialLineSettingsFollowTheConfiguration() throws Exception {
    DeviceConfig config =
        load(
            "broker:",
            "  url: tcp://127.0.0.1:1883",
            "reader:",
            "  protocol: 3m810",
            "  port: /dev/ttyAMA0",
            "  baud: 9600",
            "  parity: odd",
            "  stopBits: 2");
    ReaderSettings reader = config.reader();

    SerialSettings line = ConfiguredReaders.serialLine(reader).orElseThrow();

    assertThat(line)
        .isEqualTo(
            new SerialSettings(
                "/dev/ttyAMA0",
                9600,
                SerialSettings.Parity.ODD,
                8,
                SerialSettings.StopBits.TWO,
                SerialSettings.threeM("/dev/ttyAMA0").interByteTimeout()));
    assertThat(reader.port()).isEqualTo(Optional.of("/dev/ttyAMA0"));
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = new String[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
