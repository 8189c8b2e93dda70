package org.shiori.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.testkit.MosquittoBroker;

/**
 * The demo on an external broker that dies: the kiosk keeps lending, and the loan reaches central
 * by itself once the broker is back, with no one touching the kiosk.
 */
class DemoOfflineTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path data;
  private MosquittoBroker broker;
  private DemoKiosk kiosk;
  private SimClient sim;

  @BeforeEach
  void start() throws Exception {
    broker = MosquittoBroker.plain(DemoKiosk.TENANT).start();
    kiosk =
        DemoKiosk.start(
            new DemoOptions(
                "127.0.0.1",
                0,
                Optional.of(data),
                Optional.of(broker.url()),
                Clock.systemDefaultZone()));
    sim = new SimClient(kiosk.baseUrl());
  }

  @AfterEach
  void stop() {
    if (kiosk != null) {
      kiosk.close();
    }
    broker.close();
  }

  @Test
  void checkoutWhileBrokerIsDownIsDeliveredAfterItReturns() throws Exception {
    JsonNode book = sim.tag(t -> t.get("material").asText().equals("book"));
    broker.kill9();
    SimClient.eventually(WAIT, () -> sim.get("/api/session").get("offline").asBoolean());

    sim.scan(sim.barcodeOf("ordinary"));
    sim.place(book.get("uid").asText());
    List<JsonNode> outcomes = sim.awaitOutcomes(1, WAIT);
    assertThat(outcomes.get(0).get("result").asText()).isEqualTo("LENT");
    assertThat(kiosk.store().pendingCount()).isEqualTo(1);
    assertThat(sim.get("/sim/api/central")).isEmpty();

    broker.restart();
    SimClient.eventually(WAIT, () -> sim.get("/sim/api/central").size() == 1);
    JsonNode received = sim.get("/sim/api/central").get(0);
    assertThat(received.get("itemId").asText()).isEqualTo(book.get("itemId").asText());
    assertThat(received.get("offline").asBoolean()).isTrue();
    SimClient.eventually(WAIT, () -> kiosk.store().pendingCount() == 0);
    SimClient.eventually(WAIT, () -> !sim.get("/api/session").get("offline").asBoolean());
  }

  @Test
  void offlineSessionsAreCappedByTheOfflinePolicy() throws Exception {
    broker.kill9();
    SimClient.eventually(WAIT, () -> sim.get("/api/session").get("offline").asBoolean());
    List<String> books =
        java.util.stream.StreamSupport.stream(sim.get("/sim/api/catalog").spliterator(), false)
            .filter(t -> t.get("material").asText().equals("book"))
            .limit(6)
            .map(t -> t.get("uid").asText())
            .toList();
    sim.scan(sim.barcodeOf("ordinary"));
    sim.place(books.toArray(String[]::new));
    List<JsonNode> outcomes = sim.awaitOutcomes(6, WAIT);
    assertThat(outcomes.stream().filter(o -> o.get("result").asText().equals("LENT"))).hasSize(5);
    assertThat(outcomes.get(5).get("reasonCode").asText()).isEqualTo("OFFLINE_LIMIT");
  }
}
