package org.shiori.device.messaging;

import java.util.Objects;
import java.util.Optional;

/**
 * A message received from the broker.
 *
 * @param topic the topic it was published on
 * @param payload the raw payload (not yet validated)
 * @param responseTopic the MQTT 5 response topic of a request
 * @param correlationData the MQTT 5 correlation data of a request or response
 */
public record InboundMessage(
    String topic,
    byte[] payload,
    Optional<String> responseTopic,
    Optional<byte[]> correlationData) {
  public InboundMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(responseTopic, "responseTopic");
    Objects.requireNonNull(correlationData, "correlationData");
  }
}
