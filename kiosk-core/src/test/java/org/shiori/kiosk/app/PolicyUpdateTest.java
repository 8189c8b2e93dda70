package org.shiori.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.policy.ShippedPolicies;
import org.shiori.device.rules.RulesInUse;
import org.shiori.kiosk.session.ItemOutcome;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.DeviceEvent;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/**
 * Central's policy takes effect on the production kiosk: pushed through Mosquitto, checked, and
 * used for the very next decision; a broken one changes nothing and is reported to central.
 */
class PolicyUpdateTest {
  private static final String BOOKS_10 =
      "books: {materials: [book, large-print, magazine], max: 10, rule: R-LIMIT-1}";

  @TempDir static Path dir;
  private static ProductionRig rig;

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

  private static String policyWithBookLimit(int max) throws IOException {
    try (InputStream in =
        ShippedPolicies.class.getClassLoader().getResourceAsStream("policies/matsuyama.yaml")) {
      String shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(shipped).contains(BOOKS_10);
      return shipped.replace(BOOKS_10, BOOKS_10.replace("max: 10", "max: " + max));
    }
  }

  @Test
  void aLowerBookLimitPushedByCentralRefusesTheNextBook_R_LIMIT_1() throws Exception {
    rig.central().putDocument(Dataset.POLICY, policyWithBookLimit(1));
    long pushed = rig.central().version(Dataset.POLICY);
    Conditions.await(
        ProductionRig.WAIT,
        () -> rig.kiosk().rules().inUse().policyVersion() == pushed,
        () -> "policy in use " + rig.kiosk().rules().inUse().policyVersion());

    rig.openSession(2);
    rig.placeItem(1);
    awaitOutcomes(1);
    rig.placeItem(2);
    awaitOutcomes(2);

    List<ItemOutcome> outcomes = rig.kiosk().session().view().outcomes();
    assertThat(outcomes.get(0).result()).isEqualTo(ItemOutcome.Result.LENT);
    assertThat(outcomes.get(1).result()).isEqualTo(ItemOutcome.Result.REFUSED);
    assertThat(outcomes.get(1).reasonCode())
        .hasValueSatisfying(c -> assertThat(c).contains("LIMIT"));
    assertThat(adminStatus()).contains("\"rulesInUse\":{\"policy\":" + pushed + ",");
  }

  @Test
  void aBrokenPolicyChangesNothingAndIsReportedToCentral() throws Exception {
    RulesInUse before = rig.kiosk().rules().inUse();
    rig.central().putDocument(Dataset.POLICY, "!!java.lang.Runtime {}\n");
    long refused = rig.central().version(Dataset.POLICY);

    Conditions.await(
        ProductionRig.WAIT,
        () ->
            rig.central().events().stream()
                .anyMatch(
                    e ->
                        e.type() == DeviceEvent.Type.DOCUMENT_REFUSED
                            && e.count().getAsLong() == refused),
        () -> "events " + rig.central().events());
    assertThat(rig.kiosk().rules().inUse()).isSameAs(before);
    assertThat(rig.kiosk().store().appliedSequence(Dataset.POLICY)).isLessThan(refused);
    assertThat(adminStatus())
        .contains("\"rulesInUse\":{\"policy\":" + before.policyVersion() + ",");
  }

  private static void awaitOutcomes(int n) {
    Conditions.await(
        ProductionRig.WAIT,
        () -> rig.kiosk().session().view().outcomes().size() >= n,
        () -> "session " + rig.kiosk().session().view());
  }

  private static String adminStatus() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(rig.adminUrl() + "/admin/status"))
                    .header("Authorization", "Bearer " + rig.adminToken())
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }
}
