package org.shiori.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.TransactionType;
import org.shiori.device.testing.ReceivedTransaction;
import org.shiori.emulator.VirtualTag;
import org.shiori.kiosk.session.ItemOutcome;
import org.shiori.kiosk.session.SessionView;
import org.shiori.kiosk.text.PatronTexts;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/**
 * Acceptance: the production kiosk from its YAML file lends with each card source on its own path
 * and no simulator anywhere: a serial scanner on a socat pty pair, a USB HID scanner as a stream of
 * {@code input_event} records, a patron card on the pad of the FEIG reader (itself on a pty pair).
 * Each checkout releases the tag, which the kiosk reads back, and reaches central through
 * Mosquitto.
 */
class ProductionCardTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  private static ProductionRig rig;

  @BeforeAll
  static void start() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto is needed");
    rig = ProductionRig.start(dir, new ProductionRig.Options(true, Optional.empty()));
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @AfterEach
  void walkAway() {
    rig.clearPad();
  }

  private static void borrowsItem(int i) {
    VirtualTag tag = rig.placeItem(i);
    Conditions.await(
        ProductionRig.WAIT,
        () -> outcome(ProductionRig.itemId(i)).isPresent(),
        () -> "session " + rig.kiosk().session().view());
    assertThat(outcome(ProductionRig.itemId(i)).orElseThrow().result())
        .isEqualTo(ItemOutcome.Result.LENT);
    assertThat(tag.afi()).as("released and read back").isEqualTo(0xC2);
    Conditions.await(
        ProductionRig.WAIT,
        () -> received(ProductionRig.itemId(i)).isPresent(),
        () -> "central received " + rig.central().received());
    ReceivedTransaction tx = received(ProductionRig.itemId(i)).orElseThrow();
    assertThat(tx.transaction().type()).isEqualTo(TransactionType.CHECKOUT);
    assertThat(tx.transaction().patron()).contains(rig.patronKey(i));
    assertThat(tx.accepted()).isTrue();
  }

  @Test
  void aCardFromTheSerialScannerBorrowsABook() throws Exception {
    rig.scanOnSerial(1);
    rig.awaitCheckout();
    borrowsItem(1);
  }

  @Test
  void aCardFromTheUsbHidScannerBorrowsABook() throws Exception {
    rig.scanOnEvdev(2);
    rig.awaitCheckout();
    borrowsItem(2);
  }

  @Test
  void aPatronCardOnThePadBorrowsABookAndIsNoItem() {
    rig.placePatronCard(3);
    rig.awaitCheckout();
    borrowsItem(3);
    assertThat(rig.kiosk().session().view().outcomes())
        .singleElement()
        .satisfies(o -> assertThat(o.itemId()).isEqualTo(ProductionRig.itemId(3)));
  }

  @Test
  void aStaffCardOnTheHidScannerOrThePadOpensTheStatusScreenAndNoSession() throws Exception {
    int received = rig.central().received().size();
    int pending = rig.kiosk().store().pendingCount();
    assertThat(get("/api/staff").statusCode()).as("closed: no status").isEqualTo(403);

    rig.scanOnEvdev(ProductionRig.STAFF_CARD);
    awaitStaffOpen(true);
    HttpResponse<String> status = get("/api/staff");
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body())
        .contains("\"reader\":\"OK\"", "\"broker\":\"ONLINE\"", "\"outboxPending\"", "\"printer\"")
        .doesNotContain(ProductionRig.STAFF_CARD, rig.patronKey(1).value().substring(0, 16));
    assertThat(get("/api/session").body()).contains("\"staffOpen\":true", "\"mode\":\"RETURN\"");
    assertThat(post("/api/staff/close").statusCode()).isEqualTo(202);
    awaitStaffOpen(false);

    rig.placeCard(ProductionRig.STAFF_CARD, 99);
    awaitStaffOpen(true);
    assertThat(rig.kiosk().session().view().mode()).isEqualTo(SessionView.Mode.RETURN);
    assertThat(rig.kiosk().session().view().outcomes()).as("the card is no item").isEmpty();
    post("/api/staff/close");
    awaitStaffOpen(false);
    assertThat(rig.kiosk().store().pendingCount()).isEqualTo(pending);
    assertThat(rig.central().received()).hasSize(received);
  }

  @Test
  void aStaffCardDuringAPatronSessionLeavesTheSessionAsItIs() throws Exception {
    rig.scanOnSerial(1);
    rig.awaitCheckout();
    rig.scanOnEvdev(ProductionRig.STAFF_CARD);
    // An unknown card after it on the same line: once it is answered, the staff card was handled.
    rig.scanOnEvdev("A2000000077B");
    Conditions.await(
        ProductionRig.WAIT,
        () ->
            PatronTexts.shipped()
                .keyOf(rig.kiosk().session().view().banner())
                .equals(Optional.of("kiosk.cardUnknown")),
        () -> "session " + rig.kiosk().session().view());
    assertThat(rig.kiosk().session().view().mode()).isEqualTo(SessionView.Mode.CHECKOUT);
    assertThat(rig.kiosk().session().view().staffOpen()).isFalse();
  }

  private static void awaitStaffOpen(boolean open) {
    Conditions.await(
        ProductionRig.WAIT,
        () -> rig.kiosk().session().view().staffOpen() == open,
        () -> "session " + rig.kiosk().session().view());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rig.kiosk().uiPort() + path))
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rig.kiosk().uiPort() + path))
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<ItemOutcome> outcome(String itemId) {
    return rig.kiosk().session().view().outcomes().stream()
        .filter(o -> o.itemId().equals(itemId))
        .findFirst();
  }

  private static Optional<ReceivedTransaction> received(String itemId) {
    return rig.central().received().stream()
        .filter(r -> r.transaction().itemId().equals(itemId))
        .findFirst();
  }
}
