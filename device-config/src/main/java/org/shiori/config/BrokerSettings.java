package org.shiori.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The MQTT broker connection. {@code url} is exactly as configured ({@code ssl://host:port} or
 * {@code tcp://host:port}); {@code tls} is present exactly when the url is {@code ssl://}.
 */
public record BrokerSettings(
    String url,
    String host,
    int port,
    Optional<TlsSettings> tls,
    String clientId,
    int keepAliveSeconds) {

  public BrokerSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(clientId, "clientId");
  }

  public boolean usesTls() {
    return tls.isPresent();
  }

  public Duration keepAlive() {
    return Duration.ofSeconds(keepAliveSeconds);
  }
}
