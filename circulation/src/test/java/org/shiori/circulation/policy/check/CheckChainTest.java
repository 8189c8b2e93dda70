package org.shiori.circulation.policy.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.policy.CheckoutContext;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.policy.ShippedPolicies;

class CheckChainTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final CirculationPolicy MATSUYAMA = ShippedPolicies.load("matsuyama", TOKYO);

  @Test
  @DisplayName("the checks of a checkout run in the order docs/policy.md documents")
  void checkoutOrderIsTheDocumentedOne() {
    assertThat(MATSUYAMA.checkoutChecks().checks())
        .extracting(Check::name)
        .containsExactly(
            "CategoryCheck",
            "EligibilityCheck",
            "StaffBlockCheck",
            "ExpiredCardCheck",
            "PinCheck",
            "GroupConfirmationCheck",
            "OverdueCheck",
            "ItemStatusCheck",
            "HoldCheck",
            "NotForLoanCheck",
            "LenderInstructionCheck",
            "LoanRuleCheck",
            "PartsCheck",
            "IllCapCheck",
            "LoanLimitCheck",
            "DueDateCheck");
    assertThat(MATSUYAMA.checkoutChecks().checks())
        .extracting(Check::stage)
        .isSorted()
        .contains(Stage.values());
  }

  @Test
  void renewalOrderIsTheDocumentedOne() {
    assertThat(MATSUYAMA.renewalChecks().checks())
        .extracting(Check::name)
        .containsExactly(
            "CategoryCheck",
            "EligibilityCheck",
            "StaffBlockCheck",
            "ExpiredCardCheck",
            "PinCheck",
            "GroupConfirmationCheck",
            "OverdueCheck",
            "HoldCheck",
            "NotForLoanCheck",
            "LenderInstructionCheck",
            "LoanRuleCheck",
            "RenewalLimitCheck",
            "DueDateCheck");
  }

  @Test
  void everyCheckCitesRuleIds() {
    for (Check c : MATSUYAMA.checkoutChecks().checks()) {
      assertThat(c.ruleIds()).as(c.name()).isNotEmpty().allMatch(id -> id.matches("R-[A-Z]+-\\d+"));
    }
  }

  @Test
  @DisplayName("R-LIMIT-6 the explained decision is the decision, and names the check that decided")
  void explainedDecisionIsTheDecision() {
    CheckoutContext context = context("braille", Set.of("ill-other"));
    Explanation e = MATSUYAMA.explainCheckout(context);
    assertThat(e.decision()).isEqualTo(MATSUYAMA.checkout(context));
    assertThat(e.steps()).hasSize(2);
    assertThat(e.steps().get(1).check()).isEqualTo("EligibilityCheck");
    assertThat(e.steps().get(1).decided()).isTrue();

    CheckoutContext lent = context("book", Set.of());
    Explanation l = MATSUYAMA.explainCheckout(lent);
    assertThat(l.decision()).isEqualTo(MATSUYAMA.checkout(lent));
    assertThat(l.steps()).hasSize(MATSUYAMA.checkoutChecks().checks().size());
    assertThat(l.steps().get(l.steps().size() - 1).result())
        .isEqualTo("lend until 2027-08-03 (R-LIMIT-2)");
  }

  @Test
  @DisplayName("R-LIMIT-5 a partial large-print set asks; asked for, it is lent")
  void partialSetAsksThePatron() {
    ItemRecord set =
        new ItemRecord(
            "lp",
            "-",
            "large-print",
            "central",
            ItemStatus.AVAILABLE,
            Set.of(),
            3,
            Optional.empty());
    CheckoutContext context =
        new CheckoutContext(
            patron(),
            set,
            1,
            List.of(),
            "central",
            LocalDate.of(2027, 7, 20).atTime(LocalTime.NOON).atZone(TOKYO));
    Decision ask = MATSUYAMA.checkout(context);
    assertThat(ask.asksPatron()).isTrue();
    assertThat(ask.outcome()).isEqualTo(Decision.Outcome.ASK_PATRON);
    assertThat(ask.reasonCode()).contains("PARTS_ON_REQUEST");
    assertThat(ask.message().ja()).endsWith("？");
    assertThat(MATSUYAMA.checkout(context.withSplitRequested()).allowed()).isTrue();
  }

  private static CheckoutContext context(String material, Set<String> flags) {
    ItemRecord item =
        new ItemRecord(
            "i", "-", material, "central", ItemStatus.AVAILABLE, flags, 1, Optional.empty());
    return new CheckoutContext(
        patron(),
        item,
        1,
        List.of(),
        "central",
        LocalDate.of(2027, 7, 20).atTime(LocalTime.NOON).atZone(TOKYO));
  }

  private static PatronSnapshot patron() {
    return new PatronSnapshot(
        new PatronKey("5e1f5e1f5e1f5e1f"),
        "individual",
        LocalDate.of(2099, 1, 1),
        false,
        false,
        Map.of(),
        0,
        0,
        0,
        Optional.empty(),
        "central");
  }
}
