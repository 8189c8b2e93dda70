package org.shiori.central.mqtt;

import java.util.Objects;
import java.util.Optional;

/**
 * One message received from the broker.
 *
 * @param topic the topic it was published on
 * @param payload its bytes
 * @param responseTopic the MQTT 5 response topic, for requests
 * @param correlationData the MQTT 5 correlation data, for requests
 */
public record Inbound(
    String topic,
    byte[] payload,
    Optional<String> responseTopic,
    Optional<byte[]> correlationData) {
  public Inbound {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(responseTopic, "responseTopic");
    Objects.requireNonNull(correlationData, "correlationData");
  }
}
