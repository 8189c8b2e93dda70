package org.shiori.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.testkit.Conditions.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.device.store.KioskCrashTrials;
import org.shiori.device.store.OutboxEntry;
import org.shiori.device.store.SqliteStore;
import org.shiori.device.store.StoreFixtures;
import org.shiori.device.testing.MessagingRig;
import org.shiori.device.testing.ReceivedTransaction;

/**
 * Issue 5 end to end: after the kiosk was killed with SIGKILL at random points of 20 runs of 1,000
 * checkouts on one database, what survives in the outbox reaches central through a real Mosquitto
 * and the real {@link OutboxPublisher}: every checkout a patron was told about is delivered once,
 * numbered gap-free from 1, and acknowledged. Unlike {@code CrashRecoveryTest}, nothing opens the
 * file between trials, so each child recovers the database its predecessor left.
 */
class CrashedKioskDeliveryTest {
  /** The device id the crash children write into their transactions. */
  private static final String DEVICE = "kiosk-01";

  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);

  @TempDir Path dir;

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void everyCheckoutAcknowledgedToAPatronReachesCentralOnceAfterTheCrashes() throws Exception {
    Path db = dir.resolve("store.db");
    List<Long> acknowledgedToPatrons =
        new KioskCrashTrials(db, dir, 20261122L).run((trial, acknowledged) -> {});
    assertThat(acknowledgedToPatrons).isNotEmpty();

    try (SqliteStore store = SqliteStore.open(db, 1_000_000, StoreFixtures.CLOCK);
        MessagingRig rig = MessagingRig.plain("t1")) {
      assertThat(store.integrityCheck()).as("after the crashes").isEqualTo("ok");
      Map<Long, UUID> survivors =
          store.unacknowledged(Integer.MAX_VALUE).stream()
              .collect(Collectors.toMap(OutboxEntry::sequence, e -> e.transaction().id()));

      drain(rig, store);

      List<ReceivedTransaction> got = rig.central().received();
      assertThat(got.stream().map(ReceivedTransaction::sequence).toList())
          .as("each received once, gap-free from 1, in order")
          .containsExactlyElementsOf(LongStream.rangeClosed(1, survivors.size()).boxed().toList());
      assertThat(got.stream().map(r -> r.transaction().id()).distinct().count())
          .as("distinct transaction ids")
          .isEqualTo(got.size());
      Map<Long, UUID> delivered =
          got.stream()
              .collect(Collectors.toMap(ReceivedTransaction::sequence, r -> r.transaction().id()));
      assertThat(delivered).as("the outbox's transactions").isEqualTo(survivors);
      assertThat(delivered.keySet()).as("told to patrons").containsAll(acknowledgedToPatrons);
      assertThat(got).allMatch(ReceivedTransaction::accepted);
      assertThat(store.pendingCount()).as("all acknowledged").isZero();
      assertThat(store.integrityCheck()).as("after the drain").isEqualTo("ok");
    }
  }

  private static void drain(MessagingRig rig, SqliteStore store) {
    MqttLink device = rig.deviceLink(DEVICE);
    OutboxPublisher publisher =
        rig.track(new OutboxPublisher(device, store, rig.clock(), 8, Duration.ofSeconds(10)));
    publisher.start();
    device.start();
    await(
        DRAIN_TIMEOUT,
        () -> store.pendingCount() == 0,
        () ->
            "outbox "
                + store.pendingCount()
                + ", central "
                + rig.central().received().size()
                + "\n"
                + rig.broker().log());
    // Stop publishing before the store closes.
    publisher.close();
  }
}
