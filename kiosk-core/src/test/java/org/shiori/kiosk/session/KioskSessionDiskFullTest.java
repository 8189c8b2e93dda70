package org.shiori.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.testkit.Required;
import org.shiori.testkit.SmallFileSystem;

/**
 * The store on a 2 MiB tmpfs that fills up during a session: the item being lent when the disk is
 * full is refused with its tag still secured, every earlier loan stays recorded, and the kiosk
 * lends again once space is freed. Needs root for mount; skipped otherwise, with the reason.
 */
class KioskSessionDiskFullTest {
  private static final String CARD = "A1234567890B";
  private static final int BOOKS = 140;

  /** Room left on the disk when the session starts: a few checkouts fit, not all. */
  private static final int SLACK = 96 * 1024;

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
  void fullDiskRefusesTheCheckoutLosesNothingAndRecovers() throws Exception {
    Required.part(mountPoint != null, small.skipReason());
    try (KioskRig rig =
        new KioskRig(
            mountPoint,
            1_000,
            new OfflineGuard.Limits(5, Duration.ofHours(24), Duration.ofHours(48)))) {
      rig.items(
          IntStream.range(0, BOOKS)
              .mapToObj(i -> KioskRig.book(String.format("DF-%04d", i)))
              .toArray(ItemRecord[]::new));
      rig.card(CARD, groupPatron());
      Path ballast = mountPoint.resolve("ballast");
      fill(ballast);

      rig.session.cardScanned(CARD);
      String refused = null;
      for (int i = 0; i < BOOKS && refused == null; i++) {
        String id = String.format("DF-%04d", i);
        rig.place(id);
        ItemOutcome outcome = outcome(rig, id);
        if (outcome.result() != ItemOutcome.Result.LENT) {
          assertThat(outcome.result()).isEqualTo(ItemOutcome.Result.REFUSED);
          assertThat(outcome.reasonCode()).contains("STORAGE_FULL");
          refused = id;
        }
      }
      assertThat(refused).as("the disk filled up during the session").isNotNull();
      String full = refused;
      assertThat(rig.tag(full, 1).afi()).isEqualTo(0x07);
      List<String> lent =
          rig.session.view().outcomes().stream()
              .filter(o -> o.result() == ItemOutcome.Result.LENT)
              .map(ItemOutcome::itemId)
              .toList();
      assertThat(lent).as("loans before the disk was full").isNotEmpty();
      assertThat(rig.outbox()).extracting(e -> e.transaction().itemId()).isEqualTo(lent);
      assertThat(rig.store.find(full).orElseThrow().status()).isEqualTo(ItemStatus.AVAILABLE);

      Files.delete(ballast);
      String next = String.format("DF-%04d", BOOKS - 1);
      rig.place(next);
      assertThat(outcome(rig, next).result()).isEqualTo(ItemOutcome.Result.LENT);
      assertThat(rig.outbox()).hasSize(lent.size() + 1);
      assertThat(rig.store.integrityCheck()).isEqualTo("ok");
    }
  }

  /** A group may borrow 150 books (R-LIMIT-3), enough to fill the disk in one session. */
  private static PatronSnapshot groupPatron() {
    return new PatronSnapshot(
        new org.shiori.circulation.domain.PatronKey("0".repeat(64)),
        "group",
        LocalDate.parse("2028-03-31"),
        false,
        false,
        Map.of(),
        0,
        0,
        0,
        Optional.of(LocalDate.parse("2026-04-01")),
        KioskRig.BRANCH);
  }

  private static ItemOutcome outcome(KioskRig rig, String itemId) {
    return rig.session.view().outcomes().stream()
        .filter(o -> o.itemId().equals(itemId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcome for " + itemId));
  }

  /** Writes until the file system has no room left, then frees a little for a few loans. */
  private static void fill(Path ballast) throws IOException {
    byte[] chunk = new byte[4096];
    try (OutputStream out = Files.newOutputStream(ballast)) {
      while (true) {
        out.write(chunk);
      }
    } catch (IOException expected) {
      // ENOSPC: the disk is full now
    }
    try (RandomAccessFile file = new RandomAccessFile(ballast.toFile(), "rw")) {
      file.setLength(Math.max(0, file.length() - SLACK));
    }
  }
}
