package org.shiori.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.config.DeviceConfigLoader;
import org.shiori.config.cli.DeviceConfigCommand;
import org.shiori.config.pki.Pki;
import org.shiori.device.messaging.MqttLink;
import org.shiori.device.messaging.MqttLinkSettings;
import org.shiori.device.messaging.TlsFiles;
import org.shiori.device.testing.CentralSimulator;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.emulator.TagField;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.FreePort;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.MosquittoProcess;
import org.shiori.testkit.Required;
import org.shiori.testkit.SecretFile;
import org.shiori.testkit.ShippedBrokerConfig;

/**
 * docs/operations.md followed literally, with the real commands: a CA made by {@code device-config
 * ca}, a Mosquitto with its broker certificate and the tenant ACL, a kiosk provisioned with {@code
 * provision}, its request signed with {@code ca sign}; the production kiosk then runs against the
 * broker over TLS, and {@code selftest} and {@code status} report it healthy.
 */
class ProvisioningAcceptanceTest {
  private static final String TENANT = "matsuyama";
  private static final String DEVICE = "kiosk-central-07";

  @TempDir Path dir;
  private final Deque<AutoCloseable> parts = new ArrayDeque<>();

  @AfterEach
  void stop() {
    while (!parts.isEmpty()) {
      try {
        parts.pop().close();
      } catch (Exception e) {
        // the next part still stops
      }
    }
  }

  private record Run(int exit, String out, String err) {}

  private static Run deviceConfig(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        DeviceConfigCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static Run ok(String... args) {
    Run r = deviceConfig(args);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
    return r;
  }

  @Test
  void aKioskProvisionedByTheGuideRunsOverTlsAndReportsHealthy() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto is needed");
    Path ca = dir.resolve("shiori-ca");
    Path brokerDir = dir.resolve("mosquitto");
    Path etc = dir.resolve("etc/shiori");
    Path data = Files.createDirectories(dir.resolve("var/lib/shiori"));
    Path config = etc.resolve("device.yaml");
    int port = FreePort.find();

    // 2. The tenant CA, and the broker's certificate.
    ok("ca", "init", "--dir", ca.toString(), "--tenant", TENANT);
    ok(
        "ca",
        "broker-cert",
        "--dir",
        ca.toString(),
        "--host",
        "localhost",
        "--ip",
        "127.0.0.1",
        "--out-dir",
        brokerDir.toString());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.resolve("ca.key"))))
        .isEqualTo("rw-------");

    // 3. The broker, as docs/mosquitto/mosquitto.conf, on loopback, with the tenant ACL.
    Files.writeString(brokerDir.resolve("acl"), ShippedBrokerConfig.load().acl(TENANT));
    Files.writeString(brokerDir.resolve("mosquitto.conf"), brokerConfig(brokerDir, ca, port));
    MosquittoProcess broker =
        remember(
            new MosquittoProcess(
                MosquittoProcess.DEBIAN_BINARY,
                brokerDir.resolve("mosquitto.conf"),
                port,
                brokerDir.resolve("stdout.log")));
    broker.start();

    // 4. Provision: configuration, key and request; the request signed; the certificate installed.
    PtyCable cable = remember(PtyCable.plugIn());
    List<String> provision =
        new ArrayList<>(
            List.of(
                "provision",
                "--role",
                "kiosk",
                "--tenant",
                TENANT,
                "--branch",
                "central",
                "--device-id",
                DEVICE,
                "--broker",
                "ssl://localhost:" + port,
                "--config",
                config.toString(),
                "--data-dir",
                data.toString(),
                "--reader-protocol",
                "feig",
                "--reader-port",
                cable.kioskEnd(),
                "--ui-port",
                String.valueOf(FreePort.find()),
                "--admin-port",
                String.valueOf(FreePort.find())));
    Run first = ok(provision.toArray(String[]::new));
    assertThat(first.out()).contains("Next steps:", "ca sign");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-------");
    Run again = deviceConfig(provision.toArray(String[]::new));
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("already provisioned", "--force");

    Path signed = dir.resolve(DEVICE + ".pem");
    ok(
        "ca",
        "sign",
        "--dir",
        ca.toString(),
        "--csr",
        etc.resolve("tls/device.csr").toString(),
        "--out",
        signed.toString());
    List<String> install = new ArrayList<>(provision);
    install.addAll(
        List.of("--certificate", signed.toString(), "--ca", ca.resolve("ca.pem").toString()));
    ok(install.toArray(String[]::new));
    ok("validate", config.toString());

    // The tenant key and the admin token, 0600.
    SecretFile.write(
        data.resolve("tenant.key"),
        HexFormat.of()
            .parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));
    SecretFile.write(data.resolve("admin.token"), "3f9c2a7d5e1b8c4a6d0e2f7a9b1c3d5e\n");

    // Central, with its own certificate signed by the same CA.
    startCentral(ca, port);

    // 5. Start the kiosk (what shiori-kiosk run does) and check it.
    SerialTransport readerLine = new SerialTransport(SerialSettings.feig(cable.readerEnd()));
    remember(new FeigReaderEmulator(readerLine, new TagField(), 0xFF).start());
    ProductionKiosk kiosk =
        remember(ProductionKiosk.start(DeviceConfigLoader.load(config), Clock.systemUTC()));
    Conditions.await(
        Duration.ofSeconds(60),
        () -> deviceConfig("status", "--config", config.toString()).exit() == 0,
        () -> "status: " + deviceConfig("status", "--config", config.toString()));

    Run status = ok("status", "--config", config.toString());
    assertThat(status.out())
        .contains(
            DEVICE + " (kiosk)", "ssl://localhost:" + port + " online", "outbox", "rules in use");
    Run selftest = ok("selftest", "--config", config.toString());
    assertThat(selftest.out())
        .contains("PASS  broker", "MQTT 5 accepted", "PASS  certificate", "PASS  reader")
        .containsPattern("all [0-9]+ checks passed");
    assertThat(kiosk.health().problems()).isEmpty();
  }

  private void startCentral(Path ca, int port) throws Exception {
    Path centralDir = Files.createDirectories(dir.resolve("central"));
    KeyPair key = Pki.newKeyPair();
    Pki.writePrivateKey(centralDir.resolve("central.key"), key.getPrivate());
    Pki.writePem(centralDir.resolve("central.csr"), Pki.request(key, "central"));
    ok(
        "ca",
        "sign",
        "--dir",
        ca.toString(),
        "--csr",
        centralDir.resolve("central.csr").toString(),
        "--out",
        centralDir.resolve("central.pem").toString());
    TlsFiles files =
        new TlsFiles(
            ca.resolve("ca.pem"),
            centralDir.resolve("central.pem"),
            centralDir.resolve("central.key"));
    MqttLink link =
        remember(
            new MqttLink(
                MqttLinkSettings.service(
                    java.net.URI.create("ssl://localhost:" + port),
                    TENANT,
                    "central",
                    Optional.of(files)),
                Clock.systemUTC()));
    CentralSimulator central = remember(new CentralSimulator(link, Clock.systemUTC()));
    central.start();
    link.start();
  }

  private static String brokerConfig(Path brokerDir, Path ca, int port) {
    return String.join(
        "\n",
        "per_listener_settings false",
        "allow_anonymous false",
        "user " + System.getProperty("user.name"),
        "persistence false",
        "max_queued_messages 100000",
        "log_dest file " + brokerDir.resolve("mosquitto.log"),
        "listener " + port + " 127.0.0.1",
        "cafile " + ca.resolve("ca.pem"),
        "certfile " + brokerDir.resolve("broker.pem"),
        "keyfile " + brokerDir.resolve("broker.key"),
        "tls_version tlsv1.2",
        "require_certificate true",
        "use_identity_as_username true",
        "acl_file " + brokerDir.resolve("acl"),
        "");
  }

  private <T extends AutoCloseable> T remember(T part) {
    parts.push(part);
    return part;
  }
}
