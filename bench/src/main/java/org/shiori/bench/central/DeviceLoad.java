package org.shiori.bench.central;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shiori.central.testing.DeviceConnection;
import org.shiori.central.testing.PahoDeviceConnection;
import org.shiori.central.testing.SimulatedDevice;
import org.shiori.circulation.domain.PatronKey;

/**
 * The load of {@link CentralIngestBench}, in a JVM of its own so that what central spends is
 * measured apart from what the simulated devices spend: {@code DEVICES} simulated kiosks ({@link
 * SimulatedDevice}, one MQTT client each), each making {@code PER_DEVICE} checkouts with at most
 * {@code IN_FLIGHT} unanswered, as a kiosk's outbox does, over the MQTT client {@code CLIENT}
 * ({@link DeviceClient}).
 *
 * <p>Line protocol on stdin/stdout with the harness: {@code device-load ready} once every device is
 * connected and born; the harness answers {@code go}; when the last ack is back, one line {@code
 * device-load done SECONDS ACKS P50_MS P99_MS MAX_MS CPU_SECONDS}. Anything else on stdout is
 * ignored by the harness.
 */
public final class DeviceLoad {
  private static final PatronKey PATRON = new PatronKey("a1b2c3d4e5f60718293a4b5c6d7e8f90");

  private DeviceLoad() {}

  /** The MQTT client the simulated devices use. */
  enum DeviceClient {
    /** Many clients on a few shared threads: the least CPU taken from central (the default). */
    HIVEMQ {
      @Override
      DeviceConnection connection(URI broker) {
        return new HiveMqDeviceConnection(broker);
      }
    },
    /** The client of the real devices, three threads each. */
    PAHO {
      @Override
      DeviceConnection connection(URI broker) {
        return new PahoDeviceConnection(broker);
      }
    };

    abstract DeviceConnection connection(URI broker);
  }

  public static void main(String[] args) throws Exception {
    URI broker = URI.create(args[0]);
    String tenant = args[1];
    int deviceCount = Integer.parseInt(args[2]);
    int perDevice = Integer.parseInt(args[3]);
    int inFlight = Integer.parseInt(args[4]);
    int warmUpPerDevice = Integer.parseInt(args[5]);
    DeviceClient client = DeviceClient.valueOf(args[6].toUpperCase(Locale.ROOT));
    List<SimulatedDevice> devices = new ArrayList<>();
    for (int d = 0; d < deviceCount; d++) {
      devices.add(
          new SimulatedDevice(
                  client.connection(broker), tenant, "kiosk-" + d, Duration.ofSeconds(30))
              .connect());
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    System.out.println("device-load ready");
    awaitGo(in);
    // Central is a long-running service: its JIT has compiled the ingest path long before.
    run(devices, "warm-", warmUpPerDevice, inFlight);
    System.out.println("device-load warm");
    awaitGo(in);
    Map<String, Long> threadsBefore = ProcessCpu.threadsOfThisJvm();
    long cpuStart = cpuNanos();
    long start = System.nanoTime();
    run(devices, "", perDevice, inFlight);
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpuNanos = cpuNanos() - cpuStart;
    System.out.println(
        ProcessCpu.perThreadKind(
            "device JVM",
            threadsBefore,
            ProcessCpu.threadsOfThisJvm(),
            cpuNanos,
            (long) deviceCount * perDevice));
    double cpu = cpuNanos / 1e9;
    List<Long> latencies = new ArrayList<>();
    for (SimulatedDevice d : devices) {
      // The warm-up's latencies are not counted.
      List<Long> all = d.commitToAckNanos();
      latencies.addAll(all.subList(all.size() - perDevice, all.size()));
    }
    latencies.sort(null);
    System.out.printf(
        Locale.ROOT,
        "device-load done %.3f %d %.1f %.1f %.1f %.3f%n",
        seconds,
        latencies.size(),
        percentile(latencies, 0.50),
        percentile(latencies, 0.99),
        latencies.get(latencies.size() - 1) / 1e6,
        cpu);
    System.out.flush();
    devices.forEach(SimulatedDevice::close);
    // Paho's sender threads are not daemons.
    System.exit(0);
  }

  private static void awaitGo(BufferedReader in) throws IOException {
    if (!"go".equals(in.readLine())) {
      throw new IllegalStateException("the harness did not say go");
    }
  }

  /** Each device makes {@code count} checkouts, with at most {@code inFlight} unanswered. */
  private static void run(List<SimulatedDevice> devices, String prefix, int count, int inFlight)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (SimulatedDevice device : devices) {
      Thread t =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < count; i++) {
                    // Waiting for the ack, not polling: polling 20 outboxes costs a core.
                    device.awaitPendingBelow(inFlight);
                    device.checkout(prefix + device.deviceId() + "-" + i, PATRON);
                  }
                  device.awaitPendingBelow(1);
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
  }

  static double percentile(List<Long> sorted, double p) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
  }

  /** CPU time of this whole JVM (all threads, JIT and GC included). */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
