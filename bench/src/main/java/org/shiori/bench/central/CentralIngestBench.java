package org.shiori.bench.central;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.shiori.central.app.CentralService;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.store.TestDatabases;
import org.shiori.testkit.MosquittoBroker;

/**
 * Ingest of device transactions through Mosquitto into PostgreSQL, acks included, beside the
 * physical floor measured in the same run on the same database: a raw JDBC loop that inserts one
 * row of the same shape and commits, on as many connections as central has ingest workers.
 *
 * <p>The simulated devices run in a JVM of their own ({@link DeviceLoad}); central runs in this
 * one, so its CPU time is its own. Each device first makes {@code WARM_UP} checkouts that are not
 * counted: central is a long-running service, and its JIT compiling the ingest path during the few
 * seconds of the run weighed more than the ingest itself. Usage: {@code bin/bench central [DEVICES
 * [PER_DEVICE [WORKERS [WARM_UP [CLIENT]]]]]} (defaults 20, 2000, 4, 5000, {@code hivemq}; {@code
 * paho} runs the devices on the client real kiosks use, at about twice the CPU). Prints
 * transactions per second of both, their ratio, the device-commit-to-ack latency percentiles, and
 * the CPU time per transaction of central, its PostgreSQL backends, the broker and the device JVM.
 */
public final class CentralIngestBench {
  private static final String TENANT = "bench";

  /** A kiosk has a few transactions in flight, never a flood. */
  private static final int IN_FLIGHT = 8;

  private CentralIngestBench() {}

  public static void main(String[] args) throws Exception {
    int deviceCount = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int perDevice = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
    String client = args.length > 4 ? args[4] : "hivemq";
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
      Run run;
      try (CentralService central = CentralService.open(config, Clock.systemUTC())) {
        central.start();
        if (!central.awaitConnected(Duration.ofSeconds(30))) {
          throw new IllegalStateException("central did not connect");
        }
        run = measure(broker, db, deviceCount, perDevice, warmUp, client);
      }
      double after = rawInsertCommit(db, "floor_after", total, workers);
      double floor = (before + after) / 2;
      double rate = run.acks / run.seconds;
      System.out.printf(
          "raw JDBC insert+commit, %d connections, after: %.0f rows/s%n", workers, after);
      System.out.printf(
          "central ingest, %d devices (%s) x %d, %d workers: %.0f tx/s (%.0f %% of the raw loop's"
              + " mean %.0f rows/s)%n",
          deviceCount, client, perDevice, workers, rate, 100 * rate / floor, floor);
      System.out.printf(
          "device commit -> ack: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d acks)%n",
          run.p50, run.p99, run.max, run.acks);
      System.out.printf(
          "CPU per transaction: central JVM %.0f us, PostgreSQL backends %.0f us, Mosquitto %.0f"
              + " us, device JVM %.0f us (%.2f / %.2f / %.2f / %.2f cores during the run)%n",
          1e6 * run.centralCpu / run.acks,
          1e6 * run.postgresCpu / run.acks,
          1e6 * run.brokerCpu / run.acks,
          1e6 * run.deviceCpu / run.acks,
          run.centralCpu / run.seconds,
          run.postgresCpu / run.seconds,
          run.brokerCpu / run.seconds,
          run.deviceCpu / run.seconds);
    } finally {
      TestDatabases.drop(db);
    }
    // Paho's threads are not daemons.
    System.exit(0);
  }

  /** What one run of the devices gave; CPU times in seconds. */
  private record Run(
      double seconds,
      long acks,
      double p50,
      double p99,
      double max,
      double centralCpu,
      double postgresCpu,
      double brokerCpu,
      double deviceCpu) {}

  /**
   * Starts the simulated devices in a JVM of their own ({@link DeviceLoad}), lets them warm up once
   * all are connected, then lets them go for the counted run, and reads the CPU time of central
   * (this JVM), its database backends and the broker over the same span.
   */
  private static Run measure(
      MosquittoBroker broker,
      CentralConfig.Database db,
      int deviceCount,
      int perDevice,
      int warmUp,
      String client)
      throws Exception {
    Process load =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                DeviceLoad.class.getName(),
                broker.url().toString(),
                TENANT,
                Integer.toString(deviceCount),
                Integer.toString(perDevice),
                Integer.toString(IN_FLIGHT),
                Integer.toString(warmUp),
                client)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(load.getInputStream(), StandardCharsets.US_ASCII));
        Writer in = new OutputStreamWriter(load.getOutputStream(), StandardCharsets.US_ASCII)) {
      awaitLine(out, "device-load ready");
      in.write("go\n");
      in.flush();
      awaitLine(out, "device-load warm");
      long brokerPid = ProcessCpu.mosquitto().orElseThrow().pid();
      Map<Long, Long> pgBefore = ProcessCpu.postgresBackends(db.jdbcUrl(), db.user());
      ProcessCpu.DatabaseCounters countersBefore = ProcessCpu.counters(db.jdbcUrl(), db.user());
      long brokerBefore = ProcessCpu.nanos(brokerPid);
      Map<String, Long> threadsBefore = ProcessCpu.threadsOfThisJvm();
      long centralBefore = DeviceLoad.cpuNanos();
      in.write("go\n");
      in.flush();
      String[] done = awaitLine(out, "device-load done").split(" ");
      long centralCpu = DeviceLoad.cpuNanos() - centralBefore;
      Map<String, Long> threads = ProcessCpu.threadsOfThisJvm();
      long brokerCpu = ProcessCpu.nanos(brokerPid) - brokerBefore;
      long pgCpu =
          ProcessCpu.postgresBetween(
              pgBefore, ProcessCpu.postgresBackends(db.jdbcUrl(), db.user()));
      long acks = Long.parseLong(done[3]);
      ProcessCpu.DatabaseCounters during =
          ProcessCpu.counters(db.jdbcUrl(), db.user()).since(countersBefore);
      System.out.printf(
          Locale.ROOT,
          "database during the run: %d commits (%.1f transactions per commit), autovacuum %d,"
              + " autoanalyze %d, rows read by sequential scans %d%n",
          during.commits(),
          (double) acks / during.commits(),
          during.autovacuums(),
          during.autoanalyzes(),
          during.rowsReadBySequentialScans());
      System.out.println(
          ProcessCpu.perThreadKind("central JVM", threadsBefore, threads, centralCpu, acks));
      if (!load.waitFor(30, TimeUnit.SECONDS)) {
        load.destroy();
      }
      return new Run(
          Double.parseDouble(done[2]),
          acks,
          Double.parseDouble(done[4]),
          Double.parseDouble(done[5]),
          Double.parseDouble(done[6]),
          centralCpu / 1e9,
          pgCpu / 1e9,
          brokerCpu / 1e9,
          Double.parseDouble(done[7]));
    } finally {
      load.destroy();
    }
  }

  /** The next line of the device JVM that starts with {@code prefix}; others are passed on. */
  private static String awaitLine(BufferedReader out, String prefix) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(prefix)) {
        return line;
      }
      System.err.println(line);
    }
    throw new IllegalStateException("the device JVM ended before '" + prefix + "'");
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
