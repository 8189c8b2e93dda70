package org.shiori.central.testing;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.shiori.central.mqtt.NoDelaySockets;

/** {@link DeviceConnection} over Eclipse Paho, the client the devices themselves use. */
public final class PahoDeviceConnection implements DeviceConnection {
  private static final long WAIT_MILLIS = 10_000;

  private final URI broker;
  private MqttAsyncClient client;

  public PahoDeviceConnection(URI broker) {
    this.broker = broker;
  }

  @Override
  public void open(String clientId, List<String> filters, BiConsumer<String, byte[]> onMessage)
      throws IOException {
    try {
      client = new MqttAsyncClient(broker.toString(), clientId, new MemoryPersistence());
      client.setCallback(new Callback(onMessage));
      MqttConnectionOptions o = new MqttConnectionOptions();
      o.setCleanStart(true);
      o.setAutomaticReconnect(true);
      o.setAutomaticReconnectDelay(1, 2);
      o.setSocketFactory(new NoDelaySockets());
      client.connect(o).waitForCompletion(WAIT_MILLIS);
      for (String filter : filters) {
        client.subscribe(filter, 1).waitForCompletion(WAIT_MILLIS);
      }
    } catch (MqttException e) {
      throw new IOException(clientId + " could not connect to " + broker, e);
    }
  }

  @Override
  public void send(String topic, byte[] payload) throws IOException {
    try {
      client.publish(topic, payload, 1, false);
    } catch (MqttException e) {
      throw new IOException("could not send on " + topic, e);
    }
  }

  @Override
  public void sendAndWait(
      String topic, byte[] payload, boolean retained, Optional<String> responseTopic)
      throws IOException {
    MqttMessage m = new MqttMessage(payload);
    m.setQos(1);
    m.setRetained(retained);
    responseTopic.ifPresent(
        r -> {
          MqttProperties p = new MqttProperties();
          p.setResponseTopic(r);
          p.setCorrelationData(new byte[] {1, 2, 3, 4});
          m.setProperties(p);
        });
    try {
      client.publish(topic, m).waitForCompletion(WAIT_MILLIS);
    } catch (MqttException e) {
      throw new IOException("could not send on " + topic, e);
    }
  }

  @Override
  public boolean isConnected() {
    return client != null && client.isConnected();
  }

  @Override
  public void close() {
    if (client == null) {
      return;
    }
    try {
      client.disconnect().waitForCompletion(3_000);
    } catch (MqttException e) {
      // closing anyway
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      // closing anyway
    }
  }

  private record Callback(BiConsumer<String, byte[]> onMessage) implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      onMessage.accept(topic, message.getPayload());
    }

    @Override
    public void disconnected(MqttDisconnectResponse r) {}

    @Override
    public void mqttErrorOccurred(MqttException e) {}

    @Override
    public void deliveryComplete(IMqttToken t) {}

    @Override
    public void connectComplete(boolean reconnect, String uri) {}

    @Override
    public void authPacketArrived(int code, MqttProperties p) {}
  }
}
