package org.shiori.device.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shiori.device.store.StoreFixtures.CLOCK;
import static org.shiori.device.store.StoreFixtures.NOW;
import static org.shiori.device.store.StoreFixtures.checkout;
import static org.shiori.device.store.StoreFixtures.delta;
import static org.shiori.device.store.StoreFixtures.giveBack;
import static org.shiori.device.store.StoreFixtures.item;
import static org.shiori.device.store.StoreFixtures.patron;
import static org.shiori.device.store.StoreFixtures.patronKey;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.TransactionType;

class OutboxTest {
  @TempDir Path dir;
  private SqliteStore store;
  private final PatronKey alice = patronKey(7);

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir.resolve("store.db"), 100, CLOCK);
    store.applyItems(delta(1, List.of(item("A"), item("B"), item("C")), List.of()));
    store.applyPatrons(delta(1, List.of(patron(alice, Map.of())), List.of()));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void unacknowledgedIsAscendingAndLimited() throws Exception {
    store.recordCheckout(checkout("A", alice));
    store.recordCheckout(checkout("B", alice));
    store.recordReturn(giveBack("A"));
    assertThat(store.unacknowledged(2)).extracting(OutboxEntry::sequence).containsExactly(1L, 2L);
    assertThat(store.unacknowledged(0)).isEmpty();
    assertThatThrownBy(() -> store.unacknowledged(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void markPublishedFlagsOnlyThatEntry() throws Exception {
    store.recordCheckout(checkout("A", alice));
    store.recordCheckout(checkout("B", alice));
    store.markPublished(2);
    assertThat(store.unacknowledged(10))
        .extracting(OutboxEntry::published)
        .containsExactly(false, true);
  }

  @Test
  void acknowledgeDeletesTheEntryAndIgnoresUnknownIds() throws Exception {
    OutboxEntry a = store.recordCheckout(checkout("A", alice));
    OutboxEntry b = store.recordReturn(giveBack("B"));
    assertThat(store.pendingCount()).isEqualTo(2);

    assertThat(store.acknowledge(a.transaction().id())).isTrue();
    assertThat(store.acknowledge(a.transaction().id())).isFalse();
    assertThat(store.acknowledge(UUID.randomUUID())).isFalse();
    assertThat(store.unacknowledged(10)).containsExactly(b);
    assertThat(store.pendingCount()).isEqualTo(1);
  }

  @Test
  void acknowledgedLoanStillCountsUntilCentralSyncsThePatron_R_LIMIT_7() throws Exception {
    OutboxEntry a = store.recordCheckout(checkout("A", alice));
    store.acknowledge(a.transaction().id());
    assertThat(store.find(alice).orElseThrow().loansOf("book")).isEqualTo(1);

    store.applyPatrons(delta(2, List.of(patron(alice, Map.of("book", 1))), List.of()));
    assertThat(store.find(alice).orElseThrow().loansOf("book")).isEqualTo(1);
    assertThat(store.exportPatron(alice).localLoans()).isEmpty();
  }

  @Test
  void unacknowledgedLoanIsNotDroppedByAPatronSync() throws Exception {
    store.recordCheckout(checkout("A", alice));
    store.applyPatrons(delta(2, List.of(patron(alice, Map.of())), List.of()));
    assertThat(store.find(alice).orElseThrow().loansOf("book")).isEqualTo(1);
  }

  @Test
  void rejectMovesTheEntryToRejectionsWithoutThePatron() throws Exception {
    OutboxEntry a = store.recordCheckout(checkout("A", alice));
    OutboxEntry b = store.recordReturn(giveBack("C"));

    assertThat(store.reject(a.transaction().id(), "PATRON_BLOCKED")).isTrue();
    assertThat(store.reject(a.transaction().id(), "PATRON_BLOCKED")).isFalse();
    assertThat(store.unacknowledged(10)).containsExactly(b);
    assertThat(store.rejections())
        .containsExactly(
            new Rejection(
                1,
                a.transaction().id(),
                TransactionType.CHECKOUT,
                "A",
                "PATRON_BLOCKED",
                NOW,
                NOW));
    assertThat(store.find(alice).orElseThrow().loansOf("book")).isZero();
    assertThat(store.exportPatron(alice).isEmpty()).isFalse();
    assertThat(store.exportPatron(alice).pendingTransactions()).isEmpty();

    assertThat(store.resolveRejection(1)).isTrue();
    assertThat(store.rejections()).isEmpty();
    assertThatThrownBy(() -> store.reject(b.transaction().id(), " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
