package org.shiori.central.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.store.OwnPostgresServer;
import org.shiori.central.store.TestDatabases;
import org.shiori.central.testing.CentralProcess;
import org.shiori.central.testing.SimulatedDevice;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/**
 * Fault runs against real processes: a central instance killed with SIGKILL in the middle of the
 * traffic of 10 devices, and the PostgreSQL server stopped and started again while it commits.
 * Every transaction must be recorded once and every device's outbox must drain to 0.
 */
class CentralFaultTest {
  static final String TENANT = "example-city";
  static final PatronKey PATRON = new PatronKey("a1b2c3d4e5f60718293a4b5c6d7e8f90");
  static final int DEVICES = 10;

  @TempDir Path directory;
  MosquittoBroker broker;
  CentralConfig.Database database;
  final List<SimulatedDevice> devices = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto (apt-get install mosquitto)");
    broker = MosquittoBroker.plain(TENANT).start();
    database = TestDatabases.createPostgresql();
    for (int i = 1; i <= DEVICES; i++) {
      devices.add(
          new SimulatedDevice(broker.url(), TENANT, "kiosk-" + i, Duration.ofSeconds(2)).connect());
    }
  }

  @AfterEach
  void stop() {
    devices.forEach(SimulatedDevice::close);
    TestDatabases.drop(database);
    broker.close();
  }

  private Path config(String instance) throws Exception {
    Path file = directory.resolve(instance + ".yaml");
    Files.writeString(
        file,
        "tenant: "
            + TENANT
            + "\ninstanceId: "
            + instance
            + "\nbroker:\n  url: "
            + broker.url()
            + "\ndatabase:\n  kind: postgresql\n  url: "
            + database.jdbcUrl()
            + "\n  user: postgres\n  poolSize: 6\n",
        StandardCharsets.UTF_8);
    return file;
  }

  /** Each device lends {@code perDevice} items, at most 16 unanswered at a time. */
  private Thread[] traffic(int perDevice, AtomicBoolean failed) {
    Thread[] threads = new Thread[devices.size()];
    for (int d = 0; d < devices.size(); d++) {
      SimulatedDevice device = devices.get(d);
      threads[d] =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < perDevice; i++) {
                    while (device.pendingCount() >= 16) {
                      Thread.sleep(1);
                    }
                    device.checkout(device.deviceId() + "-" + i, PATRON);
                  }
                } catch (InterruptedException e) {
                  failed.set(true);
                }
              });
      threads[d].start();
    }
    return threads;
  }

  private long acknowledged() {
    return devices.stream().mapToLong(d -> d.answers().size()).sum();
  }

  private long pending() {
    return devices.stream().mapToLong(SimulatedDevice::pendingCount).sum();
  }

  private long[] recorded() throws Exception {
    return recorded(database);
  }

  private static long[] recorded(CentralConfig.Database db) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT COUNT(*), COUNT(DISTINCT tx_id), COUNT(DISTINCT device_id),"
                    + " MIN(sequence), MAX(sequence) FROM transactions")) {
      r.next();
      return new long[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)};
    }
  }

  @Test
  void oneOfTwoInstancesKilledWithSigkillLosesNothing() throws Exception {
    try (CentralProcess a = CentralProcess.start(config("central-a"), directory.resolve("a.log"));
        CentralProcess b = CentralProcess.start(config("central-b"), directory.resolve("b.log"))) {
      a.awaitConnected(Duration.ofSeconds(60));
      b.awaitConnected(Duration.ofSeconds(60));
      AtomicBoolean failed = new AtomicBoolean();
      Thread[] threads = traffic(1000, failed);
      Conditions.await(
          Duration.ofSeconds(120), () -> acknowledged() >= 3000, () -> "acks " + acknowledged());
      a.kill9();
      for (Thread t : threads) {
        t.join(180_000);
      }
      Conditions.await(
          Duration.ofSeconds(120),
          () -> pending() == 0,
          () -> "pending " + pending() + "\n" + b.output());
      assertThat(failed).isFalse();
      assertThat(recorded()).containsExactly(10_000, 10_000, DEVICES, 1, 1000);
      assertThat(b.alive()).isTrue();
    }
  }

  /**
   * The database server itself stopped at once (as a crash) three times while the devices lend,
   * down for two seconds each time, and started again: what central had not committed it never
   * acknowledged, so the devices send it again and nothing is lost or recorded twice.
   */
  @Test
  void postgresqlRestartedDuringTheFlushLosesNothing() throws Exception {
    try (OwnPostgresServer server = OwnPostgresServer.start()) {
      CentralConfig.Database own = server.createDatabase("central_restart");
      CentralConfig config =
          CentralOverMqttTest.config(broker, "central-1", own, CentralConfig.Ils.standalone());
      try (CentralService central = CentralService.open(config, Clock.systemUTC())) {
        central.start();
        assertThat(central.awaitConnected(Duration.ofSeconds(20))).isTrue();
        AtomicBoolean failed = new AtomicBoolean();
        Thread[] threads = traffic(200, failed);
        for (int round = 0; round < 3; round++) {
          long target = 500L * (round + 1);
          Conditions.await(
              Duration.ofSeconds(90),
              () -> acknowledged() >= target,
              () -> "acks " + acknowledged() + "\n" + server.log());
          server.stopImmediately();
          Thread.sleep(2_000);
          server.startAgain();
        }
        for (Thread t : threads) {
          t.join(120_000);
        }
        Conditions.await(
            Duration.ofSeconds(120), () -> pending() == 0, () -> "pending " + pending());
        assertThat(failed).isFalse();
        assertThat(recorded(own)).containsExactly(2000, 2000, DEVICES, 1, 200);
      }
    }
  }
}
