package org.shiori.device.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shiori.device.store.StoreFixtures.NOW;
import static org.shiori.device.store.StoreFixtures.checkout;
import static org.shiori.device.store.StoreFixtures.delta;
import static org.shiori.device.store.StoreFixtures.hold;
import static org.shiori.device.store.StoreFixtures.item;
import static org.shiori.device.store.StoreFixtures.patron;
import static org.shiori.device.store.StoreFixtures.patronKey;
import static org.shiori.device.store.StoreFixtures.snapshot;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncBatch;
import org.shiori.protocol.SyncDocument;

class SyncSinkTest {
  @TempDir Path dir;
  private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
  private SqliteStore store;

  @BeforeEach
  void open() {
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    store = SqliteStore.open(dir.resolve("store.db"), 100, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void emptyStoreHasAppliedNothing() {
    for (Dataset d : Dataset.values()) {
      assertThat(store.appliedSequence(d)).isZero();
      assertThat(store.lastSyncAt(d)).isEmpty();
    }
  }

  @Test
  void chunkedSnapshotIsInvisibleUntilTheLastChunkThenReplacesTheSet() {
    store.applyItems(delta(1, List.of(item("OLD")), List.of()));
    store.applyItems(new SyncBatch<>(7, true, 0, 3, List.of(item("N1"), item("N2")), List.of()));
    store.applyItems(new SyncBatch<>(7, true, 1, 3, List.of(item("N3")), List.of()));

    assertThat(store.find("OLD")).isPresent();
    assertThat(store.find("N1")).isEmpty();
    assertThat(store.appliedSequence(Dataset.ITEMS)).isEqualTo(1);

    now.set(NOW.plus(Duration.ofHours(1)));
    store.applyItems(new SyncBatch<>(7, true, 2, 3, List.of(item("N4")), List.of()));

    assertThat(store.find("OLD")).isEmpty();
    assertThat(List.of("N1", "N2", "N3", "N4")).allMatch(id -> store.find(id).isPresent());
    assertThat(store.appliedSequence(Dataset.ITEMS)).isEqualTo(7);
    assertThat(store.lastSyncAt(Dataset.ITEMS)).contains(NOW.plus(Duration.ofHours(1)));
    assertThat(store.integrityCheck()).isEqualTo("ok");
  }

  @Test
  void snapshotChunkOutOfOrderIsRefusedAndChangesNothing() {
    store.applyItems(new SyncBatch<>(3, true, 0, 3, List.of(item("N1")), List.of()));
    assertThatThrownBy(
            () -> store.applyItems(new SyncBatch<>(3, true, 2, 3, List.of(item("N3")), List.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("chunk 1 of version 3 was expected");
    assertThatThrownBy(
            () -> store.applyItems(new SyncBatch<>(4, true, 1, 3, List.of(item("N3")), List.of())))
        .isInstanceOf(IllegalStateException.class);
    // A new snapshot may always start over.
    store.applyItems(snapshot(4, List.of(item("X"))));
    assertThat(store.find("X")).isPresent();
    assertThat(store.appliedSequence(Dataset.ITEMS)).isEqualTo(4);
  }

  @Test
  void snapshotSurvivesReopeningBetweenChunksAndKeepsIndexes() {
    store.applyItems(new SyncBatch<>(2, true, 0, 2, List.of(item("N1")), List.of()));
    store.close();
    store = SqliteStore.open(dir.resolve("store.db"), 100, StoreFixtures.CLOCK);
    ItemRecord held =
        new ItemRecord(
            "N2",
            "t",
            "book",
            "central",
            ItemStatus.ON_HOLD_SHELF,
            Set.of("reference"),
            2,
            Optional.of(patronKey(3)));
    store.applyItems(new SyncBatch<>(2, true, 1, 2, List.of(held), List.of()));
    assertThat(store.find("N2")).contains(held);
    assertThat(store.find("N1")).isPresent();
    assertThat(store.exportPatron(patronKey(3)).holds()).containsExactly(hold("N2", patronKey(3)));
  }

  @Test
  void deltaUpsertsAndDeletesAndMustFollowTheAppliedVersion() {
    store.applyItems(snapshot(5, List.of(item("A"), item("B"))));
    store.applyItems(delta(6, List.of(item("C"), item("A", "video")), List.of("B")));

    assertThat(store.find("A")).map(ItemRecord::material).contains("video");
    assertThat(store.find("B")).isEmpty();
    assertThat(store.find("C")).isPresent();
    assertThat(store.appliedSequence(Dataset.ITEMS)).isEqualTo(6);

    store.applyItems(delta(6, List.of(item("B")), List.of()));
    assertThat(store.find("B")).as("a redelivered delta is ignored").isEmpty();
    assertThatThrownBy(() -> store.applyItems(delta(8, List.of(item("B")), List.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("resync");
    assertThat(store.find("B")).isEmpty();
    assertThat(store.appliedSequence(Dataset.ITEMS)).isEqualTo(6);
  }

  @Test
  void itemsLentHereStayOnLoanWhenCentralHasNotSeenTheLoanYet() throws Exception {
    PatronKey key = patronKey(1);
    store.applyItems(snapshot(1, List.of(item("A"))));
    store.recordCheckout(checkout("A", key));
    store.applyItems(delta(2, List.of(item("A")), List.of()));
    assertThat(store.find("A")).map(ItemRecord::status).contains(ItemStatus.ON_LOAN);
    store.applyItems(snapshot(3, List.of(item("A"))));
    assertThat(store.find("A")).map(ItemRecord::status).contains(ItemStatus.ON_LOAN);
  }

  @Test
  void ledgerKeepsUpdatingTheCacheAfterSnapshotsReplacedItsTables() throws Exception {
    PatronKey key = patronKey(1);
    store.applyItems(snapshot(1, List.of(item("A"))));
    store.applyPatrons(snapshot(1, List.of(patron(key, Map.of()))));
    store.applyHolds(snapshot(1, List.of(hold("A", key))));
    store.recordCheckout(checkout("A", key));
    assertThat(store.find("A")).map(ItemRecord::status).contains(ItemStatus.ON_LOAN);
    assertThat(store.find("A").orElseThrow().holdFor()).isEmpty();
    assertThat(store.find(key).orElseThrow().loansOf("book")).isEqualTo(1);
    assertThat(store.integrityCheck()).isEqualTo("ok");
  }

  @Test
  void patronsAndHoldsSnapshotsAndDeltas() {
    PatronKey a = patronKey(1);
    PatronKey b = patronKey(2);
    store.applyPatrons(snapshot(1, List.of(patron(a, Map.of("book", 1)), patron(b, Map.of()))));
    store.applyHolds(snapshot(1, List.of(hold("X", a))));
    assertThat(store.find(a)).map(p -> p.loansOf("book")).contains(1);
    assertThat(store.exportPatron(a).holds()).containsExactly(hold("X", a));

    store.applyPatrons(delta(2, List.of(), List.of(b.value())));
    store.applyHolds(delta(2, List.of(hold("Y", b)), List.of("X")));
    assertThat(store.find(b)).isEmpty();
    assertThat(store.exportPatron(a).holds()).isEmpty();
    assertThat(store.exportPatron(b).holds()).containsExactly(hold("Y", b));
    assertThat(store.appliedSequence(Dataset.PATRONS)).isEqualTo(2);
    assertThat(store.appliedSequence(Dataset.HOLDS)).isEqualTo(2);
  }

  @Test
  void documentsKeepTheNewestVersion() {
    store.applyDocument(Dataset.POLICY, 3, "loans:\n  book: 10\n");
    store.applyDocument(Dataset.POLICY, 2, "stale");
    store.applyDocument(Dataset.CALENDAR, 1, "closed: []\n");
    assertThat(store.document(Dataset.POLICY))
        .contains(new SyncDocument(Dataset.POLICY, 3, "loans:\n  book: 10\n"));
    assertThat(store.appliedSequence(Dataset.POLICY)).isEqualTo(3);
    assertThat(store.document(Dataset.CALENDAR)).map(SyncDocument::sequence).contains(1L);
    assertThat(store.lastSyncAt(Dataset.CALENDAR)).contains(NOW);
    assertThatThrownBy(() -> store.applyDocument(Dataset.ITEMS, 1, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDocumentSnapshotResetsTheDocumentAlsoToALowerVersion() {
    store.applyDocument(Dataset.POLICY, 900, "forged");
    store.resetDocument(Dataset.POLICY, 4, "loans:\n  book: 5\n");
    assertThat(store.document(Dataset.POLICY))
        .contains(new SyncDocument(Dataset.POLICY, 4, "loans:\n  book: 5\n"));
    assertThat(store.appliedSequence(Dataset.POLICY)).isEqualTo(4);
  }

  @Test
  void markCurrentResetsTheCacheAge() {
    store.applyItems(snapshot(1, List.of(item("A"))));
    now.set(NOW.plus(Duration.ofDays(2)));
    store.markCurrent(Dataset.ITEMS);
    assertThat(store.lastSyncAt(Dataset.ITEMS)).contains(NOW.plus(Duration.ofDays(2)));
    assertThat(store.appliedSequence(Dataset.ITEMS)).isEqualTo(1);
  }
}
