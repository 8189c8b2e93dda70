package org.shiori.demo.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.app.CentralCommand;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import org.shiori.device.health.HealthCheck;
import org.shiori.device.messaging.MqttLink;
import org.shiori.device.messaging.MqttLinkSettings;
import org.shiori.device.remote.ManagementSetup;
import org.shiori.device.remote.RemoteManagement;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;
import picocli.CommandLine;

/**
 * {@code central command} against a device's real remote management through a real Mosquitto: what
 * the technician at central sees, including a configuration update across the device's restart.
 */
class CentralCommandManagementTest {
  @TempDir Path dir;
  private MosquittoBroker broker;
  private Path centralConfig;
  private Path deviceConfig;
  private MqttLink link;
  private RemoteManagement management;
  private final AtomicInteger resyncs = new AtomicInteger();
  private final AtomicInteger restarts = new AtomicInteger();

  @BeforeEach
  void setUp() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto (apt-get install mosquitto)");
    broker = MosquittoBroker.plain("t1").start();
    centralConfig =
        Files.writeString(
            dir.resolve("central.yaml"),
            "tenant: t1\ninstanceId: central-1\nbroker:\n  url: "
                + broker.url()
                + "\ndatabase:\n  kind: sqlite\n  file: "
                + dir.resolve("central.db")
                + "\nils:\n  connector: standalone\n");
    deviceConfig = Files.writeString(dir.resolve("device.yaml"), kiosk(1000));
    Files.createDirectories(dir.resolve("data"));
    startDevice();
  }

  @AfterEach
  void tearDown() {
    stopDevice();
    if (broker != null) {
      broker.close();
    }
  }

  private String kiosk(int outbox) {
    return "deviceId: kiosk-1\nrole: kiosk\ntenant: t1\nbranch: main\nbroker:\n  url: "
        + broker.url()
        + "\nreader:\n  protocol: feig\n  port: /dev/ttyUSB0\nsecurity:\n  mode: afi\n"
        + "dataDir: "
        + dir.resolve("data")
        + "\noutbox:\n  capacity: "
        + outbox
        + "\n";
  }

  /** What {@code kiosk run} does at every start, without the reader and the screens. */
  private void startDevice() throws Exception {
    ManagementSetup setup =
        ManagementSetup.atStart(
            deviceConfig, () -> CompletableFuture.runAsync(this::restartDevice));
    DeviceConfig device = DeviceConfigLoader.load(deviceConfig);
    link =
        new MqttLink(
            MqttLinkSettings.device(broker.url(), "t1", "kiosk-1", java.util.Optional.empty())
                .withReconnect(Duration.ofMillis(100), Duration.ofSeconds(1)),
            Clock.systemUTC());
    management =
        setup.startOn(link, device, new HealthCheck(), Clock.systemUTC(), resyncs::incrementAndGet);
    link.start();
    assertThat(link.awaitConnected(Duration.ofSeconds(30))).isTrue();
  }

  private void stopDevice() {
    if (management != null) {
      management.close();
    }
    if (link != null) {
      link.close();
    }
  }

  private void restartDevice() {
    restarts.incrementAndGet();
    stopDevice();
    try {
      startDevice();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private record Run(int exit, String out, String err) {}

  private Run central(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new CentralCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 5];
    all[0] = "command";
    all[1] = "--config";
    all[2] = centralConfig.toString();
    all[3] = "--device";
    all[4] = "kiosk-1";
    System.arraycopy(args, 0, all, 5, args.length);
    int exit = cli.execute(all);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aResyncIsSentAndItsResultPrinted() {
    Run r = central("--timeout-seconds", "30", "resync");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("sent resync to kiosk-1").contains("done: snapshots of items");
    assertThat(resyncs).hasValue(1);
  }

  @Test
  void aConfigurationUpdateIsAcceptedThenDoneAfterTheDeviceRestarted() throws Exception {
    Path next = Files.writeString(dir.resolve("next.yaml"), kiosk(4000));
    Run r = central("--timeout-seconds", "60", "config-update", next.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("accepted: configuration valid")
        .contains("done: running connected and healthy with the new configuration");
    assertThat(restarts).hasValue(1);
    assertThat(Files.readString(deviceConfig)).isEqualTo(kiosk(4000));
  }

  @Test
  void anInvalidConfigurationIsRefusedWithItsMistakesAndExitsOne() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), kiosk(1000) + "colour: blue\n");
    Run r = central("--timeout-seconds", "30", "config-update", broken.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("rejected: configuration refused, nothing changed")
        .contains("colour");
    assertThat(Files.readString(deviceConfig)).isEqualTo(kiosk(1000));
    assertThat(restarts).hasValue(0);
  }

  @Test
  void aDeviceThatDoesNotAnswerEndsWithExitFour() {
    stopDevice();
    management = null;
    link = null;
    Run r = central("--timeout-seconds", "2", "rotate-logs");
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err()).contains("no final answer from kiosk-1 within 2 s");
  }

  @Test
  void aMisspelledCommandIsAUsageError() {
    Run r = central("reboot");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("COMMAND must be resync, restart, rotate-logs or config-update");
  }
}
