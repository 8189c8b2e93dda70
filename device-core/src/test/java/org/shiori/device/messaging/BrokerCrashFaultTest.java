package org.shiori.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.testkit.Conditions.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.Transaction;
import org.shiori.device.store.OutboxFullException;
import org.shiori.device.store.SqliteStore;
import org.shiori.device.testing.MessagingRig;
import org.shiori.device.testing.ReceivedTransaction;
import org.shiori.device.testing.Transactions;

/**
 * Fault tests of the transaction path against a real Mosquitto process and the real SQLite store:
 * the broker is killed with SIGKILL during a flush, or is down while the kiosk keeps lending.
 */
class BrokerCrashFaultTest {
  private static final Duration FLUSH_TIMEOUT = Duration.ofMinutes(8);

  @TempDir Path dataDir;
  private MessagingRig rig;
  private SqliteStore store;
  private MqttLink device;
  private OutboxPublisher publisher;

  @BeforeEach
  void setUp() {
    rig = MessagingRig.plain("t1");
    store = SqliteStore.open(dataDir.resolve("kiosk.db"), 20_000, rig.clock());
    device = rig.deviceLink("kiosk-1");
    publisher =
        rig.track(new OutboxPublisher(device, store, rig.clock(), 8, Duration.ofSeconds(10)));
    publisher.start();
  }

  @AfterEach
  void tearDown() {
    rig.close();
    store.close();
  }

  private List<UUID> record(int count) throws OutboxFullException {
    List<UUID> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Transaction t = Transactions.giveBack("kiosk-1", "item-" + i);
      store.recordReturn(t);
      ids.add(t.id());
      publisher.notifyCommitted();
    }
    return ids;
  }

  @Test
  void sigkillOfTheBrokerDuringA10000TransactionFlushLosesAndDuplicatesNothing() throws Exception {
    List<UUID> ids = record(10_000);
    device.start();
    await(
        FLUSH_TIMEOUT,
        () -> rig.central().received().size() >= 3_000,
        () -> "central has " + rig.central().received().size());
    rig.broker().kill9();
    await(FLUSH_TIMEOUT, () -> !device.isConnected(), () -> "device still connected");
    rig.broker().start();

    await(
        FLUSH_TIMEOUT,
        () -> store.pendingCount() == 0,
        () ->
            "outbox "
                + store.pendingCount()
                + ", central "
                + rig.central().received().size()
                + "\n"
                + rig.broker().log());
    List<ReceivedTransaction> got = rig.central().received();
    assertThat(got).hasSize(10_000);
    Set<UUID> unique = new HashSet<>();
    got.forEach(r -> unique.add(r.transaction().id()));
    assertThat(unique).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(got.stream().map(ReceivedTransaction::sequence).toList())
        .as("gap-free, in order")
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 10_000).boxed().toList());
    assertThat(got).allMatch(ReceivedTransaction::accepted);
  }

  @Test
  void whileTheBrokerIsDownTransactionsAccumulateAndDrainInOrderByThemselves() throws Exception {
    device.start();
    assertThat(device.awaitConnected(MessagingRig.CONNECT_TIMEOUT)).isTrue();
    List<UUID> first = record(50);
    await(FLUSH_TIMEOUT, () -> store.pendingCount() == 0, () -> "pending " + store.pendingCount());

    rig.broker().kill9();
    await(FLUSH_TIMEOUT, () -> !device.isConnected(), () -> "device still connected");
    List<UUID> offline = record(500);
    assertThat(store.pendingCount()).isEqualTo(500);
    assertThat(rig.central().received()).hasSize(50);

    rig.broker().start();
    await(FLUSH_TIMEOUT, () -> store.pendingCount() == 0, () -> "pending " + store.pendingCount());
    List<ReceivedTransaction> got = rig.central().received();
    assertThat(got.stream().map(r -> r.transaction().id()).toList())
        .containsExactlyElementsOf(concat(first, offline));
    assertThat(got.stream().map(ReceivedTransaction::sequence).toList())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 550).boxed().toList());
  }

  private static List<UUID> concat(List<UUID> a, List<UUID> b) {
    List<UUID> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
