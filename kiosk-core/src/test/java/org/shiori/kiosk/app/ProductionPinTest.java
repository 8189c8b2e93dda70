package org.shiori.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.kiosk.pin.PinPolicy;
import org.shiori.kiosk.session.ItemOutcome;
import org.shiori.kiosk.session.SessionView;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/**
 * R-CARD-2 on the production kiosk: a policy that asks for the PIN, the patron screen's {@code POST
 * /api/pin}, and central checking the PIN over the device's link (request schema version 2,
 * answered on the device's reply topic through Mosquitto).
 */
class ProductionPinTest {
  @TempDir static Path dir;
  private static ProductionRig rig;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto is needed");
    Path policy = PinPolicy.write(Files.createDirectories(dir.resolve("policy")));
    rig = ProductionRig.start(dir, new ProductionRig.Options(true, Optional.of(policy)));
    rig.central().setPin(rig.patronKey(1), "2468");
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  private static int post(String path, String body) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rig.kiosk().uiPort() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static String sessionJson() throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + rig.kiosk().uiPort() + "/api/session"))
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static void awaitPin(SessionView.PinState state) {
    Conditions.await(
        ProductionRig.WAIT,
        () -> rig.kiosk().session().view().pin().map(p -> p.state() == state).orElse(false),
        () -> "session " + rig.kiosk().session().view());
  }

  @Test
  void centralChecksThePinThroughTheBrokerAndThePatronBorrows() throws Exception {
    rig.scanOnSerial(1);
    rig.awaitCheckout();
    awaitPin(SessionView.PinState.REQUIRED);
    assertThat(sessionJson()).contains("\"pin\":{\"state\":\"REQUIRED\",\"attemptsLeft\":3}");
    rig.placeItem(1);

    assertThat(post("/api/pin", "{\"digits\":\"12\"}")).isEqualTo(400);
    assertThat(post("/api/pin", "not json")).isEqualTo(400);
    assertThat(post("/api/pin", "{\"digits\":\"1357\"}")).isEqualTo(202);
    awaitPin(SessionView.PinState.WRONG);
    assertThat(rig.kiosk().session().view().outcomes()).isEmpty();

    assertThat(post("/api/pin", "{\"digits\":\"2468\"}")).isEqualTo(202);
    awaitPin(SessionView.PinState.VERIFIED);
    Conditions.await(
        ProductionRig.WAIT,
        () ->
            rig.kiosk().session().view().outcomes().stream()
                .anyMatch(o -> o.result() == ItemOutcome.Result.LENT),
        () -> "session " + rig.kiosk().session().view());
    assertThat(rig.central().pinChecks()).isEqualTo(2);
    assertThat(post("/api/extend", "")).isEqualTo(202);

    // My loans and a renewal, asked with the card and the PIN verified in this session.
    assertThat(post("/api/loans", "")).isEqualTo(202);
    Conditions.await(
        ProductionRig.WAIT,
        () -> rig.kiosk().session().view().myLoans().map(l -> l.loans().size() == 1).orElse(false),
        () -> "session " + rig.kiosk().session().view());
    assertThat(post("/api/loans/renew", "{\"itemId\":\"with space\"}")).isEqualTo(400);
    assertThat(post("/api/loans/renew", "{\"itemId\":\"a\",\"more\":1}")).isEqualTo(400);
    assertThat(post("/api/loans/renew", "[]")).isEqualTo(400);
    assertThat(post("/api/loans/renew", "{\"itemId\":\"" + ProductionRig.itemId(1) + "\"}"))
        .isEqualTo(202);
    Conditions.await(
        ProductionRig.WAIT,
        () ->
            rig.kiosk().session().view().myLoans().orElseThrow().loans().get(0).renewal()
                == SessionView.Renewal.RENEWED,
        () -> "session " + rig.kiosk().session().view());
    assertThat(rig.central().proofsWithPin()).isEqualTo(2);
    assertThat(sessionJson()).doesNotContain(ProductionRig.card(1)).doesNotContain("2468");
    assertThat(post("/api/loans/close", "")).isEqualTo(202);
  }
}
