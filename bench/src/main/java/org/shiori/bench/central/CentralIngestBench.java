package org.shiori.bench.central;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.shiori.central.app.CentralService;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.store.TestDatabases;
import org.shiori.central.testing.SimulatedDevice;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.testkit.MosquittoBroker;

/**
 * Ingest of device transactions through Mosquitto into PostgreSQL, acks included, beside the
 * physical floor measured in the same run on the same database: a raw JDBC loop that inserts one
 * row of the same shape and commits, on as many connections as central has ingest workers.
 *
 * <p>Usage: {@code bin/bench central [DEVICES [PER_DEVICE [WORKERS]]]} (defaults 20, 500, 4).
 * Prints transactions per second of both, their ratio, and the device-commit-to-ack latency
 * percentiles.
 */
public final class CentralIngestBench {
  private static final String TENANT = "bench";
  private static final PatronKey PATRON = new PatronKey("a1b2c3d4e5f60718293a4b5c6d7e8f90");

  private CentralIngestBench() {}

  public static void main(String[] args) throws Exception {
    int deviceCount = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int perDevice = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int total = deviceCount * perDevice;
    CentralConfig.Database db = TestDatabases.createPostgresql();
    try (MosquittoBroker broker = MosquittoBroker.plain(TENANT).start()) {
      // The floor is measured before and after central: on a shared disk it moves by a factor of
      // two or more within a minute, and the ratio is taken against the mean of both.
      double before = rawInsertCommit(db, "floor_before", total, workers);
      System.out.printf(
          "raw JDBC insert+commit, %d connections, before: %.0f rows/s%n", workers, before);
      CentralConfig config =
          new CentralConfig(
              TENANT,
              "central-bench",
              new CentralConfig.Broker(broker.url(), Optional.empty(), Duration.ofSeconds(30)),
              new CentralConfig.Database(
                  db.kind(), db.jdbcUrl(), db.user(), Optional.empty(), workers + 2),
              new CentralConfig.Ingest(workers),
              CentralConfig.Ils.standalone(),
              new CentralConfig.Sync(200));
      try (CentralService central = CentralService.open(config, Clock.systemUTC())) {
        central.start();
        if (!central.awaitConnected(Duration.ofSeconds(30))) {
          throw new IllegalStateException("central did not connect");
        }
        List<SimulatedDevice> devices = new ArrayList<>();
        for (int d = 0; d < deviceCount; d++) {
          devices.add(
              new SimulatedDevice(broker.url(), TENANT, "kiosk-" + d, Duration.ofSeconds(30))
                  .connect());
        }
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (SimulatedDevice device : devices) {
          Thread t =
              new Thread(
                  () -> {
                    try {
                      for (int i = 0; i < perDevice; i++) {
                        // A kiosk has a few transactions in flight, never a flood. Waiting for
                        // the ack, not polling: polling 20 outboxes took CPU from central.
                        device.awaitPendingBelow(8);
                        device.checkout(device.deviceId() + "-" + i, PATRON);
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
          t.start();
          threads.add(t);
        }
        for (Thread t : threads) {
          t.join();
        }
        for (SimulatedDevice d : devices) {
          d.awaitPendingBelow(1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = total / seconds;
        List<Long> latencies = new ArrayList<>();
        devices.forEach(d -> latencies.addAll(d.commitToAckNanos()));
        latencies.sort(null);
        devices.forEach(SimulatedDevice::close);
        central.close();
        double after = rawInsertCommit(db, "floor_after", total, workers);
        double floor = (before + after) / 2;
        System.out.printf(
            "raw JDBC insert+commit, %d connections, after: %.0f rows/s%n", workers, after);
        System.out.printf(
            "central ingest, %d devices x %d, %d workers: %.0f tx/s (%.0f %% of the raw loop's"
                + " mean %.0f rows/s)%n",
            deviceCount, perDevice, workers, rate, 100 * rate / floor, floor);
        System.out.printf(
            "device commit -> ack: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d acks)%n",
            percentile(latencies, 0.50),
            percentile(latencies, 0.99),
            latencies.get(latencies.size() - 1) / 1e6,
            latencies.size());
      }
    } finally {
      TestDatabases.drop(db);
    }
    // Paho's sender threads of the simulated devices are not daemons.
    System.exit(0);
  }

  private static double percentile(List<Long> sorted, double p) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
  }

  /** The floor: one INSERT of a transaction-shaped row and a COMMIT, per row, per connection. */
  private static double rawInsertCommit(
      CentralConfig.Database db, String schema, int rows, int connections) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
        Statement s = c.createStatement()) {
      // A schema of its own: central's migrations expect its own schema empty.
      s.execute("CREATE SCHEMA " + schema);
      s.execute(
          "CREATE TABLE "
              + schema
              + ".raw_floor (tx_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, sequence"
              + " BIGINT NOT NULL, type TEXT NOT NULL, item_id TEXT NOT NULL, received_at BIGINT"
              + " NOT NULL, UNIQUE (device_id, sequence))");
    }
    AtomicLong next = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < connections; t++) {
      String device = "raw-" + t;
      Thread thread =
          new Thread(
              () -> {
                try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "")) {
                  c.setAutoCommit(false);
                  try (PreparedStatement p =
                      c.prepareStatement(
                          "INSERT INTO " + schema + ".raw_floor VALUES (?, ?, ?, ?, ?, ?)")) {
                    long n;
                    long seq = 0;
                    while ((n = next.getAndIncrement()) < rows) {
                      p.setString(1, UUID.randomUUID().toString());
                      p.setString(2, device);
                      p.setLong(3, ++seq);
                      p.setString(4, "CHECKOUT");
                      p.setString(5, "item-" + n);
                      p.setLong(6, System.currentTimeMillis());
                      p.executeUpdate();
                      c.commit();
                    }
                  }
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
    return rows / ((System.nanoTime() - start) / 1e9);
  }
}
