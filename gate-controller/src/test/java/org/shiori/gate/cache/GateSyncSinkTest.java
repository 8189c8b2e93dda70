package org.shiori.gate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.LenderInstructions;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.device.store.SqliteStore;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncBatch;

/** P-MIN-1: what sync leaves in the gate's database file, byte for byte. */
class GateSyncSinkTest {
  private static final PatronKey PATRON = new PatronKey("fedcba9876543210fedcba9876543210");

  @TempDir Path dir;

  private static <T> SyncBatch<T> snapshot(long seq, List<T> rows) {
    return new SyncBatch<>(seq, true, 0, 1, rows, List.of());
  }

  @Test
  void itemsAreKeptWithoutTheHolderAndPatronDataNeverReachesTheFile() throws Exception {
    Path file = dir.resolve("gate.db");
    try (SqliteStore store = SqliteStore.open(file, 100, Clock.systemUTC())) {
      GateSyncSink sink = new GateSyncSink(store);
      sink.applyItems(
          snapshot(
              3,
              List.of(
                  new ItemRecord(
                      "ITEM-H",
                      "Held title",
                      "book",
                      "central",
                      ItemStatus.ON_HOLD_SHELF,
                      Set.of(),
                      1,
                      Optional.of(PATRON)))));
      sink.applyPatrons(
          snapshot(
              7,
              List.of(
                  new PatronSnapshot(
                      PATRON,
                      "individual",
                      LocalDate.of(2030, 3, 31),
                      false,
                      false,
                      Map.of("book", 2),
                      0,
                      0,
                      1,
                      Optional.empty(),
                      "central"))));
      sink.applyHolds(snapshot(5, List.of(new HoldRecord("ITEM-H", PATRON, "central"))));
      sink.applyDocument(Dataset.POLICY, 2, "rules: []");

      assertThat(store.find("ITEM-H"))
          .hasValueSatisfying(
              i -> {
                assertThat(i.status()).isEqualTo(ItemStatus.ON_HOLD_SHELF);
                assertThat(i.title()).isEqualTo("Held title");
                assertThat(i.holdFor()).isEmpty();
              });
      assertThat(store.find(PATRON)).isEmpty();
      assertThat(sink.appliedSequence(Dataset.ITEMS)).isEqualTo(3);
      assertThat(sink.appliedSequence(Dataset.PATRONS)).isEqualTo(7);
      assertThat(sink.appliedSequence(Dataset.HOLDS)).isEqualTo(5);
      assertThat(sink.appliedSequence(Dataset.POLICY)).isEqualTo(2);
      assertThat(sink.appliedSequence(Dataset.CALENDAR)).isZero();
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(f.toString()).doesNotContain(PATRON.value());
      }
    }
  }

  @Test
  void itemsKeepTheirLendingLibraryBranchAndInstructionsWithoutTheHolder() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("gate.db"), 100, Clock.systemUTC())) {
      GateSyncSink sink = new GateSyncSink(store);
      LenderInstructions instructions =
          new LenderInstructions(Optional.of(LocalDate.of(2027, 7, 31)), Optional.empty(), true);
      ItemRecord ill =
          new ItemRecord(
                  "ITEM-ILL",
                  "Borrowed title",
                  "book",
                  "central",
                  ItemStatus.ON_HOLD_SHELF,
                  Set.of("ill-other"),
                  1,
                  Optional.of(PATRON))
              .withLendingLibrary("ehime-pref", instructions)
              .withLendingBranch("hojo");

      sink.applyItems(new SyncBatch<>(1, false, 0, 1, List.of(ill), List.of()));

      assertThat(store.find("ITEM-ILL"))
          .hasValueSatisfying(
              i -> {
                assertThat(i.holdFor()).isEmpty();
                assertThat(i.lendingLibrary()).contains("ehime-pref");
                assertThat(i.lendingBranch()).contains("hojo");
                assertThat(i.lenderInstructions()).isEqualTo(instructions);
              });
    }
  }

  @Test
  void anIncompleteSnapshotOfADroppedDataSetIsNotAcknowledged() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("gate.db"), 100, Clock.systemUTC())) {
      GateSyncSink sink = new GateSyncSink(store);
      sink.applyHolds(new SyncBatch<>(4, true, 0, 2, List.of(), List.of()));
      assertThat(sink.appliedSequence(Dataset.HOLDS)).isZero();
      sink.applyHolds(new SyncBatch<>(4, true, 1, 2, List.of(), List.of()));
      assertThat(sink.appliedSequence(Dataset.HOLDS)).isEqualTo(4);
    }
  }
}
