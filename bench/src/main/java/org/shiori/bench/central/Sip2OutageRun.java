package org.shiori.bench.central;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shiori.central.app.CentralService;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.ils.sip2.FakeSip2Server;
import org.shiori.central.ils.sip2.Sip2Settings;
import org.shiori.central.ingest.ReceivedTransaction;
import org.shiori.central.store.TestDatabases;
import org.shiori.central.testing.SimulatedDevice;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.testkit.MosquittoBroker;

/**
 * Fault run: the library system's SIP2 server is down for a long outage (60 s by default) while two
 * kiosks keep lending; then it comes back. Checks, against real processes (Mosquitto, PostgreSQL,
 * the fake SIP2 server over TCP): the kiosks' outboxes drain during the outage (central has every
 * transaction durably), nothing is lost or sent twice, and after the outage the ILS gets every
 * checkout as an 11, each kiosk's in the order it made them.
 *
 * <p>Usage: {@code bin/bench sip2-outage [OUTAGE_SECONDS [PER_KIOSK]]} (defaults 60, 100). Prints
 * each check and exits 1 when one fails.
 */
public final class Sip2OutageRun {
  private static final String TENANT = "bench";
  private static final PatronKey PATRON = new PatronKey("a1b2c3d4e5f60718293a4b5c6d7e8f90");
  private static final String CARD = "A1000000001B";

  private Sip2OutageRun() {}

  public static void main(String[] args) throws Exception {
    int outageSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int perKiosk = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int total = 2 * perKiosk;
    boolean ok = true;
    CentralConfig.Database db = TestDatabases.createPostgresql();
    try (MosquittoBroker broker = MosquittoBroker.plain(TENANT).start();
        FakeSip2Server ils = FakeSip2Server.builder(Clock.systemUTC()).build().start()) {
      ils.addPatron(CARD, "1234", "x");
      for (int k = 0; k < 2; k++) {
        for (int i = 0; i < perKiosk; i++) {
          ils.addItem(item(k, i), "資料 " + i);
        }
      }
      Sip2Settings sip2 =
          Sip2Settings.builder()
              .host("127.0.0.1")
              .port(ils.port())
              .institutionId("SHIORI")
              .locationCode("KIOSK1")
              .login("kiosk", "secret")
              .connectTimeout(Duration.ofSeconds(1))
              .readTimeout(Duration.ofSeconds(2))
              .build();
      CentralConfig config =
          new CentralConfig(
              TENANT,
              "central-outage",
              new CentralConfig.Broker(broker.url(), Optional.empty(), Duration.ofSeconds(30)),
              db,
              new CentralConfig.Ingest(2),
              new CentralConfig.Ils(
                  CentralConfig.Connector.SIP2, Optional.of(sip2), Duration.ofSeconds(1)),
              new CentralConfig.Sync(200));
      try (CentralService central = CentralService.open(config, Clock.systemUTC())) {
        central.cards().put(PATRON, CARD);
        central.start();
        if (!central.awaitConnected(Duration.ofSeconds(30))) {
          throw new IllegalStateException("central did not connect");
        }
        List<SimulatedDevice> kiosks = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
          kiosks.add(
              new SimulatedDevice(broker.url(), TENANT, "kiosk-" + k, Duration.ofSeconds(2))
                  .connect());
        }
        ils.stop();
        long down = System.nanoTime();
        System.out.printf(
            "SIP2 server stopped for %d s; %d checkouts from 2 kiosks%n", outageSeconds, total);
        // Spread over the first half of the outage, so transactions keep arriving while it lasts.
        long pauseMillis = Math.max(1, outageSeconds * 500L / perKiosk);
        for (int i = 0; i < perKiosk; i++) {
          for (int k = 0; k < 2; k++) {
            kiosks.get(k).checkout(item(k, i), PATRON);
          }
          Thread.sleep(pauseMillis);
        }
        long outage = Duration.ofSeconds(outageSeconds).toNanos();
        while (kiosks.stream().anyMatch(k -> k.pendingCount() > 0)
            && System.nanoTime() - down < outage) {
          Thread.sleep(50);
        }
        long waitingDuringOutage = central.forwarder().orElseThrow().waiting();
        double drainedAfter = (System.nanoTime() - down) / 1e9;
        ok &=
            check(
                String.format("outboxes drained %.1f s into the outage", drainedAfter),
                kiosks.stream().allMatch(k -> k.pendingCount() == 0)
                    && System.nanoTime() - down < outage);
        ok &=
            check(
                "all "
                    + total
                    + " waiting at central during the outage ("
                    + waitingDuringOutage
                    + ")",
                waitingDuringOutage == total);
        long left = outage - (System.nanoTime() - down);
        if (left > 0) {
          Thread.sleep(left / 1_000_000);
        }
        ok &=
            check(
                "nothing forwarded while down",
                ils.received(org.shiori.central.ils.sip2.Sip2Command.CHECKOUT).isEmpty());
        ils.start();
        long up = System.nanoTime();
        long deadline = up + Duration.ofSeconds(120).toNanos();
        while (central.forwarder().orElseThrow().waiting() > 0 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        double drainSeconds = (System.nanoTime() - up) / 1e9;
        ok &=
            check(
                String.format("queue empty %.1f s after the server came back", drainSeconds),
                central.forwarder().orElseThrow().waiting() == 0);
        List<String> checkouts =
            ils.receivedText().stream()
                .filter(m -> m.startsWith("11"))
                .map(m -> m.replaceAll(".*\\|AB([^|]*)\\|.*", "$1"))
                .toList();
        ok &=
            check(
                "the ILS got " + checkouts.size() + " checkouts, one each",
                checkouts.size() == total && new HashSet<>(checkouts).size() == total);
        for (int k = 0; k < 2; k++) {
          String prefix = "kiosk" + k + "-";
          List<String> own = checkouts.stream().filter(c -> c.startsWith(prefix)).toList();
          List<String> expected = new ArrayList<>();
          for (int i = 0; i < perKiosk; i++) {
            expected.add(item(k, i));
          }
          ok &=
              check("kiosk-" + k + "'s checkouts in the order it made them", own.equals(expected));
        }
        List<ReceivedTransaction> received = central.received();
        Set<java.util.UUID> ids = new HashSet<>();
        received.forEach(r -> ids.add(r.txId()));
        ok &=
            check(
                "central recorded each transaction once (" + received.size() + ")",
                received.size() == total && ids.size() == total);
        ok &=
            check(
                "every one done at the ILS",
                received.stream().allMatch(r -> r.ilsState().equals("done")));
        kiosks.forEach(SimulatedDevice::close);
      }
    } finally {
      TestDatabases.drop(db);
    }
    System.out.println(ok ? "PASS" : "FAIL");
    System.exit(ok ? 0 : 1);
  }

  private static String item(int kiosk, int i) {
    return String.format("kiosk%d-%04d", kiosk, i);
  }

  private static boolean check(String what, boolean passed) {
    System.out.println((passed ? "ok   " : "FAIL ") + what);
    return passed;
  }
}
