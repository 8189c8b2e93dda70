package org.shiori.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.ReturnRoute;
import org.shiori.circulation.domain.TransactionType;
import org.shiori.circulation.policy.ShippedPolicies;
import org.shiori.config.SessionSettings;

/**
 * Whole sets in both directions (R-PART-1, R-LIMIT-5): a part arriving after its set was lent is
 * released; missing parts are shown; a set is never half-returned; no part is ever released without
 * a loan.
 */
class KioskSessionSetTest {
  private static final String CARD = "A1234567890B";
  private static final int RELEASED = KioskRig.SECURITY.releasedAfi();
  private static final int SECURED = KioskRig.SECURITY.securedAfi();

  @TempDir Path dir;
  private KioskRig rig;

  @AfterEach
  void close() {
    if (rig != null) {
      rig.close();
    }
  }

  private void start(SessionSettings.IncompleteSetReturn policy) {
    SessionSettings d = SessionSettings.DEFAULT;
    rig =
        new KioskRig(
            dir,
            new SessionSettings(
                d.idleSeconds(),
                d.extendSeconds(),
                d.abandonSeconds(),
                d.returnClearSeconds(),
                policy),
            ShippedPolicies.load("matsuyama", KioskRig.TOKYO),
            PinService.unavailable());
    rig.card(CARD);
  }

  private ItemOutcome outcome(String itemId) {
    return rig.session.view().outcomes().stream()
        .filter(o -> o.itemId().equals(itemId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcome for " + itemId));
  }

  private long count(TransactionType type) {
    return rig.outbox().stream().filter(e -> e.transaction().type() == type).count();
  }

  private static ItemRecord onLoan(ItemRecord item) {
    return item.withStatus(ItemStatus.ON_LOAN);
  }

  @Test
  void rLimit5_aLargePrintSetIsLentInPartsOnlyOnRequestAndWholeWhenAllPartsArrive() {
    start(SessionSettings.IncompleteSetReturn.WAIT);
    rig.items(KioskRig.item("L-1", "large-print", Set.of(), 3));
    rig.session.cardScanned(CARD);

    // 大活字本要領 Art. 5(2): volumes are lent separately only on the patron's request, so two of
    // three parts are not lent silently; nothing is released and nothing is recorded.
    rig.placeParts("L-1/1", "L-1/2");
    ItemOutcome partial = outcome("L-1");
    assertThat(partial.result()).isNotEqualTo(ItemOutcome.Result.LENT);
    assertThat(partial.reasonCode()).contains("PARTS_ON_REQUEST");
    assertThat(partial.partsLabel()).map(m -> m.ja()).contains("3巻中2巻");
    assertThat(partial.partsLabel()).map(m -> m.en()).contains("2 of 3 parts");
    for (int part = 1; part <= 3; part++) {
      assertThat(rig.tag("L-1", part).afi()).as("part %d", part).isEqualTo(SECURED);
    }
    assertThat(count(TransactionType.CHECKOUT)).isZero();

    // The patron takes the two volumes back and comes again with the whole set.
    rig.clearPad();
    rig.session.finish();
    rig.session.cardScanned(CARD);
    rig.placeParts("L-1/1", "L-1/2", "L-1/3");
    ItemOutcome whole = outcome("L-1");
    assertThat(whole.result()).as(whole.toString()).isEqualTo(ItemOutcome.Result.LENT);
    assertThat(whole.partsPresent()).isEqualTo(3);
    assertThat(whole.partsLabel()).map(m -> m.ja()).contains("3巻中3巻");
    for (int part = 1; part <= 3; part++) {
      assertThat(rig.tag("L-1", part).afi()).as("part %d", part).isEqualTo(RELEASED);
    }
    assertThat(count(TransactionType.CHECKOUT)).as("one loan for the whole set").isEqualTo(1);
  }

  @Test
  void rPart1_aSetThatMustBeWholeShowsWhichPartsAreThere() {
    start(SessionSettings.IncompleteSetReturn.WAIT);
    rig.items(KioskRig.item("S-1", "audio", Set.of(), 3));
    rig.session.cardScanned(CARD);

    rig.placeParts("S-1/1", "S-1/3");
    assertThat(outcome("S-1").reasonCode()).contains("PART_MISSING");
    assertThat(outcome("S-1").partsLabel()).map(m -> m.ja()).contains("3巻中2巻");
    assertThat(rig.outbox()).isEmpty();
    assertThat(rig.tag("S-1", 1).afi()).isEqualTo(SECURED);
  }

  @Test
  void rPart1_aSetReturnedWithPartsMissingWaitsAndIsReturnedWhole() {
    start(SessionSettings.IncompleteSetReturn.WAIT);
    rig.items(onLoan(KioskRig.item("L-1", "large-print", Set.of(), 3)));

    rig.placeParts("L-1/1");
    ItemOutcome waiting = outcome("L-1");
    assertThat(waiting.result()).isEqualTo(ItemOutcome.Result.WAITING_FOR_PARTS);
    assertThat(waiting.partsLabel()).map(m -> m.ja()).contains("3巻中1巻");
    assertThat(waiting.message()).isEqualTo(KioskMessages.SET_RETURN_WAITING);
    assertThat(count(TransactionType.RETURN)).as("never half-returned").isZero();
    assertThat(rig.store.find("L-1").orElseThrow().status()).isEqualTo(ItemStatus.ON_LOAN);
    assertThat(rig.tag("L-1", 1).afi()).as("still on loan").isEqualTo(RELEASED);

    rig.placeParts("L-1/1", "L-1/2", "L-1/3");
    ItemOutcome returned = outcome("L-1");
    assertThat(returned.result()).isEqualTo(ItemOutcome.Result.RETURNED);
    assertThat(count(TransactionType.RETURN)).isEqualTo(1);
    for (int part = 1; part <= 3; part++) {
      assertThat(rig.tag("L-1", part).afi()).as("part %d", part).isEqualTo(SECURED);
    }
  }

  @Test
  void rPart1_aSetReturnedWithPartsMissingGoesToStaffWithItsPartsSecured() {
    start(SessionSettings.IncompleteSetReturn.STAFF);
    rig.items(onLoan(KioskRig.item("L-1", "large-print", Set.of(), 3)));

    rig.placeParts("L-1/1", "L-1/2");
    ItemOutcome staff = outcome("L-1");
    assertThat(staff.result()).isEqualTo(ItemOutcome.Result.NEEDS_STAFF);
    assertThat(staff.bin()).contains(ReturnRoute.Bin.STAFF);
    assertThat(staff.reasonCode()).contains("PART_MISSING");
    assertThat(staff.message()).isEqualTo(KioskMessages.SET_RETURN_STAFF);
    assertThat(rig.tag("L-1", 1).afi()).isEqualTo(SECURED);
    assertThat(rig.tag("L-1", 2).afi()).isEqualTo(SECURED);
    assertThat(count(TransactionType.RETURN)).as("still on loan: staff checks it in").isZero();
    assertThat(rig.store.find("L-1").orElseThrow().status()).isEqualTo(ItemStatus.ON_LOAN);
  }

  @Test
  void noPartIsEverReleasedWithoutALoan() {
    start(SessionSettings.IncompleteSetReturn.WAIT);
    rig.items(KioskRig.item("L-1", "large-print", Set.of(), 3));

    rig.placeParts("L-1/1", "L-1/2"); // in return mode: not on loan, nothing released
    assertThat(outcome("L-1").reasonCode()).contains("NOT_ON_LOAN");
    for (int part = 1; part <= 3; part++) {
      assertThat(rig.tag("L-1", part).afi()).isEqualTo(SECURED);
    }
    assertThat(rig.outbox()).isEmpty();
    assertThat(Optional.of(rig.store.find("L-1").orElseThrow().status()))
        .contains(ItemStatus.AVAILABLE);
  }
}
