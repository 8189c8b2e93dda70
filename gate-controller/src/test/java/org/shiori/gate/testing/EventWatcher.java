package org.shiori.gate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A plain Paho v5 client subscribed to a gate's event topic, keeping every payload as text; when
 * confirming, it also answers each event on its response topic with its correlation data, as
 * central does after its commit (docs/mqtt.md), so the gate may delete it.
 */
public final class EventWatcher implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MqttClient client;
  private final List<String> payloads = new CopyOnWriteArrayList<>();
  private final ExecutorService confirmer = Executors.newSingleThreadExecutor();

  public EventWatcher(URI broker, String topic) throws MqttException {
    this(broker, topic, true);
  }

  public EventWatcher(URI broker, String topic, boolean confirming) throws MqttException {
    client =
        new MqttClient(broker.toString(), "watcher-" + System.nanoTime(), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    client.connect(options);
    IMqttMessageListener listener =
        (t, m) -> {
          payloads.add(new String(m.getPayload(), StandardCharsets.UTF_8));
          MqttProperties asked = m.getProperties();
          if (confirming && asked != null && asked.getResponseTopic() != null) {
            MqttMessage confirmation = new MqttMessage(new byte[0], 1, false, null);
            MqttProperties props = new MqttProperties();
            props.setCorrelationData(asked.getCorrelationData());
            confirmation.setProperties(props);
            // Not from the delivery thread: Paho forbids a blocking publish there.
            confirmer.execute(() -> publish(asked.getResponseTopic(), confirmation));
          }
        };
    client
        .subscribe(
            new MqttSubscription[] {new MqttSubscription(topic, 1)},
            new IMqttMessageListener[] {listener})
        .waitForCompletion(10_000);
  }

  private void publish(String topic, MqttMessage message) {
    try {
      client.publish(topic, message);
    } catch (MqttException e) {
      // the gate sends the event again; the test waits for it
    }
  }

  public List<String> payloads() {
    return List.copyOf(payloads);
  }

  /** Payloads whose {@code type} is {@code type}, parsed. */
  public List<JsonNode> ofType(String type) {
    return payloads.stream()
        .map(EventWatcher::parse)
        .filter(n -> type.equals(n.path("type").asText()))
        .toList();
  }

  private static JsonNode parse(String s) {
    try {
      return JSON.readTree(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws MqttException {
    confirmer.shutdownNow();
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
