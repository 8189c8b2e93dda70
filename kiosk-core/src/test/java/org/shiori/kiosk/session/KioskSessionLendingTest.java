package org.shiori.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.LenderInstructions;
import org.shiori.circulation.domain.ReturnRoute;

/**
 * Items central sends with a lending library, lending branch or lender instructions: synced into
 * the SQLite store, read back by the session, decided by the shipped rules (R-ILL-2, R-ILL-3,
 * R-GROUP-3).
 */
class KioskSessionLendingTest {
  private static final String CARD = "A1234567890B";

  @TempDir Path dir;
  private KioskRig rig;

  @BeforeEach
  void open() {
    rig = new KioskRig(dir);
    rig.card(CARD);
  }

  @AfterEach
  void close() {
    rig.close();
  }

  private ItemOutcome outcome(String itemId) {
    return rig.session.view().outcomes().stream()
        .filter(o -> o.itemId().equals(itemId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcome for " + itemId));
  }

  private static ItemRecord onLoan(String id, Set<String> flags) {
    return new ItemRecord(
        id, "Title " + id, "book", KioskRig.BRANCH, ItemStatus.ON_LOAN, flags, 1, Optional.empty());
  }

  private static ItemRecord illBook(String id, LenderInstructions instructions) {
    return KioskRig.item(id, "book", Set.of("ill-other"), 1)
        .withLendingLibrary("ehime-pref", instructions);
  }

  @Test
  void returnedInterlibraryLoanGoesToTheLendingLibraryBin() {
    rig.items(
        onLoan("ILL-1", Set.of("ill-other"))
            .withLendingLibrary("ehime-pref", LenderInstructions.NONE));

    rig.place("ILL-1");

    ItemOutcome returned = outcome("ILL-1");
    assertThat(returned.result()).isEqualTo(ItemOutcome.Result.RETURNED);
    assertThat(returned.bin()).contains(ReturnRoute.Bin.LENDING_LIBRARY);
  }

  @Test
  void returnedGroupLoanOfAnotherBranchGoesToTheOtherBranchBin() {
    rig.items(onLoan("G-1", Set.of()).withLendingBranch("mitsuhama"));

    rig.place("G-1");

    ItemOutcome returned = outcome("G-1");
    assertThat(returned.result()).isEqualTo(ItemOutcome.Result.RETURNED);
    assertThat(returned.bin()).contains(ReturnRoute.Bin.OTHER_BRANCH);
  }

  @Test
  void rIll3_inLibraryOnlyInstructionRefusesTheLoan() {
    rig.items(illBook("ILO-1", new LenderInstructions(Optional.empty(), Optional.empty(), true)));
    rig.session.cardScanned(CARD);

    rig.place("ILO-1");

    ItemOutcome refused = outcome("ILO-1");
    assertThat(refused.result()).isEqualTo(ItemOutcome.Result.REFUSED);
    assertThat(refused.reasonCode()).contains("IN_LIBRARY_ONLY");
    assertThat(rig.outbox()).isEmpty();
  }

  @Test
  void rIll3_lendingLibrarysDueDateReplacesTheLocalPeriod() {
    // The local ILL rule would lend for two weeks, until 2026-12-04.
    LocalDate lenderDue = LocalDate.parse("2026-11-25");
    rig.items(
        illBook("DUE-1", new LenderInstructions(Optional.of(lenderDue), Optional.empty(), false)));
    rig.session.cardScanned(CARD);

    rig.place("DUE-1");

    ItemOutcome lent = outcome("DUE-1");
    assertThat(lent.result()).isEqualTo(ItemOutcome.Result.LENT);
    assertThat(lent.dueDate()).contains(lenderDue);
    assertThat(rig.outbox().get(0).transaction().dueDate()).contains(lenderDue);
  }

  @Test
  void rIll3_lendingLibrarysDueDateOnAClosedDayMovesToTheOpenDayBefore() {
    // 2026-11-27 is central's November inventory day (R-CAL-2): never due later than the lender
    // set.
    rig.items(
        illBook(
            "DUE-2",
            new LenderInstructions(
                Optional.of(LocalDate.parse("2026-11-27")), Optional.empty(), false)));
    rig.session.cardScanned(CARD);

    rig.place("DUE-2");

    assertThat(outcome("DUE-2").dueDate()).contains(LocalDate.parse("2026-11-26"));
  }

  @Test
  void rIll3_lendingLibrarysPeriodReplacesTheLocalPeriod() {
    rig.items(
        illBook(
            "PER-1",
            new LenderInstructions(Optional.empty(), Optional.of(Period.ofDays(5)), false)));
    rig.session.cardScanned(CARD);

    rig.place("PER-1");

    ItemOutcome lent = outcome("PER-1");
    assertThat(lent.result()).isEqualTo(ItemOutcome.Result.LENT);
    // Five days from Friday 2026-11-20, an open Wednesday; the local rule would give 2026-12-04.
    assertThat(lent.dueDate()).contains(LocalDate.parse("2026-11-25"));
  }
}
