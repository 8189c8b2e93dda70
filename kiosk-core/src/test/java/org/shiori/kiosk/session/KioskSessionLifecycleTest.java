package org.shiori.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.TransactionType;
import org.shiori.circulation.policy.ShippedPolicies;
import org.shiori.config.SessionSettings;
import org.shiori.device.app.JsonMapping;

/**
 * Sessions that end (idle countdown with extend, walk-away after the pad was emptied, the next
 * card), return results that clear, and the patron's standing said at the card. Shipped timings: 60
 * s idle, extend in the last 15 s, 30 s after the pad was emptied, returns clear after 20 s.
 */
class KioskSessionLifecycleTest {
  private static final String CARD = "A1234567890B";
  private static final String OTHER_CARD = "A7777777777B";

  @TempDir Path dir;
  private KioskRig rig;
  private PatronKey key;

  @BeforeEach
  void open() {
    rig =
        new KioskRig(
            dir,
            SessionSettings.DEFAULT,
            ShippedPolicies.load("matsuyama", KioskRig.TOKYO),
            PinService.unavailable());
    key = rig.card(CARD);
    rig.items(KioskRig.book("B-1"), KioskRig.book("B-2"));
  }

  @AfterEach
  void close() {
    rig.close();
  }

  private void after(int seconds) {
    rig.clock.advance(Duration.ofSeconds(seconds));
    rig.session.tick();
  }

  private long checkouts() {
    return rig.outbox().stream()
        .filter(e -> e.transaction().type() == TransactionType.CHECKOUT)
        .count();
  }

  @Test
  void walkAway_aLaterItemIsNotLentOnTheOldCard() {
    rig.session.cardScanned(CARD);
    rig.place("B-1");
    rig.clearPad(); // the patron takes the book and leaves

    after(29);
    assertThat(rig.session.view().mode()).isEqualTo(SessionView.Mode.CHECKOUT);
    after(1);
    assertThat(rig.session.view().mode()).isEqualTo(SessionView.Mode.RETURN);
    assertThat(rig.session.view().outcomes()).as("no titles of the patron left").isEmpty();

    rig.place("B-2"); // a stranger 30 s later
    assertThat(rig.session.view().outcomes())
        .singleElement()
        .satisfies(o -> assertThat(o.reasonCode()).contains("NOT_ON_LOAN"));
    assertThat(checkouts()).isEqualTo(1);
    assertThat(rig.tag("B-2", 1).afi()).isEqualTo(KioskRig.SECURITY.securedAfi());
  }

  @Test
  void idleSessionCountsDownOffersExtendInTheLastFifteenSecondsAndEndsAtSixty() {
    rig.session.cardScanned(CARD);
    assertThat(rig.session.view().secondsLeft()).contains(60L);
    assertThat(rig.session.view().extendable()).isFalse();

    after(44);
    assertThat(rig.session.view().secondsLeft()).contains(16L);
    assertThat(rig.session.view().extendable()).isFalse();
    after(1);
    assertThat(rig.session.view().secondsLeft()).contains(15L);
    assertThat(rig.session.view().extendable()).isTrue();

    rig.session.extend();
    assertThat(rig.session.view().secondsLeft()).contains(60L);
    assertThat(rig.session.view().extendable()).isFalse();

    after(59);
    assertThat(rig.session.view().mode()).isEqualTo(SessionView.Mode.CHECKOUT);
    after(1);
    assertThat(rig.session.view().mode()).isEqualTo(SessionView.Mode.RETURN);
    assertThat(rig.session.view().banner()).isEqualTo(KioskMessages.SESSION_ENDED_IDLE);
    assertThat(rig.session.view().secondsLeft()).isEmpty();
    assertThat(rig.session.view().idleDeadline()).isEmpty();
  }

  @Test
  void liftingItemsIsNoActivity_onlyNewItemsAre() {
    rig.session.cardScanned(CARD);
    after(10);
    rig.place("B-1");
    assertThat(rig.session.view().secondsLeft()).contains(60L);
    after(20);
    rig.clearPad();
    assertThat(rig.session.view().secondsLeft()).contains(40L);
  }

  @Test
  void extendOutsideASessionDoesNothing() {
    rig.session.extend();
    assertThat(rig.session.view().mode()).isEqualTo(SessionView.Mode.RETURN);
    assertThat(rig.session.view().secondsLeft()).isEmpty();
  }

  @Test
  void theCountdownIsInTheSessionJson() throws Exception {
    rig.session.cardScanned(CARD);
    after(50);
    String json = JsonMapping.create().writeValueAsString(rig.session.view());
    assertThat(json)
        .contains("\"secondsLeft\":10", "\"extendable\":true", "\"idleDeadline\":\"")
        .contains("\"itemsToRemove\":0", "\"pin\":null", "\"notice\":null");
  }

  @Test
  void returnResultsClearTwentySecondsAfterThePadWasEmptied() {
    rig.session.cardScanned(CARD);
    rig.place("B-1");
    rig.session.finish();
    rig.clearPad();
    rig.place("B-1"); // returned by the same patron later
    assertThat(rig.session.view().outcomes()).hasSize(1);

    after(60);
    assertThat(rig.session.view().outcomes()).as("pad still full").hasSize(1);
    rig.clearPad();
    after(19);
    assertThat(rig.session.view().outcomes()).hasSize(1);
    after(1);
    assertThat(rig.session.view().outcomes()).isEmpty();
    assertThat(rig.session.view().banner()).isEqualTo(KioskMessages.WELCOME);
  }

  @Test
  void aNewCardEndsTheSessionAndItemsLeftByThePreviousPatronAskToBeRemoved() {
    rig.card(OTHER_CARD);
    rig.session.cardScanned(CARD);
    rig.place("B-1");
    assertThat(rig.session.view().outcomes()).hasSize(1);

    rig.session.cardScanned(OTHER_CARD);
    SessionView next = rig.session.view();
    assertThat(next.mode()).isEqualTo(SessionView.Mode.CHECKOUT);
    assertThat(next.outcomes()).as("the previous patron's titles are gone").isEmpty();
    assertThat(next.itemsToRemove()).isEqualTo(1);
    assertThat(next.notice()).map(SessionView.PatronNotice::key).contains("REMOVE_PREVIOUS_ITEMS");

    rig.place("B-1", "B-2");
    assertThat(rig.session.view().outcomes())
        .singleElement()
        .satisfies(o -> assertThat(o.itemId()).isEqualTo("B-2"));
    rig.place("B-2");
    assertThat(rig.session.view().itemsToRemove()).isZero();
    assertThat(rig.session.view().notice()).isEmpty();
    assertThat(checkouts()).isEqualTo(2);
  }

  // ---- the patron's standing at the card ----

  private SessionView.PatronNotice noticeFor(PatronSnapshot template) {
    rig.card(OTHER_CARD, template);
    rig.session.cardScanned(OTHER_CARD);
    assertThat(rig.session.view().mode()).isEqualTo(SessionView.Mode.CHECKOUT);
    return rig.session.view().notice().orElseThrow(() -> new AssertionError("no notice"));
  }

  private static PatronSnapshot patron(
      String category,
      LocalDate expiry,
      boolean staffBlock,
      boolean overdue,
      Optional<LocalDate> groupConfirmed) {
    return new PatronSnapshot(
        new PatronKey("00000000000000000000000000000000"),
        category,
        expiry,
        staffBlock,
        overdue,
        Map.of(),
        0,
        0,
        0,
        groupConfirmed,
        KioskRig.BRANCH);
  }

  private static final LocalDate VALID = LocalDate.parse("2028-03-31");

  @Test
  void rBlock2_aStaffBlockIsSaidAtOnceWithoutItsReason() {
    SessionView.PatronNotice notice =
        noticeFor(patron("individual", VALID, true, false, Optional.empty()));
    assertThat(notice.key()).isEqualTo("STAFF_BLOCK");
    assertThat(notice.message().en().toLowerCase(java.util.Locale.ROOT))
        .contains("counter")
        .doesNotContain("block", "overdue", "expired", "reason", "fine");
    assertThat(notice.message().ja()).contains("カウンター").doesNotContain("延滞", "停止", "期限");
  }

  @Test
  void rCard3_anExpiredCardIsToldToRenewAtTheCounter() {
    SessionView.PatronNotice notice =
        noticeFor(
            patron("individual", LocalDate.parse("2026-11-19"), false, false, Optional.empty()));
    assertThat(notice.key()).isEqualTo("CARD_EXPIRED");
    assertThat(notice.message().en()).contains("renew");
  }

  @Test
  void rBlock1_anOverduePatronIsToldToReturnFirst() {
    SessionView.PatronNotice notice =
        noticeFor(patron("individual", VALID, false, true, Optional.empty()));
    assertThat(notice.key()).isEqualTo("OVERDUE_BLOCK");
    assertThat(notice.message().en()).contains("return them first");
  }

  @Test
  void rGroup1_aGroupNotConfirmedThisFiscalYearIsSentToTheCounter() {
    SessionView.PatronNotice notice =
        noticeFor(patron("group", VALID, false, false, Optional.of(LocalDate.parse("2026-03-31"))));
    assertThat(notice.key()).isEqualTo("GROUP_NOT_CONFIRMED");
  }

  @Test
  void aGroupConfirmedThisFiscalYearHasNoNotice() {
    rig.card(
        OTHER_CARD,
        patron("group", VALID, false, false, Optional.of(LocalDate.parse("2026-04-02"))));
    rig.session.cardScanned(OTHER_CARD);
    assertThat(rig.session.view().notice()).isEmpty();
  }

  @Test
  void rHold3_aHoldWaitingOnThisBranchsShelfIsAnnounced() {
    rig.items(
        new ItemRecord(
            "H-1",
            "Held title",
            "book",
            KioskRig.BRANCH,
            ItemStatus.ON_HOLD_SHELF,
            Set.of(),
            1,
            Optional.of(key)));
    rig.holds(new HoldRecord("H-1", key, KioskRig.BRANCH));
    rig.session.cardScanned(CARD);
    assertThat(rig.session.view().notice())
        .map(SessionView.PatronNotice::key)
        .contains("HOLD_WAITING");
    String json = rig.session.view().notice().orElseThrow().message().en();
    assertThat(json).doesNotContain("Held title");
  }

  @Test
  void anOrdinaryPatronHasNoNotice() {
    rig.session.cardScanned(CARD);
    assertThat(rig.session.view().notice()).isEmpty();
    assertThat(rig.session.view().pin()).isEmpty();
  }

  @Test
  void aMisreadAsksToScanAgain() {
    rig.session.cardMisread();
    assertThat(rig.session.view().banner()).isEqualTo(KioskMessages.CARD_UNREADABLE);
    assertThat(rig.session.view().banner().ja()).contains("もう一度");
    assertThat(rig.session.view().banner().en()).contains("again");
  }
}
