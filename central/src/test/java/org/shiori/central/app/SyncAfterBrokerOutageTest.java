package org.shiori.central.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.store.TestDatabases;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/**
 * A data-set change central commits while its broker is down cannot be published; once the link is
 * back, every device gets that data set as a snapshot, so one that already holds data does not wait
 * for the next change to learn of it.
 */
class SyncAfterBrokerOutageTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path directory;

  @Test
  void aDeltaMissedWhileTheBrokerWasDownReachesTheDevicesAsASnapshotAfterwards() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto (apt-get install mosquitto)");
    String tenant = CentralOverMqttTest.TENANT;
    try (MosquittoBroker broker = MosquittoBroker.plain(tenant).start();
        CentralService central =
            CentralService.open(
                CentralOverMqttTest.config(
                    broker,
                    "central-1",
                    TestDatabases.sqlite(directory),
                    CentralConfig.Ils.standalone()),
                Clock.systemUTC())) {
      central.start();
      assertThat(central.awaitConnected(WAIT)).isTrue();
      // A device's subscription to the data set, kept by the broker across its restart.
      List<String> items = new CopyOnWriteArrayList<>();
      MqttClient device =
          new MqttClient(broker.url().toString(), "kiosk-1", new MemoryPersistence());
      MqttConnectionOptions o = new MqttConnectionOptions();
      o.setCleanStart(false);
      o.setSessionExpiryInterval(600L);
      o.setAutomaticReconnect(true);
      o.setAutomaticReconnectDelay(1, 1);
      device.connect(o);
      device.subscribe(
          new MqttSubscription[] {new MqttSubscription("lib/" + tenant + "/sync/items", 1)},
          new IMqttMessageListener[] {
            (topic, m) -> items.add(new String(m.getPayload(), StandardCharsets.UTF_8))
          });

      broker.stop();
      Conditions.await(WAIT, () -> !connected(central), () -> "central still connected");
      central.library().putItem(PatronLoansOverMqttTest.book("1000123456"));
      assertThat(items).isEmpty();

      broker.start();
      Conditions.await(
          WAIT,
          () -> items.stream().anyMatch(m -> m.contains("1000123456")),
          () -> "items messages: " + items + "\n" + broker.log());
      device.disconnect();
      device.close();
    }
  }

  private static boolean connected(CentralService central) {
    try {
      return central.awaitConnected(Duration.ofMillis(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
