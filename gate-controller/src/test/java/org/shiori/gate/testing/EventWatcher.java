package org.shiori.gate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** A plain Paho v5 client subscribed to a gate's event topic, keeping every payload as text. */
public final class EventWatcher implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MqttClient client;
  private final List<String> payloads = new CopyOnWriteArrayList<>();

  public EventWatcher(URI broker, String topic) throws MqttException {
    client =
        new MqttClient(broker.toString(), "watcher-" + System.nanoTime(), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    client.connect(options);
    IMqttMessageListener listener =
        (t, m) -> payloads.add(new String(m.getPayload(), StandardCharsets.UTF_8));
    client
        .subscribe(
            new MqttSubscription[] {new MqttSubscription(topic, 1)},
            new IMqttMessageListener[] {listener})
        .waitForCompletion(10_000);
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
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
