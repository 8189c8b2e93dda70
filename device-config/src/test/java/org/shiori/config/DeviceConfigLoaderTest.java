package org.shiori.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.rfid.reader.ReaderProtocol;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.transport.SerialSettings;

class DeviceConfigLoaderTest {
  private static final String MINIMAL =
      """
      deviceId: kiosk-hojo-02
      role: kiosk
      tenant: matsuyama
      branch: hojo
      broker:
        url: tcp://127.0.0.1:1883
      reader:
        protocol: emulated
      """;

  @TempDir Path dir;

  @Test
  void kioskExampleLoadsWithItsValuesAndDefaults() throws Exception {
    DeviceConfig config =
        DeviceConfigLoader.load(ExampleConfigs.install(ExampleConfigs.KIOSK, dir));

    assertThat(config.deviceId()).isEqualTo("kiosk-central-01");
    assertThat(config.role()).isEqualTo(DeviceRole.KIOSK);
    assertThat(config.tenant()).isEqualTo("matsuyama");
    assertThat(config.branch()).isEqualTo("central");
    assertThat(config.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(config.locale()).isEqualTo(Locale.JAPANESE);
    BrokerSettings broker = config.broker();
    assertThat(broker.url()).isEqualTo("ssl://mqtt.library.example:8883");
    assertThat(broker.host()).isEqualTo("mqtt.library.example");
    assertThat(broker.port()).isEqualTo(8883);
    assertThat(broker.usesTls()).isTrue();
    assertThat(broker.tls())
        .contains(
            new TlsSettings(
                dir.resolve("tls/ca.pem"),
                dir.resolve("tls/device.pem"),
                dir.resolve("tls/device.key")));
    assertThat(broker.clientId()).as("defaults to deviceId").isEqualTo("kiosk-central-01");
    assertThat(broker.keepAliveSeconds()).isEqualTo(30);
    assertThat(config.reader())
        .isEqualTo(
            new ReaderSettings(
                ReaderProtocol.FEIG,
                Optional.of("/dev/ttyUSB0"),
                38400,
                SerialSettings.Parity.EVEN,
                8,
                1,
                255));
    assertThat(config.security())
        .isEqualTo(new SecuritySettings(SecurityMode.Method.AFI, 0x07, 0xC2));
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/shiori"));
    assertThat(config.privacy().tenantKeyFile()).isEqualTo(Path.of("/var/lib/shiori/tenant.key"));
    assertThat(config.ui().port()).isEqualTo(8080);
    assertThat(config.admin().port()).isEqualTo(8081);
    assertThat(config.policy()).isEqualTo(PolicySource.shipped("matsuyama"));
    assertThat(config.offline()).isEqualTo(new OfflineSettings(5, 24, 48));
    assertThat(config.outbox().capacity()).isEqualTo(10000);
    assertThat(config.gate()).isEmpty();
  }

  @Test
  void gateExampleLoadsWith3mSerialDefaultsAndItsWiring() throws Exception {
    DeviceConfig config = DeviceConfigLoader.load(ExampleConfigs.install(ExampleConfigs.GATE, dir));

    assertThat(config.role()).isEqualTo(DeviceRole.GATE);
    assertThat(config.reader().protocol()).isEqualTo(ReaderProtocol.THREEM810);
    assertThat(config.reader().baud()).isEqualTo(19200);
    assertThat(config.reader().parity()).isEqualTo(SerialSettings.Parity.NONE);
    assertThat(config.requireGate())
        .isEqualTo(
            new GateSettings(
                AlarmMode.CROSS_CHECK,
                17,
                27,
                Optional.of(new VisitorBeams(22, 23, 30)),
                OptionalInt.of(24),
                3000));
    assertThat(config.requireGate().alarmDuration()).hasMillis(3000);
  }

  @Test
  void exampleWithoutItsTlsFilesNamesEachMissingFileAndWhereItWasLookedFor() throws Exception {
    Path file = ExampleConfigs.copyWithoutTls(ExampleConfigs.KIOSK, dir);

    ConfigException failure =
        catchThrowableOfType(() -> DeviceConfigLoader.load(file), ConfigException.class);

    assertThat(failure.errors())
        .extracting(ConfigError::field, ConfigError::line, ConfigError::allowed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "broker.tls.ca",
                14,
                "an existing, readable file (looked for " + dir.resolve("tls/ca.pem") + ")"),
            org.assertj.core.groups.Tuple.tuple(
                "broker.tls.cert",
                15,
                "an existing, readable file (looked for " + dir.resolve("tls/device.pem") + ")"),
            org.assertj.core.groups.Tuple.tuple(
                "broker.tls.key",
                16,
                "an existing, readable file (looked for " + dir.resolve("tls/device.key") + ")"));
  }

  @Test
  void minimalConfigGetsEveryDefault() throws Exception {
    DeviceConfig config = DeviceConfig.fromYaml(MINIMAL, "minimal.yaml");

    assertThat(config.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(config.locale()).isEqualTo(Locale.JAPANESE);
    assertThat(config.broker().usesTls()).isFalse();
    assertThat(config.broker().tls()).isEmpty();
    assertThat(config.broker().clientId()).isEqualTo("kiosk-hojo-02");
    assertThat(config.broker().keepAlive()).hasSeconds(30);
    assertThat(config.reader().port()).as("emulated reader needs no port").isEmpty();
    assertThat(config.reader().busAddress()).isEqualTo(255);
    assertThat(config.security())
        .isEqualTo(new SecuritySettings(SecurityMode.Method.AFI, 0x07, 0xC2));
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/shiori"));
    assertThat(config.privacy().tenantKeyFile()).isEqualTo(Path.of("/var/lib/shiori/tenant.key"));
    assertThat(config.ui()).isEqualTo(new UiSettings(8080));
    assertThat(config.admin()).isEqualTo(new AdminSettings(8081));
    assertThat(config.policy().shippedName()).contains("matsuyama");
    assertThat(config.offline().maxOffline()).hasHours(24);
    assertThat(config.offline().maxCacheAge()).hasHours(48);
    assertThat(config.outbox()).isEqualTo(new OutboxSettings(10000));
  }

  @Test
  void feigAnd3mGetTheirOwnSerialDefaultsUnlessOverridden() throws Exception {
    String feig = MINIMAL.replace("protocol: emulated", "protocol: feig\n  port: /dev/ttyAMA0");
    String threeM =
        MINIMAL.replace(
            "protocol: emulated",
            "protocol: 3m810\n  port: /dev/ttyUSB1\n  baud: 57600\n  parity: odd\n  stopBits: 2");

    ReaderSettings feigReader = DeviceConfig.fromYaml(feig, "feig.yaml").reader();
    ReaderSettings threeMReader = DeviceConfig.fromYaml(threeM, "3m.yaml").reader();

    assertThat(feigReader)
        .isEqualTo(
            new ReaderSettings(
                ReaderProtocol.FEIG,
                Optional.of("/dev/ttyAMA0"),
                38400,
                SerialSettings.Parity.EVEN,
                8,
                1,
                255));
    assertThat(threeMReader)
        .isEqualTo(
            new ReaderSettings(
                ReaderProtocol.THREEM810,
                Optional.of("/dev/ttyUSB1"),
                57600,
                SerialSettings.Parity.ODD,
                8,
                2,
                255));
  }

  @Test
  void afiValuesAcceptDecimalAndHexadecimalInEitherCase() throws Exception {
    String yaml = MINIMAL + "security:\n  mode: eas\n  afiSecured: 215\n  afiReleased: 0xda\n";

    SecuritySettings security = DeviceConfig.fromYaml(yaml, "3m-site.yaml").security();

    assertThat(security).isEqualTo(new SecuritySettings(SecurityMode.Method.EAS, 0xD7, 0xDA));
  }

  @Test
  void tenantKeyFileFollowsDataDirAndExpandsTheDataDirVariable() throws Exception {
    DeviceConfig byDefault =
        DeviceConfig.fromYaml(MINIMAL + "dataDir: /srv/shiori\n", "custom-dir.yaml");
    DeviceConfig expanded =
        DeviceConfig.fromYaml(
            MINIMAL + "dataDir: /srv/shiori\nprivacy:\n  tenantKeyFile: ${dataDir}/keys/t.key\n",
            "expanded.yaml");

    assertThat(byDefault.privacy().tenantKeyFile()).isEqualTo(Path.of("/srv/shiori/tenant.key"));
    assertThat(expanded.privacy().tenantKeyFile()).isEqualTo(Path.of("/srv/shiori/keys/t.key"));
  }

  @Test
  void policyFileResolvesAgainstTheConfigDirectory() throws Exception {
    Files.createDirectories(dir.resolve("policies"));
    Files.writeString(dir.resolve("policies/site.yaml"), "rules: []\n", StandardCharsets.UTF_8);
    Path file = dir.resolve("device.yaml");
    Files.writeString(file, MINIMAL + "policy: policies/site.yaml\n", StandardCharsets.UTF_8);

    DeviceConfig config = DeviceConfigLoader.load(file);

    assertThat(config.policy()).isEqualTo(PolicySource.file(dir.resolve("policies/site.yaml")));
  }

  @Test
  void gateAlarmModeDefaultsToTheTagStateTheKiosksWrite() throws Exception {
    String gate =
        MINIMAL.replace("role: kiosk", "role: gate")
            + "security:\n  mode: eas\ngate:\n  lightPin: 5\n  buzzerPin: 6\n";

    DeviceConfig config = DeviceConfig.fromYaml(gate, "gate.yaml");

    assertThat(config.requireGate())
        .isEqualTo(
            new GateSettings(AlarmMode.EAS, 5, 6, Optional.empty(), OptionalInt.empty(), 3000));
  }

  @Test
  void staffCardsAreReadAsKeysAndOneKeyWithoutAListIsReported() throws Exception {
    String key = "ab".repeat(32);
    DeviceConfig config =
        DeviceConfig.fromYaml(MINIMAL + "ui:\n  staffCards:\n    - " + key + "\n", "kiosk.yaml");
    assertThat(config.ui().staffCards()).containsExactly(key);

    ConfigException failure =
        catchThrowableOfType(
            () -> DeviceConfig.fromYaml(MINIMAL + "ui:\n  staffCards: " + key + "\n", "kiosk.yaml"),
            ConfigException.class);
    assertThat(failure.errors())
        .singleElement()
        .hasToString(
            "kiosk.yaml:10:15: ui.staffCards: found \""
                + key
                + "\", allowed: a list, each item a staff card's key: 64 lower-case hex digits,"
                + " the card number hashed with the tenant key (bin/kiosk staff-card-key)");
  }

  @Test
  void requireGateOnAKioskFailsLoudly() throws Exception {
    DeviceConfig kiosk = DeviceConfig.fromYaml(MINIMAL, "kiosk.yaml");

    assertThat(catchThrowableOfType(kiosk::requireGate, IllegalStateException.class))
        .hasMessageContaining("kiosk-hojo-02");
  }

  @Test
  void emptyFileReportsTheRequiredKeys() {
    ConfigException failure =
        catchThrowableOfType(() -> DeviceConfig.fromYaml("", "empty.yaml"), ConfigException.class);

    assertThat(failure.errors())
        .extracting(ConfigError::field)
        .containsExactly("deviceId", "role", "tenant", "branch", "broker.url", "reader.protocol");
  }

  @Test
  void missingFileIsReportedWithoutAPosition() {
    Path absent = dir.resolve("absent.yaml");

    ConfigException failure =
        catchThrowableOfType(() -> DeviceConfigLoader.load(absent), ConfigException.class);

    assertThat(failure.errors())
        .singleElement()
        .hasToString(absent + ": cannot read file: no such file");
  }

  @Test
  void nonUtf8FileIsReported() throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

    ConfigException failure =
        catchThrowableOfType(() -> DeviceConfigLoader.load(file), ConfigException.class);

    assertThat(failure.errors())
        .singleElement()
        .hasToString(file + ": cannot read file: not UTF-8 text");
  }

  @Test
  void ipv6BrokerHostIsAccepted() throws Exception {
    String yaml = MINIMAL.replace("tcp://127.0.0.1:1883", "tcp://[::1]:1883");

    BrokerSettings broker = DeviceConfig.fromYaml(yaml, "v6.yaml").broker();

    assertThat(broker.host()).isEqualTo("[::1]");
    assertThat(broker.port()).isEqualTo(1883);
  }
}
