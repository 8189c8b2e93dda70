package org.shiori.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.kiosk.session.SessionView.LoansState;
import org.shiori.kiosk.session.SessionView.Renewal;
import org.shiori.protocol.LoanList;
import org.shiori.protocol.PatronProof;
import org.shiori.protocol.RenewalAnswer;

/**
 * My loans and renewals on the real session, store and rules: what the kiosk sends as proof, what
 * it keeps (nothing after the session), and an own loan on the pad. Central's answers come from a
 * stand-in here; the round trip through Mosquitto to the real central is in the demo's {@code
 * MyLoansBrowserTest}, central's checks in {@code PatronLoansOverMqttTest}.
 */
class KioskSessionLoansTest {
  private static final String CARD = "A1234567890B";
  private static final LocalDate DUE = LocalDate.of(2026, 12, 1);
  private static final LocalDate RENEWED = LocalDate.of(2026, 12, 15);

  @TempDir Path dir;
  private final List<String> asked = new ArrayList<>();
  private final List<PatronProof> proofs = new ArrayList<>();
  private boolean centralAnswers = true;
  private KioskRig rig;
  private PatronKey key;

  /** Central as far as the session sees it: the patron has one book on loan, renewable once. */
  private final LoanQueries central =
      new LoanQueries() {
        @Override
        public CompletableFuture<LoanList> loans(PatronKey patron, PatronProof proof) {
          asked.add("loans");
          proofs.add(proof);
          if (!centralAnswers) {
            return CompletableFuture.failedFuture(new java.util.concurrent.TimeoutException());
          }
          return CompletableFuture.completedFuture(
              LoanList.of(List.of(new LoanList.Loan("B-OWN", "Title B-OWN", DUE))));
        }

        @Override
        public CompletableFuture<RenewalAnswer> renew(
            PatronKey patron, PatronProof proof, String itemId) {
          asked.add("renew " + itemId);
          proofs.add(proof);
          return CompletableFuture.completedFuture(
              asked.stream().filter(a -> a.startsWith("renew")).count() == 1
                  ? RenewalAnswer.renewed(itemId, RENEWED)
                  : RenewalAnswer.refused(itemId, "RENEWAL_LIMIT"));
        }
      };

  @BeforeEach
  void open() {
    rig = new KioskRig(dir, central);
    key = rig.card(CARD);
    rig.items(onLoan("B-OWN"), onLoan("B-ELSE"), KioskRig.book("B-NEW"));
  }

  @AfterEach
  void close() {
    rig.close();
  }

  private static ItemRecord onLoan(String id) {
    return new ItemRecord(
        id,
        "Title " + id,
        "book",
        KioskRig.BRANCH,
        ItemStatus.ON_LOAN,
        Set.of(),
        1,
        Optional.empty());
  }

  private ItemOutcome outcome(String itemId) {
    return rig.session.view().outcomes().stream()
        .filter(o -> o.itemId().equals(itemId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcome for " + itemId));
  }

  @Test
  void nothingIsAskedUntilThePatronPressesMyLoansAndTheCardIsTheProof() {
    rig.session.cardScanned(CARD);
    assertThat(asked).isEmpty();
    assertThat(rig.session.view().myLoans()).isEmpty();

    rig.session.showMyLoans();
    SessionView.MyLoans shown = rig.session.view().myLoans().orElseThrow();
    assertThat(shown.state()).isEqualTo(LoansState.SHOWN);
    assertThat(shown.loans()).extracting(SessionView.LoanLine::itemId).containsExactly("B-OWN");
    assertThat(proofs).containsExactly(PatronProof.card(CARD));

    rig.session.renew("B-OWN");
    assertThat(rig.session.view().myLoans().orElseThrow().loans().get(0))
        .isEqualTo(
            new SessionView.LoanLine(
                "B-OWN", "Title B-OWN", RENEWED, Renewal.RENEWED, Optional.empty()));
    // Renewed already: a second press is not sent; an item central did not list is never asked.
    rig.session.renew("B-OWN");
    rig.session.renew("B-ELSE");
    assertThat(asked).containsExactly("loans", "renew B-OWN");
  }

  @Test
  void theSessionsEndForgetsTheLoansAndTheCard() {
    rig.session.cardScanned(CARD);
    rig.session.showMyLoans();
    assertThat(rig.session.view().myLoans()).isPresent();
    rig.session.finish();
    assertThat(rig.session.view().myLoans()).isEmpty();

    // The next patron's session starts from nothing: the list is asked again, with their card.
    rig.card("A9999999999B");
    rig.session.cardScanned("A9999999999B");
    rig.session.renew("B-OWN"); // listed in the previous session only: ignored
    assertThat(asked).containsExactly("loans");
    rig.session.showMyLoans();
    assertThat(proofs.get(proofs.size() - 1)).isEqualTo(PatronProof.card("A9999999999B"));
    assertThat(rig.store.exportPatron(key).toString()).doesNotContain("B-OWN");
  }

  @Test
  void anOwnLoanOnThePadOffersRenewalAndAnotherOnLoanIsRefusedAsBefore() {
    rig.session.cardScanned(CARD);
    rig.place("B-OWN", "B-ELSE", "B-NEW");
    assertThat(outcome("B-OWN").result()).isEqualTo(ItemOutcome.Result.OWN_LOAN);
    assertThat(outcome("B-OWN").dueDate()).contains(DUE);
    assertThat(outcome("B-ELSE").result()).isEqualTo(ItemOutcome.Result.REFUSED);
    assertThat(outcome("B-ELSE").reasonCode()).contains("ITEM_UNAVAILABLE");
    assertThat(outcome("B-NEW").result()).isEqualTo(ItemOutcome.Result.LENT);
    assertThat(asked).containsExactly("loans"); // once for the session, not per item

    rig.session.renew("B-OWN");
    assertThat(outcome("B-OWN").result()).isEqualTo(ItemOutcome.Result.RENEWED);
    assertThat(outcome("B-OWN").dueDate()).contains(RENEWED);
    assertThat(rig.outbox()).extracting(e -> e.transaction().itemId()).containsExactly("B-NEW");
  }

  @Test
  void offlineOrWithoutAnAnswerNothingIsOfferedAndTheRulesDecide() {
    rig.connectivity.lostAt(KioskRig.START);
    rig.session.cardScanned(CARD);
    rig.session.showMyLoans();
    assertThat(rig.session.view().myLoans().orElseThrow().state()).isEqualTo(LoansState.OFFLINE);
    rig.place("B-OWN");
    assertThat(outcome("B-OWN").result()).isEqualTo(ItemOutcome.Result.REFUSED);
    assertThat(asked).isEmpty();

    rig.connectivity.restored();
    centralAnswers = false;
    rig.session.finish();
    rig.clearPad();
    rig.session.cardScanned(CARD);
    rig.place("B-OWN");
    assertThat(outcome("B-OWN").result()).isEqualTo(ItemOutcome.Result.REFUSED);
    rig.session.showMyLoans();
    assertThat(rig.session.view().myLoans().orElseThrow().state()).isEqualTo(LoansState.FAILED);
  }
}
