package org.shiori.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.testkit.Conditions.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.device.store.SqliteStore;
import org.shiori.device.testing.MessagingRig;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncCodec;
import org.shiori.protocol.SyncMessage;

/**
 * Sync messages that are well formed but lie about versions or content, published by another client
 * through a real Mosquitto into the real SQLite store: the device never loses central's data for
 * good.
 */
class HostileSyncTest {
  @TempDir Path dataDir;
  private MessagingRig rig;
  private SqliteStore store;
  private SyncSubscriber sync;

  @BeforeEach
  void setUp() {
    rig = MessagingRig.plain("t1");
    SyncSubscriberTest.seed(rig.central());
    store = SqliteStore.open(dataDir.resolve("kiosk.db"), 1000, rig.clock());
    MqttLink device = rig.deviceLink("kiosk-1");
    sync = rig.track(new SyncSubscriber(device, store, rig.clock()));
    sync.start();
    device.start();
    awaitItemsAt(rig.central().version(Dataset.ITEMS));
  }

  @AfterEach
  void tearDown() {
    rig.close();
    store.close();
  }

  @Test
  void aVersionAtTheEndOfTheNumberSpaceIsRefusedAndCentralsNextDeltaStillApplies()
      throws Exception {
    long before = store.appliedSequence(Dataset.ITEMS);
    String end = String.valueOf(Long.MAX_VALUE);
    publishRaw(
        "lib/t1/sync/items",
        "{\"schemaVersion\":1,\"tenant\":\"t1\",\"dataset\":\"items\",\"kind\":\"snapshot\","
            + "\"sequence\":"
            + end
            + ",\"chunk\":0,\"chunks\":1,\"upserts\":[],\"deletes\":[]}");
    publishRaw(
        "lib/t1/sync/items",
        "{\"schemaVersion\":1,\"tenant\":\"t1\",\"dataset\":\"items\",\"kind\":\"delta\","
            + "\"sequence\":"
            + end
            + ",\"chunk\":0,\"chunks\":1,\"upserts\":[],\"deletes\":[\"item-1\"]}");
    await(SyncSubscriberTest.WAIT, () -> sync.rejectedCount() == 2, () -> "not rejected");

    assertThat(store.appliedSequence(Dataset.ITEMS)).isEqualTo(before);
    assertThat(store.find("item-1")).contains(SyncSubscriberTest.item(1));
    rig.central().putItem(SyncSubscriberTest.item(3000));
    awaitItemsAt(before + 1);
    assertThat(store.find("item-3000")).isPresent();
    assertThat(store.find("item-449")).isPresent();
  }

  @Test
  void aForgedSnapshotWithAHugeVersionIsUndoneByCentralsNextSnapshot() throws Exception {
    long near = SyncCodec.MAX_SEQUENCE - 1;
    publish(
        "lib/t1/sync/items",
        new SyncMessage(
            "t1", Dataset.ITEMS, true, near, 0, 1, List.of(evil()), List.of(), Optional.empty()));
    awaitItemsAt(near);
    assertThat(store.find("item-1")).isEmpty();

    rig.central().publishSnapshots();

    awaitItemsAt(rig.central().version(Dataset.ITEMS));
    assertThat(store.find("item-1")).contains(SyncSubscriberTest.item(1));
    assertThat(store.find("evil-1")).isEmpty();
  }

  @Test
  void aForgedDeltaIsDetectedWhenCentralsOwnArrivesAndASnapshotRepairsTheDataSet()
      throws Exception {
    long held = store.appliedSequence(Dataset.ITEMS);
    publish(
        "lib/t1/sync/items",
        new SyncMessage(
            "t1",
            Dataset.ITEMS,
            false,
            held + 1,
            0,
            1,
            List.of(evil()),
            List.of("item-1"),
            Optional.empty()));
    await(SyncSubscriberTest.WAIT, () -> store.find("evil-1").isPresent(), () -> "forgery absent");

    // Central's real delta with the same version: a conflict, so the device asks for a snapshot.
    rig.central().putItem(SyncSubscriberTest.item(3001));

    await(
        SyncSubscriberTest.WAIT,
        () -> store.find("item-3001").isPresent() && store.find("evil-1").isEmpty(),
        () -> "forged delta still shadows central's");
    assertThat(store.find("item-1")).contains(SyncSubscriberTest.item(1));
    assertThat(store.appliedSequence(Dataset.ITEMS))
        .isEqualTo(rig.central().version(Dataset.ITEMS));
  }

  @Test
  void aForgedPolicyVersionIsUndoneByCentralsNextDocumentSnapshot() throws Exception {
    rig.central().putDocument(Dataset.CALENDAR, "branches: {}\n");
    long central = rig.central().version(Dataset.CALENDAR);
    await(
        SyncSubscriberTest.WAIT,
        () -> store.appliedSequence(Dataset.CALENDAR) == central,
        () -> "central's calendar not applied");
    long near = SyncCodec.MAX_SEQUENCE - 1;
    publish(
        "lib/t1/sync/calendar",
        SyncMessage.document("t1", Dataset.CALENDAR, false, near, "# forged\nbranches: {}\n"));
    await(
        SyncSubscriberTest.WAIT,
        () -> store.appliedSequence(Dataset.CALENDAR) == near,
        () -> "forged calendar not stored");

    rig.central().publishSnapshots();

    await(
        SyncSubscriberTest.WAIT,
        () -> store.appliedSequence(Dataset.CALENDAR) == central,
        () -> "calendar still at " + store.appliedSequence(Dataset.CALENDAR));
    assertThat(store.document(Dataset.CALENDAR))
        .hasValueSatisfying(d -> assertThat(d.content()).isEqualTo("branches: {}\n"));
  }

  private static ItemRecord evil() {
    return new ItemRecord(
        "evil-1",
        "forged",
        "book",
        "main",
        org.shiori.circulation.domain.ItemStatus.AVAILABLE,
        java.util.Set.of(),
        1,
        Optional.empty());
  }

  private void awaitItemsAt(long version) {
    await(
        SyncSubscriberTest.WAIT,
        () -> store.appliedSequence(Dataset.ITEMS) == version,
        () -> "items at " + store.appliedSequence(Dataset.ITEMS) + ", expected " + version);
  }

  private void publish(String topic, SyncMessage message) throws Exception {
    publishBytes(topic, new SyncCodec("t1").encode(message));
  }

  private void publishRaw(String topic, String json) throws Exception {
    publishBytes(topic, json.getBytes(StandardCharsets.UTF_8));
  }

  private void publishBytes(String topic, byte[] payload) throws Exception {
    try (MqttLink attacker = rig.deviceLink("attacker")) {
      attacker.start();
      assertThat(attacker.awaitConnected(MessagingRig.CONNECT_TIMEOUT)).isTrue();
      attacker.publish(topic, payload, 1, false).get(30, TimeUnit.SECONDS);
    }
  }
}
