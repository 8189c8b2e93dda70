package org.shiori.bench.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.shiori.bench.rfid.KioskStackBench;
import org.shiori.bench.rfid.Percentiles;
import org.shiori.demo.DemoKiosk;
import org.shiori.demo.DemoOptions;
import org.shiori.demo.ReaderLine;
import org.shiori.emulator.RealTimePacing;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.SocatPtyPair;

/**
 * A 10-item checkout through the kiosk's own session code: the demo kiosk (real FEIG driver, pad
 * scanner, rules, SQLite store and outbox, central, web server) on a Mosquitto broker, its reader
 * line a socat pty pair at 38,400 8E1 with the FEIG emulator keeping real time. Measured from just
 * before the stack is placed to the screen's server-sent event in which the tenth item's result is
 * shown, read by an HTTP client as a page would. The physical floor of the commands a checkout
 * needs is measured in the same run by {@link KioskStackBench#commandFloor}.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar
 * org.shiori.bench.kiosk.KioskSessionStackBench [stacks]}.
 */
public final class KioskSessionStackBench {
  private static final String CARD = "A1000000001B"; // the demo patron with no loans
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;
  private final ScreenEvents screen;

  private KioskSessionStackBench(String base) throws Exception {
    this.base = base;
    this.screen = ScreenEvents.open(http, URI.create(base + "/api/session/events"));
  }

  public static void main(String[] args) throws Exception {
    int stacks = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Percentiles floor = KioskStackBench.commandFloor(Math.max(3, stacks / 2)).floor();
    Path data = Files.createTempDirectory("shiori-bench-kiosk-");
    try (SocatPtyPair ptys = SocatPtyPair.start();
        MosquittoBroker broker = MosquittoBroker.plain("matsuyama").start()) {
      SerialSettings line = SerialSettings.feig(ptys.first());
      ReaderLine readerLine =
          new ReaderLine(
              new SerialTransport(SerialSettings.feig(ptys.second())), new SerialTransport(line));
      try (DemoKiosk kiosk =
          DemoKiosk.start(
              new DemoOptions(
                  "127.0.0.1",
                  0,
                  Optional.of(data),
                  Optional.of(broker.url()),
                  openDay(),
                  Optional.of(readerLine)))) {
        kiosk.readerEmulator().setPacing(RealTimePacing.of(line));
        KioskSessionStackBench bench = new KioskSessionStackBench(kiosk.baseUrl());
        List<List<String>> books = bench.singleBooks(10);
        long[] measured = new long[stacks];
        for (int s = 0; s < stacks; s++) {
          measured[s] = bench.checkoutAndReturn(books.get(s % books.size()));
        }
        Percentiles m = new Percentiles(measured);
        System.out.printf(
            Locale.ROOT,
            "kiosk 10-item checkout through the kiosk's session, FEIG emulator in real time,"
                + " 38400 8E1 over a pty, %d stacks:%n"
                + "  physical floor of the commands: %s%n"
                + "  measured, stack placed -> tenth result pushed to the screen: %s%n"
                + "  goal 1.2 x floor + 100 ms = %.1f ms (median floor); measured median is %.2f x"
                + " floor%n",
            stacks,
            floor,
            m,
            1.2 * floor.millis(0.5) + 100,
            m.millis(0.5) / floor.millis(0.5));
        bench.screen.close();
      }
    }
  }

  /** A day the demo library is open, so the checkout is not refused for the calendar. */
  private static Clock openDay() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    Instant tuesdayMorning = Instant.parse("2026-12-01T01:00:00Z"); // 10:00 in Tokyo
    return Clock.offset(Clock.system(tokyo), Duration.between(Instant.now(), tuesdayMorning));
  }

  /** Groups of {@code size} tag UIDs of secured one-part books, disjoint. */
  private List<List<String>> singleBooks(int size) throws Exception {
    JsonNode catalog = get("/sim/api/catalog");
    List<String> uids = new ArrayList<>();
    for (JsonNode tag : catalog) {
      if (tag.get("parts").asInt() == 1
          && tag.get("material").asText().equals("book")
          && tag.get("security").asText().equals("secured")) {
        uids.add(tag.get("uid").asText());
      }
    }
    List<List<String>> groups = new ArrayList<>();
    for (int i = 0; i + size <= uids.size(); i += size) {
      groups.add(uids.subList(i, i + size));
    }
    if (groups.isEmpty()) {
      throw new IllegalStateException("the demo catalogue has fewer than " + size + " books");
    }
    return groups;
  }

  /** One measured checkout of {@code tags}, then their return so the books can be lent again. */
  private long checkoutAndReturn(List<String> tags) throws Exception {
    post("/sim/api/card", "{\"barcode\":\"" + CARD + "\"}");
    screen.await(state -> state.path("mode").asText().equals("CHECKOUT"), WAIT);
    long placed = System.nanoTime();
    put("/sim/api/pad", tags);
    long shown = screen.await(state -> decided(state, "LENT") == tags.size(), WAIT);
    if (decided(screen.latest(), "REFUSED") > 0) {
      throw new IllegalStateException("a book was refused: " + screen.latest());
    }
    clearPad();
    post("/api/session/finish", "");
    screen.await(state -> state.path("mode").asText().equals("RETURN"), WAIT);
    put("/sim/api/pad", tags);
    screen.await(state -> decided(state, "RETURNED") == tags.size(), WAIT);
    clearPad();
    post("/api/session/finish", "");
    return shown - placed;
  }

  private void clearPad() throws Exception {
    put("/sim/api/pad", List.of());
    screen.await(state -> state.path("tagsOnPad").asInt() == 0, WAIT);
  }

  private static int decided(JsonNode state, String result) {
    Set<String> items = new HashSet<>();
    for (JsonNode outcome : state.path("outcomes")) {
      if (outcome.path("result").asText().equals(result)) {
        items.add(outcome.path("itemId").asText());
      }
    }
    return items.size();
  }

  private JsonNode get(String path) throws Exception {
    return JSON.readTree(
        send(HttpRequest.newBuilder(URI.create(base + path)).GET().build()).body());
  }

  private void post(String path, String body) throws Exception {
    send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private void put(String path, List<String> tags) throws Exception {
    String body = JSON.writeValueAsString(java.util.Map.of("tags", tags));
    send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          request.method()
              + " "
              + request.uri()
              + " -> "
              + response.statusCode()
              + " "
              + response.body());
    }
    return response;
  }
}
