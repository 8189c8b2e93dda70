package org.shiori.device.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shiori.device.store.StoreFixtures.CLOCK;
import static org.shiori.device.store.StoreFixtures.checkout;
import static org.shiori.device.store.StoreFixtures.delta;
import static org.shiori.device.store.StoreFixtures.giveBack;
import static org.shiori.device.store.StoreFixtures.hold;
import static org.shiori.device.store.StoreFixtures.item;
import static org.shiori.device.store.StoreFixtures.patron;
import static org.shiori.device.store.StoreFixtures.patronKey;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.Transaction;
import org.shiori.circulation.domain.TransactionType;

class CirculationLedgerTest {
  @TempDir Path dir;
  private SqliteStore store;
  private final PatronKey alice = patronKey(1);
  private final PatronKey bob = patronKey(2);

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir.resolve("data/store.db"), 5, CLOCK);
    store.applyItems(
        delta(1, List.of(item("I1"), item("I2"), item("V1", "video"), item("I3")), List.of()));
    store.applyPatrons(
        delta(1, List.of(patron(alice, Map.of("book", 2)), patron(bob, Map.of())), List.of()));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void checkoutCommitsOutboxRowItemStatusAndLocalLoan_R_LIMIT_7() throws Exception {
    Transaction tx = checkout("I1", alice);
    OutboxEntry entry = store.recordCheckout(tx);

    assertThat(entry).isEqualTo(new OutboxEntry(1, tx, false));
    assertThat(store.unacknowledged(10)).containsExactly(entry);
    assertThat(store.find("I1")).map(ItemRecord::status).contains(ItemStatus.ON_LOAN);
    store.recordCheckout(checkout("V1", alice));
    assertThat(store.find(alice).orElseThrow().loansByMaterial())
        .isEqualTo(Map.of("book", 3, "video", 1));
    assertThat(store.find(bob).orElseThrow().loansByMaterial()).isEmpty();
  }

  @Test
  void sequenceNumbersAreGapFreeFromOneAndNeverReusedAfterAcknowledgement() throws Exception {
    OutboxEntry first = store.recordCheckout(checkout("I1", alice));
    OutboxEntry second = store.recordReturn(giveBack("I1"));
    assertThat(store.acknowledge(first.transaction().id())).isTrue();
    assertThat(store.acknowledge(second.transaction().id())).isTrue();
    assertThat(store.pendingCount()).isZero();

    OutboxEntry third = store.recordCheckout(checkout("I2", bob));
    assertThat(List.of(first.sequence(), second.sequence(), third.sequence()))
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void sequenceSurvivesReopening() throws Exception {
    store.recordCheckout(checkout("I1", alice));
    store.close();
    store = SqliteStore.open(dir.resolve("data/store.db"), 5, CLOCK);
    assertThat(store.recordReturn(giveBack("I1")).sequence()).isEqualTo(2);
    assertThat(store.unacknowledged(10)).hasSize(2);
  }

  @Test
  void numbersOfAcknowledgedEntriesAreNotReusedAfterReopeningAnEmptyOutbox() throws Exception {
    OutboxEntry a = store.recordCheckout(checkout("I1", alice));
    OutboxEntry b = store.recordCheckout(checkout("I2", alice));
    store.acknowledge(b.transaction().id());
    store.reject(a.transaction().id(), "PATRON_BLOCKED");
    assertThat(store.pendingCount()).isZero();
    store.close();
    store = SqliteStore.open(dir.resolve("data/store.db"), 5, CLOCK);
    assertThat(store.pendingCount()).isZero();
    assertThat(store.recordReturn(giveBack("I2")).sequence()).isEqualTo(3);
    assertThat(store.pendingCount()).isEqualTo(1);
  }

  @Test
  void returnErasesTheLocalLoanAndFreesTheItem_P_ERASE_1() throws Exception {
    store.recordCheckout(checkout("I1", alice));
    OutboxEntry back = store.recordReturn(giveBack("I1"));

    assertThat(back.transaction().patron()).isEmpty();
    assertThat(store.find("I1")).map(ItemRecord::status).contains(ItemStatus.AVAILABLE);
    assertThat(store.find(alice).orElseThrow().loansByMaterial()).isEqualTo(Map.of("book", 2));
    assertThat(store.exportPatron(alice).localLoans()).isEmpty();
  }

  @Test
  void lendingAHeldItemErasesTheHold_P_ERASE_2() throws Exception {
    store.applyHolds(delta(1, List.of(hold("I2", alice), hold("I3", bob)), List.of()));
    assertThat(store.find("I2").orElseThrow().holdFor()).contains(alice);

    store.recordCheckout(checkout("I2", alice));

    assertThat(store.find("I2").orElseThrow().holdFor()).isEmpty();
    assertThat(store.exportPatron(alice).holds()).isEmpty();
    assertThat(store.exportPatron(bob).holds()).containsExactly(hold("I3", bob));
  }

  @Test
  void lendingAnItemHeldForSomeoneElseKeepsTheirHold() throws Exception {
    store.applyHolds(delta(1, List.of(hold("I2", bob)), List.of()));
    store.recordCheckout(checkout("I2", alice));
    assertThat(store.find("I2").orElseThrow().holdFor()).contains(bob);
  }

  @Test
  void fullOutboxRefusesAndDropsNothing() throws Exception {
    for (int i = 0; i < 5; i++) {
      store.recordReturn(giveBack("I" + i));
    }
    assertThatThrownBy(() -> store.recordCheckout(checkout("I1", alice)))
        .isInstanceOf(OutboxFullException.class)
        .hasMessageContaining("capacity 5");
    assertThat(store.pendingCount()).isEqualTo(5);
    assertThat(store.find("I1")).map(ItemRecord::status).contains(ItemStatus.AVAILABLE);
    assertThat(store.unacknowledged(10))
        .extracting(OutboxEntry::sequence)
        .containsExactly(1L, 2L, 3L, 4L, 5L);

    store.acknowledge(store.unacknowledged(1).get(0).transaction().id());
    assertThat(store.recordCheckout(checkout("I1", alice)).sequence()).isEqualTo(6);
  }

  @Test
  void unknownItemsAreStillRecorded() throws Exception {
    OutboxEntry entry = store.recordCheckout(checkout("NOT-IN-CACHE", alice));
    assertThat(entry.sequence()).isEqualTo(1);
    assertThat(store.find("NOT-IN-CACHE")).isEmpty();
  }

  @Test
  void wrongTransactionTypeIsRefused() {
    assertThatThrownBy(() -> store.recordCheckout(giveBack("I1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.recordReturn(checkout("I1", alice)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.pendingCount()).isZero();
  }

  @Test
  void entriesRoundTripEveryField() throws Exception {
    Transaction out = checkout("I1", alice);
    Transaction back = giveBack("I1");
    store.recordCheckout(out);
    store.recordReturn(back);
    List<OutboxEntry> entries = store.unacknowledged(10);
    assertThat(entries.get(0).transaction()).isEqualTo(out);
    assertThat(entries.get(1).transaction()).isEqualTo(back);
    assertThat(entries.get(1).transaction().type()).isEqualTo(TransactionType.RETURN);
    assertThat(entries.get(1).transaction().dueDate()).isEqualTo(Optional.empty());
    assertThat(store.integrityCheck()).isEqualTo("ok");
  }
}
