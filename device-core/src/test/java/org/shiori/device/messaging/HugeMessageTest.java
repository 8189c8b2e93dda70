package org.shiori.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.testkit.Conditions.await;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.device.store.SqliteStore;
import org.shiori.device.testing.MessagingRig;
import org.shiori.protocol.Dataset;

/**
 * One 200 MB message on a broadcast sync topic, through a real Mosquitto that accepts packets of
 * that size (its default): the device announced its Maximum Packet Size in CONNECT, so the broker
 * never delivers it; the link stays up, the store is unchanged and the next delta applies.
 */
class HugeMessageTest {
  private static final int HUGE = 200 * 1024 * 1024;

  @TempDir Path dataDir;
  private MessagingRig rig;
  private SqliteStore store;
  private SyncSubscriber sync;
  private MqttLink device;
  private final AtomicInteger drops = new AtomicInteger();

  @BeforeEach
  void setUp() {
    rig = MessagingRig.plain("t1");
    SyncSubscriberTest.seed(rig.central());
    store = SqliteStore.open(dataDir.resolve("kiosk.db"), 1000, rig.clock());
    device = rig.deviceLink("kiosk-1");
    sync = rig.track(new SyncSubscriber(device, store, rig.clock()));
    sync.start();
    device.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void connected(boolean sessionPresent) {}

          @Override
          public void disconnected(String reason) {
            drops.incrementAndGet();
          }
        });
    device.start();
    await(
        SyncSubscriberTest.WAIT,
        () -> store.appliedSequence(Dataset.ITEMS) == rig.central().version(Dataset.ITEMS),
        () -> "not in sync");
  }

  @AfterEach
  void tearDown() {
    rig.close();
    store.close();
  }

  @Test
  void aTwoHundredMegabyteSyncMessageNeverReachesTheDevice() throws Exception {
    long before = store.appliedSequence(Dataset.ITEMS);
    byte[] huge = new byte[HUGE];
    Arrays.fill(huge, (byte) '{');
    MqttClient raw =
        new MqttClient(rig.broker().url().toString(), "raw-publisher", new MemoryPersistence());
    try {
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setConnectionTimeout(30);
      raw.connect(options);
      raw.setTimeToWait(120_000);
      raw.publish("lib/t1/sync/items", new MqttMessage(huge, 1, false, null));
      raw.disconnect();
    } finally {
      raw.close();
    }
    huge = null;

    // Published after the huge one was accepted by the broker: it applies, so the huge one was
    // either dropped by the broker or would have been seen (and rejected) first.
    rig.central().putItem(SyncSubscriberTest.item(4000));
    await(
        SyncSubscriberTest.WAIT,
        () -> store.appliedSequence(Dataset.ITEMS) == before + 1,
        () -> "next delta not applied");
    assertThat(store.find("item-4000")).isPresent();
    assertThat(store.find("item-1")).contains(SyncSubscriberTest.item(1));
    assertThat(sync.rejectedCount()).as("the device never received the huge message").isZero();
    assertThat(device.isConnected()).isTrue();
    assertThat(drops.get()).as("link drops").isZero();
  }
}
