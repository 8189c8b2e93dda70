package org.shiori.device.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the kiosk in the middle of checkouts: every checkout the patron was told about
 * survives, the numbering stays gap-free and the file stays sound. That central then receives them
 * all is {@code CrashedKioskDeliveryTest}'s concern.
 */
class CrashRecoveryTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void killedMidCheckoutLosesNoAcknowledgedTransaction() throws Exception {
    new KioskCrashTrials(dir.resolve("store.db"), dir, 20261121L).run(this::checkOutbox);
  }

  private void checkOutbox(int trial, List<Long> acknowledgedToPatrons) {
    try (SqliteStore store =
        SqliteStore.open(dir.resolve("store.db"), 1_000_000, StoreFixtures.CLOCK)) {
      assertThat(store.integrityCheck()).as("trial %d", trial).isEqualTo("ok");
      List<Long> present =
          store.unacknowledged(Integer.MAX_VALUE).stream().map(OutboxEntry::sequence).toList();
      long last = present.isEmpty() ? 0 : present.get(present.size() - 1);
      assertThat(present)
          .as("trial %d: gap-free from 1", trial)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
      assertThat(present).as("trial %d", trial).containsAll(acknowledgedToPatrons);
      // At most the one checkout that committed as the process died was not yet announced.
      assertThat(last - acknowledgedToPatrons.size()).isBetween(0L, (long) trial + 1);
    }
  }
}
