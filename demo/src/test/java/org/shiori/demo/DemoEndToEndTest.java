package org.shiori.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.testkit.MosquittoBroker;

/**
 * The demo, started in-process on free ports against a real Mosquitto started by this test: a
 * patron scans a card and puts an ordinary book and a reference item on the pad.
 */
class DemoEndToEndTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  /** Tuesday 1 June 2027, 10:00 in Tokyo: the central library is open, and so is 15 June. */
  private static final Instant LENDING_DAY = Instant.parse("2027-06-01T01:00:00Z");

  private static final Duration WAIT = Duration.ofSeconds(20);

  private static MosquittoBroker broker;
  @TempDir Path data;
  private DemoKiosk kiosk;
  private SimClient sim;
  private TopicWatcher watcher;

  @BeforeAll
  static void startBroker() {
    broker = MosquittoBroker.plain(DemoKiosk.TENANT).start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void startDemo() throws Exception {
    Clock clock = Clock.offset(Clock.system(TOKYO), Duration.between(Instant.now(), LENDING_DAY));
    watcher = new TopicWatcher(broker.url(), "lib/" + DemoKiosk.TENANT + "/dev/+/tx");
    kiosk =
        DemoKiosk.start(
            new DemoOptions("127.0.0.1", 0, Optional.of(data), Optional.of(broker.url()), clock));
    sim = new SimClient(kiosk.baseUrl());
  }

  @AfterEach
  void stopDemo() throws Exception {
    kiosk.close();
    watcher.close();
  }

  @Test
  void ordinaryBookIsLentForFourteenDaysAndReferenceIsRefused_R_LIMIT_2_R_ITEM_1()
      throws Exception {
    JsonNode book = sim.tag(t -> t.get("material").asText().equals("book"));
    JsonNode reference = sim.tag(t -> t.get("material").asText().equals("reference"));
    assertThat(book.get("security").asText()).isEqualTo("secured");

    sim.scan(sim.barcodeOf("ordinary"));
    sim.place(book.get("uid").asText(), reference.get("uid").asText());
    List<JsonNode> outcomes = sim.awaitOutcomes(2, WAIT);

    JsonNode lent = outcome(outcomes, book.get("itemId").asText());
    assertThat(lent.get("result").asText()).isEqualTo("LENT");
    assertThat(lent.get("dueDate").asText()).isEqualTo("2027-06-15");
    JsonNode refused = outcome(outcomes, reference.get("itemId").asText());
    assertThat(refused.get("result").asText()).isEqualTo("REFUSED");
    assertThat(refused.get("reasonCode").asText()).isEqualTo("NOT_FOR_LOAN");
    assertThat(refused.get("message").get("ja").asText()).isNotBlank();
    assertThat(refused.get("message").get("en").asText()).isNotBlank();

    String topic = "lib/" + DemoKiosk.TENANT + "/dev/" + DemoKiosk.DEVICE_ID + "/tx";
    SimClient.eventually(WAIT, () -> !watcher.received().isEmpty());
    SimClient.eventually(WAIT, () -> sim.get("/sim/api/central").size() == 1);
    TopicWatcher.Received published = watcher.received().get(0);
    assertThat(published.topic()).isEqualTo(topic);
    assertThat(published.payload())
        .contains(book.get("itemId").asText())
        .contains("2027-06-15")
        .doesNotContain(reference.get("itemId").asText());
    JsonNode central = sim.get("/sim/api/central").get(0);
    assertThat(central.get("itemId").asText()).isEqualTo(book.get("itemId").asText());
    assertThat(central.get("type").asText()).isEqualTo("CHECKOUT");
    assertThat(sim.tag(t -> t.get("uid").equals(book.get("uid"))).get("security").asText())
        .isEqualTo("released");
    assertThat(sim.tag(t -> t.get("uid").equals(reference.get("uid"))).get("security").asText())
        .isEqualTo("secured");

    // Nothing is ever published for the refused item, also not later.
    Thread.sleep(1000);
    assertThat(watcher.received())
        .noneMatch(m -> m.payload().contains(reference.get("itemId").asText()));
  }

  @Test
  void lentBookPutBackWithoutCardIsReturnedAndSecured_R_RET_1() throws Exception {
    JsonNode book = sim.tag(t -> t.get("material").asText().equals("book"));
    String uid = book.get("uid").asText();
    sim.scan(sim.barcodeOf("ordinary"));
    sim.place(uid);
    assertThat(sim.awaitOutcomes(1, WAIT).get(0).get("result").asText()).isEqualTo("LENT");
    sim.finishSessionAndAwaitReturnMode(WAIT);

    sim.place(uid);
    JsonNode returned = sim.awaitOutcomes(1, WAIT).get(0);
    assertThat(returned.get("result").asText()).isEqualTo("RETURNED");
    assertThat(returned.get("bin").asText()).isEqualTo("SHELF");
    assertThat(sim.tag(t -> t.get("uid").asText().equals(uid)).get("security").asText())
        .isEqualTo("secured");
    SimClient.eventually(WAIT, () -> sim.get("/sim/api/central").size() == 2);
    assertThat(sim.get("/sim/api/central").get(1).get("type").asText()).isEqualTo("RETURN");
  }

  private static JsonNode outcome(List<JsonNode> outcomes, String itemId) {
    return outcomes.stream()
        .filter(o -> o.get("itemId").asText().equals(itemId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcome for item " + itemId));
  }
}
