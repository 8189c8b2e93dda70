package org.shiori.central.testing;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A simulated device's MQTT 5 client, so that {@link SimulatedDevice}'s outbox logic runs the same
 * over the client central's tests use ({@link PahoDeviceConnection}) and over a lighter one where a
 * benchmark runs many devices on the machine it measures. Every publish is QoS 1.
 */
public interface DeviceConnection extends AutoCloseable {
  /**
   * Connects with a clean start and this client id, reconnecting by itself when the link drops, and
   * subscribes to {@code filters}; each message that arrives goes to {@code onMessage} (topic,
   * payload), one at a time.
   */
  void open(String clientId, List<String> filters, BiConsumer<String, byte[]> onMessage)
      throws IOException;

  /** Sends without waiting for the broker; a message lost here is the outbox's to send again. */
  void send(String topic, byte[] payload) throws IOException;

  /** Sends and waits until the broker has it, with a response topic when one is given. */
  void sendAndWait(String topic, byte[] payload, boolean retained, Optional<String> responseTopic)
      throws IOException;

  boolean isConnected();

  @Override
  void close();
}
