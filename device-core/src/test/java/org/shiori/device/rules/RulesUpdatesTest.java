package org.shiori.device.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shiori.circulation.policy.ShippedPolicies;
import org.shiori.device.messaging.DocumentRefusedException;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncDocument;

/** Central's policy and calendar documents: checked, then swapped in whole, or refused. */
class RulesUpdatesTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final String BOOKS_10 =
      "books: {materials: [book, large-print, magazine], max: 10, rule: R-LIMIT-1}";

  /** A Tuesday the shipped calendar keeps open. */
  private static final LocalDate TUESDAY = LocalDate.parse("2027-06-08");

  private LiveRules rules;
  private RulesUpdates updates;
  private final List<String> refusals = new ArrayList<>();

  static String shippedPolicyText() throws IOException {
    try (InputStream in =
        ShippedPolicies.class.getClassLoader().getResourceAsStream("policies/matsuyama.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String withBookLimit(String policy, int max) {
    assertThat(policy).contains(BOOKS_10);
    return policy.replace(BOOKS_10, BOOKS_10.replace("max: 10", "max: " + max));
  }

  @BeforeEach
  void setUp() {
    rules = new LiveRules(RulesInUse.configured(ShippedPolicies.load("matsuyama", TOKYO)));
    updates = new RulesUpdates(rules, TOKYO);
    updates.addRefusalListener((d, v, why) -> refusals.add(d + " " + v + ": " + why));
  }

  private int bookLimit() {
    return rules.inUse().base().definition().categories().get("individual").limits().stream()
        .filter(l -> l.id().equals("books"))
        .findFirst()
        .orElseThrow()
        .max();
  }

  @Test
  void aCheckedPolicyTakesEffectOnlyWhenItIsPutIntoUse() throws Exception {
    Runnable takeEffect = updates.prepare(Dataset.POLICY, 7, withBookLimit(shippedPolicyText(), 1));
    assertThat(rules.inUse().policyVersion()).isZero();
    assertThat(bookLimit()).isEqualTo(10);

    takeEffect.run();

    assertThat(rules.inUse().policyVersion()).isEqualTo(7);
    assertThat(bookLimit()).isEqualTo(1);
    assertThat(refusals).isEmpty();
  }

  @Test
  void aBrokenPolicyIsRefusedWithItsLineAndTheOneInUseStays() throws Exception {
    RulesInUse before = rules.inUse();
    String broken =
        shippedPolicyText().replace("max: 10, rule: R-LIMIT-1", "max: ten, rule: R-LIMIT-1");

    assertThatThrownBy(() -> updates.prepare(Dataset.POLICY, 8, broken))
        .isInstanceOf(DocumentRefusedException.class)
        .hasMessageContaining("policy version 8")
        .hasMessageContaining("central policy version 8:44:");
    assertThat(rules.inUse()).isSameAs(before);
    assertThat(refusals).singleElement().asString().startsWith("POLICY 8: ");
  }

  @Test
  void aYamlTagNamingAJavaClassIsRefusedWithoutConstructingAnything() {
    RulesInUse before = rules.inUse();
    for (String hostile :
        List.of(
            "!!java.lang.Runtime {}",
            "policy: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]",
            "&a [*a, *a]")) {
      assertThatThrownBy(() -> updates.prepare(Dataset.POLICY, 9, hostile))
          .isInstanceOf(DocumentRefusedException.class);
      assertThatThrownBy(() -> updates.prepare(Dataset.CALENDAR, 9, hostile))
          .isInstanceOf(DocumentRefusedException.class);
    }
    assertThat(rules.inUse()).isSameAs(before);
    assertThat(refusals).hasSize(6);
  }

  @Test
  void aCalendarClosesADayAndSurvivesTheNextPolicy() throws Exception {
    assertThat(rules.inUse().policy().calendar("central").isOpen(TUESDAY)).isTrue();

    updates
        .prepare(Dataset.CALENDAR, 3, "branches:\n  central:\n    closed: [" + TUESDAY + "]\n")
        .run();
    assertThat(rules.inUse().calendarVersion()).isEqualTo(3);
    assertThat(rules.inUse().policy().calendar("central").isOpen(TUESDAY)).isFalse();

    updates.prepare(Dataset.POLICY, 4, withBookLimit(shippedPolicyText(), 2)).run();
    assertThat(rules.inUse().policy().calendar("central").isOpen(TUESDAY)).isFalse();
    assertThat(bookLimit()).isEqualTo(2);
  }

  @Test
  void aCalendarOfAnUnknownBranchOrWithABadDateIsRefused() {
    RulesInUse before = rules.inUse();
    assertThatThrownBy(
            () -> updates.prepare(Dataset.CALENDAR, 5, "branches:\n  atlantis:\n    closed: []\n"))
        .hasMessageContaining("atlantis");
    assertThatThrownBy(
            () ->
                updates.prepare(
                    Dataset.CALENDAR, 5, "branches:\n  central:\n    closed: [2027-02-30]\n"))
        .hasMessageContaining("central calendar version 5:3:");
    assertThat(rules.inUse()).isSameAs(before);
  }

  @Test
  void storedDocumentsArePutBackIntoUseAtStartUp() throws Exception {
    updates.restore(
        Optional.of(new SyncDocument(Dataset.POLICY, 12, withBookLimit(shippedPolicyText(), 3))),
        Optional.of(new SyncDocument(Dataset.CALENDAR, 6, "not: [a calendar")));
    assertThat(rules.inUse().policyVersion()).isEqualTo(12);
    assertThat(rules.inUse().calendarVersion()).isZero();
    assertThat(bookLimit()).isEqualTo(3);
  }
}
