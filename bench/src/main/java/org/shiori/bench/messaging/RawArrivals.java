package org.shiori.bench.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Completes the future of each raw message when it arrives (the id is read from its JSON). */
final class RawArrivals implements MqttCallback {
  private static final int ID_OFFSET = "{\"schemaVersion\":1,\"id\":\"".length();

  private final Map<String, CompletableFuture<Void>> waiting;

  RawArrivals(Map<String, CompletableFuture<Void>> waiting) {
    this.waiting = waiting;
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    // Same cost class as a real consumer's first look at the payload, without a full decode.
    String id = new String(message.getPayload(), ID_OFFSET, 36, StandardCharsets.US_ASCII);
    CompletableFuture<Void> f = waiting.remove(id);
    if (f != null) {
      f.complete(null);
    }
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {}

  @Override
  public void mqttErrorOccurred(MqttException exception) {}

  @Override
  public void deliveryComplete(IMqttToken token) {}

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {}

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {}
}
