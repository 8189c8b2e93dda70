package org.shiori.device.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.Transaction;
import org.shiori.protocol.Dataset;
import org.shiori.testkit.Required;
import org.shiori.testkit.SmallFileSystem;

/**
 * The database on a 2 MiB file system (tmpfs, or a loop-mounted ext4 image when tmpfs cannot be
 * mounted): checkouts until the disk is full must end in a clear {@link StorageFullException} with
 * nothing lost, and the store must work again once space is freed. Needs root for mount; skipped
 * otherwise, with the reason.
 */
class DiskFullTest {
  @TempDir static Path scratch;
  private static SmallFileSystem small;
  private static Path mountPoint;

  @BeforeAll
  static void mountSmallFileSystem() throws Exception {
    small = SmallFileSystem.mount(scratch);
    mountPoint = small.mountPoint().orElse(null);
  }

  @AfterAll
  static void unmount() throws Exception {
    small.close();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void fullDiskRefusesCleanlyKeepsEverythingAndRecoversWhenSpaceIsFreed() throws Exception {
    Required.part(mountPoint != null, small.skipReason());
    Path ballast = mountPoint.resolve("ballast");
    Files.write(ballast, new byte[512 * 1024]);
    Path db = mountPoint.resolve("store.db");
    List<Transaction> accepted = new ArrayList<>();
    String longSuffix = "-" + "X".repeat(120);

    try (SqliteStore store = SqliteStore.open(db, 1_000_000, StoreFixtures.CLOCK)) {
      StorageFullException full = null;
      for (int i = 0; i < 100_000 && full == null; i++) {
        Transaction tx =
            StoreFixtures.checkout("FILL-" + i + longSuffix, StoreFixtures.patronKey(i));
        try {
          store.recordCheckout(tx);
          accepted.add(tx);
        } catch (StorageFullException e) {
          full = e;
        }
      }
      assertThat(full).as("the disk filled up").isNotNull();
      assertThat(full).hasMessageContaining("storage full");
      assertThat(accepted.size())
          .as("checkouts accepted before the disk was full")
          .isGreaterThan(20);
      assertThat(store.integrityCheck()).isEqualTo("ok");
      assertThat(transactions(store)).as("every accepted checkout").isEqualTo(accepted);
      Transaction refused =
          StoreFixtures.checkout("REFUSED" + longSuffix, StoreFixtures.patronKey(1));
      assertThatThrownBy(() -> store.recordCheckout(refused))
          .isInstanceOf(StorageFullException.class);

      long itemsVersion = store.appliedSequence(Dataset.ITEMS);
      List<org.shiori.circulation.domain.ItemRecord> many = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        many.add(StoreFixtures.item("SYNC-" + i + longSuffix));
      }
      assertThatThrownBy(
              () -> store.applyItems(StoreFixtures.delta(itemsVersion + 1, many, List.of())))
          .isInstanceOf(StorageFullException.class);
      assertThat(store.appliedSequence(Dataset.ITEMS)).isEqualTo(itemsVersion);
      assertThat(store.find("SYNC-0" + longSuffix)).isEmpty();

      Files.delete(ballast);
      Transaction after = StoreFixtures.checkout("AFTER", StoreFixtures.patronKey(1));
      assertThat(store.recordCheckout(after).sequence()).isEqualTo(accepted.size() + 1L);
      accepted.add(after);
    }
    try (SqliteStore store = SqliteStore.open(db, 1_000_000, StoreFixtures.CLOCK)) {
      assertThat(store.integrityCheck()).isEqualTo("ok");
      assertThat(transactions(store)).as("every accepted checkout").isEqualTo(accepted);
    }
  }

  private static List<Transaction> transactions(SqliteStore store) {
    return store.unacknowledged(Integer.MAX_VALUE).stream().map(OutboxEntry::transaction).toList();
  }

  /** Runs commands in order; null when all succeeded, else what failed. */
}
