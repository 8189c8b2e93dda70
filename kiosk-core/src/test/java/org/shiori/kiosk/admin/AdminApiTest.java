package org.shiori.kiosk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import org.shiori.device.app.JsonMapping;
import org.shiori.kiosk.app.ProductionRig;
import org.shiori.kiosk.pin.PinLockouts;
import org.shiori.protocol.DeviceEvent;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/** The admin API of a production kiosk, over HTTP, with and without the bearer token. */
class AdminApiTest {
  @TempDir static Path dir;
  private static ProductionRig rig;
  private static final ObjectMapper JSON = JsonMapping.create();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto is needed");
    rig = ProductionRig.start(dir);
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

  @Test
  void withoutOrWithAWrongTokenEveryRouteAnswers401AndCentralIsTold_P_BREACH_1() throws Exception {
    for (String path : new String[] {"/admin/status", "/admin/rejections", "/admin/nothing"}) {
      assertThat(send("GET", path, Optional.empty()).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> wrong = send("GET", "/admin/status", Optional.of("wrong-token-xyz-123"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    HttpResponse<String> erase =
        send("DELETE", "/admin/patrons/" + ProductionRig.card(1), Optional.empty());
    assertThat(erase.statusCode()).isEqualTo(401);
    assertThat(rig.kiosk().store().find(rig.patronKey(1))).isPresent();

    Conditions.await(
        ProductionRig.WAIT,
        () ->
            rig.central().events().stream()
                .anyMatch(e -> e.type() == DeviceEvent.Type.UNAUTHORISED_ACCESS),
        () -> "events " + rig.central().events());
  }

  @Test
  void statusReportsLinkOutboxSyncAndReaderWithoutPersonalData() throws Exception {
    Conditions.await(
        ProductionRig.WAIT,
        () -> status().at("/reader/answering").asBoolean() && status().get("online").asBoolean(),
        () -> "status " + statusText());

    JsonNode status = status();
    assertThat(status.get("deviceId").asText()).isEqualTo(ProductionRig.DEVICE_ID);
    assertThat(status.get("role").asText()).isEqualTo("kiosk");
    assertThat(status.get("offlineSince").isNull()).isTrue();
    assertThat(status.get("outboxPending").isInt()).isTrue();
    assertThat(status.at("/lastSync/items/sequence").asLong()).isPositive();
    assertThat(status.at("/lastSync/patrons/at").asText()).startsWith("2027-06-01T");
    assertThat(status.at("/reader/protocol").asText()).isEqualTo("feig");
    assertThat(status.at("/reader/port").asText()).startsWith("/dev/");
    assertThat(status.get("version").asText()).isEqualTo("0.1.0");
    assertThat(statusText())
        .doesNotContain(ProductionRig.card(1), rig.patronKey(1).value(), "Test book");
  }

  @Test
  void exportThenEraseWhatTheDeviceHoldsAboutOnePatron_P_RIGHTS_1_P_ERASE_3() throws Exception {
    String path = "/admin/patrons/" + ProductionRig.card(3);

    HttpResponse<String> export = authorised("GET", path);
    assertThat(export.statusCode()).isEqualTo(200);
    JsonNode held = JSON.readTree(export.body());
    assertThat(held.at("/record/key/value").asText()).isEqualTo(rig.patronKey(3).value());
    assertThat(held.at("/record/category").asText()).isEqualTo("individual");
    assertThat(held.get("empty").asBoolean()).isFalse();
    assertThat(export.body()).doesNotContain(ProductionRig.card(3));

    // Two wrong PINs and a lockout on the way: about the patron too, so erased with the rest.
    PinLockouts lockouts = rig.kiosk().pinLockouts();
    lockouts.failed(rig.patronKey(3), 2, java.time.Instant.parse("2030-01-01T00:00:00Z"));
    lockouts.failed(rig.patronKey(3), 2, java.time.Instant.parse("2030-01-01T00:00:00Z"));
    lockouts.failed(rig.patronKey(4), 5, java.time.Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(lockouts.entry(rig.patronKey(3)).lockedUntil()).isPresent();

    HttpResponse<String> erase = authorised("DELETE", path);
    assertThat(erase.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(erase.body()).get("patronRecords").asInt()).isEqualTo(1);
    assertThat(lockouts.entry(rig.patronKey(3)))
        .isEqualTo(new PinLockouts.Entry(0, Optional.empty()));
    assertThat(lockouts.entry(rig.patronKey(4)).failures()).isEqualTo(1); // another patron's stays
    assertThat(rig.kiosk().store().find(rig.patronKey(3))).isEmpty();
    JsonNode after = JSON.readTree(authorised("GET", path).body());
    assertThat(after.get("record").isNull()).isTrue();
    assertThat(after.get("empty").asBoolean()).isTrue();
  }

  @Test
  void aCardNumberThatCannotBeOneIsRefusedWith400() throws Exception {
    assertThat(authorised("GET", "/admin/patrons/ab").statusCode()).isEqualTo(400);
  }

  @Test
  void centralRejectionIsListedForStaffPublishedAsEventAndResolved_R_BLOCK_2() throws Exception {
    rig.openSession(2);
    rig.central().setStaffBlock(rig.patronKey(2), true);
    rig.placeItem(2);

    Conditions.await(
        ProductionRig.WAIT, () -> rejections().size() == 1, () -> "rejections " + rejections());
    JsonNode rejection = rejections().get(0);
    assertThat(rejection.get("itemId").asText()).isEqualTo(ProductionRig.itemId(2));
    assertThat(rejection.get("reasonCode").asText()).isEqualTo("PATRON_BLOCKED");
    assertThat(rejection.get("type").asText()).isEqualTo("CHECKOUT");
    assertThat(rejection.has("patron")).isFalse();
    Conditions.await(
        ProductionRig.WAIT,
        () ->
            rig.central().events().stream()
                .anyMatch(
                    e ->
                        e.type() == DeviceEvent.Type.TX_REJECTED
                            && e.itemId().equals(Optional.of(ProductionRig.itemId(2)))
                            && e.code().equals(Optional.of("PATRON_BLOCKED"))),
        () -> "events " + rig.central().events());

    String resolve = "/admin/rejections/" + rejection.get("sequence").asLong() + "/resolve";
    assertThat(authorised("POST", resolve).statusCode()).isEqualTo(204);
    assertThat(rejections()).isEmpty();
    assertThat(authorised("POST", resolve).statusCode()).isEqualTo(404);
    assertThat(authorised("POST", "/admin/rejections/x/resolve").statusCode()).isEqualTo(400);
  }

  private JsonNode status() {
    try {
      return JSON.readTree(statusText());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private String statusText() {
    try {
      return authorised("GET", "/admin/status").body();
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private JsonNode rejections() {
    try {
      HttpResponse<String> r = authorised("GET", "/admin/rejections");
      assertThat(r.statusCode()).isEqualTo(200);
      return JSON.readTree(r.body());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private HttpResponse<String> authorised(String method, String path)
      throws IOException, InterruptedException {
    return send(method, path, Optional.of(rig.adminToken()));
  }

  private HttpResponse<String> send(String method, String path, Optional<String> token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(rig.adminUrl() + path))
            .timeout(Duration.ofSeconds(20))
            .method(method, HttpRequest.BodyPublishers.noBody());
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
