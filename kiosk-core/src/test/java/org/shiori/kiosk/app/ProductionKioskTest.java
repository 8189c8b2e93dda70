package org.shiori.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.TransactionType;
import org.shiori.device.testing.ReceivedTransaction;
import org.shiori.emulator.VirtualTag;
import org.shiori.kiosk.session.ItemOutcome;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;
import org.slf4j.LoggerFactory;

/**
 * The production kiosk from its YAML file: a card and a book on the pad of a FEIG reader on a real
 * serial line; the checkout reaches central through Mosquitto and the tag is released.
 */
class ProductionKioskTest {
  @TempDir static Path dir;
  private static ProductionRig rig;
  private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

  @BeforeAll
  static void start() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto is needed");
    LOGS.start();
    root().addAppender(LOGS);
    rig = ProductionRig.start(dir);
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
    root().detachAppender(LOGS);
  }

  @AfterEach
  void walkAway() {
    rig.clearPad();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  @Test
  void checkoutThroughTheSessionReachesCentralAndReleasesTheTag_R_LIMIT_1() {
    rig.openSession(1);
    VirtualTag tag = rig.placeItem(1);
    Conditions.await(
        ProductionRig.WAIT,
        () -> !rig.kiosk().session().view().outcomes().isEmpty(),
        () -> "session " + rig.kiosk().session().view());
    assertThat(rig.kiosk().session().view().outcomes())
        .singleElement()
        .satisfies(o -> assertThat(o.result()).isEqualTo(ItemOutcome.Result.LENT));
    assertThat(tag.afi()).isEqualTo(0xC2);

    Conditions.await(
        ProductionRig.WAIT,
        () -> received(ProductionRig.itemId(1)) != null,
        () -> "central received " + rig.central().received());

    ReceivedTransaction tx = received(ProductionRig.itemId(1));
    assertThat(tx.transaction().type()).isEqualTo(TransactionType.CHECKOUT);
    assertThat(tx.transaction().deviceId()).isEqualTo(ProductionRig.DEVICE_ID);
    assertThat(tx.transaction().patron()).contains(rig.patronKey(1));
    assertThat(tx.accepted()).isTrue();
    Conditions.await(
        ProductionRig.WAIT,
        () -> rig.kiosk().store().pendingCount() == 0,
        () -> "outbox pending " + rig.kiosk().store().pendingCount());
  }

  @Test
  void thePatronScreenIsServedOnTheConfiguredLoopbackPort() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + rig.kiosk().uiPort();

    HttpResponse<String> page = http.send(get(base + "/"), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> session =
        http.send(get(base + "/api/session"), HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html");
    assertThat(session.statusCode()).isEqualTo(200);
    assertThat(session.body()).contains("\"mode\":\"RETURN\"");
  }

  @Test
  void aProductionKioskServesNoSimulatorPage() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + rig.kiosk().uiPort();
    for (String path :
        List.of(
            "/sim",
            "/sim/",
            "/sim/index.html",
            "/sim/sim.js",
            "/sim/api/card",
            "/sim/api/pad",
            "/sim/api/catalog",
            "/sim/api/patrons",
            "/sim/api/central")) {
      HttpResponse<String> get = http.send(get(base + path), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> post =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .timeout(Duration.ofSeconds(20))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"barcode\":\"A1000000001B\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).as("GET " + path).isEqualTo(404);
      assertThat(post.statusCode()).as("POST " + path).isIn(404, 405);
    }
    assertThat(rig.kiosk().session().view().mode().name()).isEqualTo("RETURN");
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build();
  }

  @Test
  void theCardNumberNeverReachesTheLog_P_MIN_1() {
    rig.openSession(1);
    rig.clearPad();

    assertThat(LOGS.list).isNotEmpty();
    assertThat(LOGS.list)
        .noneSatisfy(
            e ->
                assertThat(e.getFormattedMessage())
                    .containsAnyOf(ProductionRig.card(1), ProductionRig.card(2)));
  }

  private static ReceivedTransaction received(String itemId) {
    return rig.central().received().stream()
        .filter(r -> r.transaction().itemId().equals(itemId))
        .findFirst()
        .orElse(null);
  }
}
