package org.shiori.circulation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shiori.circulation.policy.PolicyFixtures.MATSUYAMA;
import static org.shiori.circulation.policy.PolicyFixtures.TOKYO;
import static org.shiori.circulation.policy.PolicyFixtures.at;
import static org.shiori.circulation.policy.PolicyFixtures.item;
import static org.shiori.circulation.policy.PolicyFixtures.patron;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.policy.calendar.BranchCalendar;
import org.shiori.circulation.policy.calendar.CalendarOverride;
import org.shiori.circulation.policy.calendar.OpeningHours;

class CirculationPolicyTest {

  private static final CirculationPolicy PIN_POLICY =
      ShippedPolicies.load(resource("pin-required.yaml"), TOKYO);

  static String resource(String name) {
    try {
      return Path.of(CirculationPolicyTest.class.getResource("/policy/" + name).toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Decision checkout(CirculationPolicy policy, String category, boolean pin) {
    return policy.checkout(
        new CheckoutContext(
            patron(category, Map.of()),
            item("i1", "book"),
            1,
            List.of(),
            "main",
            at("2027-07-20"),
            pin));
  }

  @Test
  @DisplayName("R-CARD-2 a category with a PIN is refused until the PIN is entered")
  void pinRequired() {
    assertThat(PIN_POLICY.requiresPin("individual")).isTrue();
    assertThat(PIN_POLICY.requiresPin("staff")).isFalse();
    assertThat(MATSUYAMA.requiresPin("individual")).isFalse();
    Decision refused = checkout(PIN_POLICY, "individual", false);
    assertThat(refused.reasonCode()).contains(ReasonCodes.PIN_REQUIRED);
    assertThat(refused.ruleId()).isEqualTo("R-CARD-2");
    assertThat(checkout(PIN_POLICY, "individual", true).allowed()).isTrue();
    assertThat(checkout(PIN_POLICY, "staff", false).allowed()).isTrue();
  }

  @Test
  @DisplayName("R-CARD-2 the lead's six-argument context means no PIN was entered")
  void sixArgumentContextHasNoPin() {
    CheckoutContext c =
        new CheckoutContext(
            patron("individual", Map.of()),
            item("i1", "book"),
            1,
            List.of(),
            "main",
            at("2027-07-20"));
    assertThat(PIN_POLICY.checkout(c).reasonCode()).contains(ReasonCodes.PIN_REQUIRED);
  }

  @Test
  @DisplayName("R-BLOCK-1 the overdue block is a policy switch")
  void overdueBlockSwitch() {
    PatronSnapshot overdue =
        new PatronSnapshot(
            PolicyFixtures.SELF,
            "staff",
            LocalDate.of(2099, 1, 1),
            false,
            true,
            Map.of(),
            0,
            0,
            0,
            java.util.Optional.empty(),
            "main");
    CheckoutContext atMain =
        new CheckoutContext(overdue, item("i1", "book"), 1, List.of(), "main", at("2027-07-20"));
    assertThat(PIN_POLICY.checkout(atMain).allowed()).isTrue();
    CheckoutContext atCentral =
        new CheckoutContext(
            new PatronSnapshot(
                PolicyFixtures.SELF,
                "individual",
                LocalDate.of(2099, 1, 1),
                false,
                true,
                Map.of(),
                0,
                0,
                0,
                java.util.Optional.empty(),
                "central"),
            item("i1", "book"),
            1,
            List.of(),
            "central",
            at("2027-07-20"));
    assertThat(MATSUYAMA.checkout(atCentral).reasonCode()).contains(ReasonCodes.OVERDUE_BLOCK);
  }

  @Test
  @DisplayName("R-GROUP-2 the receipt is offered by default to groups only")
  void groupReceipt() {
    assertThat(MATSUYAMA.offersReceiptByDefault("group")).isTrue();
    assertThat(MATSUYAMA.offersReceiptByDefault("individual")).isFalse();
    assertThat(MATSUYAMA.offersReceiptByDefault("nobody")).isFalse();
  }

  @ParameterizedTest(name = "R-CAL-5 hours of {0} on {1}: {2}")
  @CsvSource({
    "central, 2027-07-20, 09:30-20:00",
    "mitsuhama, 2027-07-20, 09:30-19:00",
    "hojo, 2027-07-20, 09:30-18:00",
    "nakajima, 2027-07-21, 09:00-18:00",
    "nakajima, 2027-07-20, closed",
    "nakajima, 2027-07-24, 09:00-17:00",
    "nakajima, 2027-07-19, 09:00-17:00",
    "central, 2027-07-26, closed",
    "bookmobile, 2027-07-20, none",
  })
  void openingHours(String branch, String day, String expected) {
    BranchCalendar calendar = MATSUYAMA.calendar(branch);
    String hours =
        calendar.isClosed(LocalDate.parse(day))
            ? "closed"
            : calendar
                .hoursOn(LocalDate.parse(day))
                .map(OpeningHours.Span::toString)
                .orElse("none");
    assertThat(hours).isEqualTo(expected);
  }

  @Test
  @DisplayName("R-CAL-5 central closures and openings override the generated days")
  void centralOverrides() {
    LocalDate tuesday = LocalDate.of(2027, 7, 20);
    LocalDate monday = LocalDate.of(2027, 7, 26);
    CirculationPolicy updated =
        MATSUYAMA.withCalendarOverride(
            "central", new CalendarOverride(Set.of(tuesday), Set.of(monday)));
    assertThat(updated.calendar("central").isClosed(tuesday)).isTrue();
    assertThat(updated.calendar("central").isOpen(monday)).isTrue();
    assertThat(updated.calendar("central").hoursOn(monday))
        .map(OpeningHours.Span::toString)
        .contains("09:30-20:00");
    assertThat(MATSUYAMA.calendar("central").isOpen(tuesday))
        .as("the original is unchanged")
        .isTrue();
    assertThat(updated.calendar("hojo").isOpen(tuesday)).as("other branches unchanged").isTrue();
    // A due date of 2027-07-20 (a loan on 07-06) now moves to the next open day.
    assertThat(updated.dueDate("individual", "book", Set.of(), "central", LocalDate.of(2027, 7, 6)))
        .isEqualTo(LocalDate.of(2027, 7, 21));
    // A later update re-opening the day wins over the earlier closure.
    CirculationPolicy reopened =
        updated.withCalendarOverride("central", new CalendarOverride(Set.of(), Set.of(tuesday)));
    assertThat(reopened.calendar("central").isOpen(tuesday)).isTrue();
    assertThat(reopened.calendar("central").isOpen(monday)).isTrue();
  }

  @Test
  @DisplayName("R-CAL-5 closures and openings written in the policy file override the rules")
  void fileOverrides() {
    BranchCalendar main = PIN_POLICY.calendar("main");
    assertThat(main.isClosed(LocalDate.of(2027, 7, 22))).isTrue();
    assertThat(main.isOpen(LocalDate.of(2027, 7, 25))).as("an opened Sunday").isTrue();
    assertThat(main.isClosed(LocalDate.of(2027, 8, 1))).as("an ordinary Sunday").isTrue();
  }

  @Test
  @DisplayName("R-CAL-1 due-date strategies: next open (default), previous open, keep")
  void dueDateStrategies() {
    // 2027-07-15 + 7 days = Thursday 07-22, closed by the file.
    LocalDate on = LocalDate.of(2027, 7, 15);
    assertThat(PIN_POLICY.dueDate("staff", "book", Set.of(), "main", on)).isEqualTo("2027-07-23");
    assertThat(PIN_POLICY.dueDate("staff", "cd", Set.of(), "main", on)).isEqualTo("2027-07-21");
    assertThat(PIN_POLICY.dueDate("staff", "book", Set.of("fragile"), "main", on))
        .isEqualTo("2027-07-22");
  }

  @Test
  @DisplayName("R-LIMIT-2 today is taken in the library's zone, not the caller's")
  void todayInTheLibraryZone() {
    // 2027-07-19 20:00 UTC is already 2027-07-20 in Tokyo.
    var lateUtc = LocalDate.of(2027, 7, 19).atTime(LocalTime.of(20, 0)).atZone(ZoneOffset.UTC);
    Decision d =
        MATSUYAMA.checkout(
            new CheckoutContext(
                patron("individual", Map.of()),
                item("i1", "book"),
                1,
                List.of(),
                "central",
                lateUtc));
    assertThat(d.dueDate()).contains(LocalDate.of(2027, 8, 3));
  }

  @Test
  @DisplayName(
      "R-BLOCK-2 every refusal has Japanese and English text; the staff block tells no reason")
  void messages() {
    Map<String, Message> messages = MATSUYAMA.definition().messages();
    for (String code : ReasonCodes.ALL) {
      assertThat(messages.get(code).ja()).as(code).isNotBlank();
      assertThat(messages.get(code).en()).as(code).isNotBlank();
    }
    Message staff = messages.get(ReasonCodes.STAFF_BLOCK);
    assertThat(staff.en()).isEqualTo("Please see a member of staff at the counter.");
    assertThat(staff.en().toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("block", "overdue", "ban");
    PatronSnapshot blocked =
        new PatronSnapshot(
            PolicyFixtures.SELF,
            "individual",
            LocalDate.of(2099, 1, 1),
            true,
            true,
            Map.of(),
            0,
            0,
            0,
            java.util.Optional.empty(),
            "central");
    Decision d =
        MATSUYAMA.checkout(
            new CheckoutContext(
                blocked, item("i1", "book"), 1, List.of(), "central", at("2027-07-20")));
    assertThat(d.message()).isEqualTo(staff);
  }

  @Test
  @DisplayName("R-LIMIT-1 the limit message names the limit")
  void limitMessageNamesTheLimit() {
    Decision d =
        MATSUYAMA.checkout(
            new CheckoutContext(
                patron("individual", Map.of("video", 3)),
                item("v", "video"),
                1,
                List.of(),
                "central",
                at("2027-07-20")));
    assertThat(d.reasonCode()).contains("LIMIT_VIDEO");
    assertThat(d.message().en()).contains("3 video items");
    assertThat(d.message().ja()).contains("3点");
  }

  @Test
  @DisplayName(
      "R-LIMIT-2 the benchmark policy of more than 50 rules loads and decides like Matsuyama")
  void largePolicyLoads() {
    CirculationPolicy large = ShippedPolicies.load(resource("large-benchmark.yaml"), TOKYO);
    assertThat(large.definition().rules()).hasSizeGreaterThanOrEqualTo(50);
    LocalDate on = LocalDate.of(2027, 7, 20);
    assertThat(large.dueDate("individual", "book", Set.of(), "hojo", on))
        .isEqualTo(MATSUYAMA.dueDate("individual", "book", Set.of(), "hojo", on));
    assertThat(large.dueDate("individual", "book", Set.of("collection-01"), "central", on))
        .isEqualTo("2027-07-27");
  }

  @Test
  void unknownBranchIsAConfigurationError() {
    assertThatThrownBy(() -> MATSUYAMA.calendar("tokyo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("central");
  }

  @Test
  @DisplayName(
      "R-ILL-2 the Narita policy loads; an ILL item without the lending library's period gets the"
          + " own 2 weeks (Art. 4's 4 weeks is for items Narita lends out)")
  void naritaLoads() {
    CirculationPolicy narita = ShippedPolicies.load("narita", TOKYO);
    assertThat(
            narita.dueDate(
                "individual",
                "book",
                Set.of("ill-in-prefecture"),
                "main",
                LocalDate.of(2027, 7, 21)))
        .isEqualTo("2027-08-04");
  }
}
