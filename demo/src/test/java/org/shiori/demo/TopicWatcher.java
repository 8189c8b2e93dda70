package org.shiori.demo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A plain MQTT v5 subscriber that records what arrives on a topic filter, for assertions. */
final class TopicWatcher implements AutoCloseable {
  /** One message as it arrived. */
  record Received(String topic, String payload) {}

  private final MqttClient client;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  TopicWatcher(URI broker, String filter) throws MqttException {
    client =
        new MqttClient(broker.toString(), "watcher-" + System.nanoTime(), new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse response) {}

          @Override
          public void mqttErrorOccurred(MqttException exception) {}

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            received.add(
                new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
          }

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    client.connect(options);
    client.subscribe(filter, 1);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
