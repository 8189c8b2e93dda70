package org.shiori.device.messaging;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.shiori.protocol.Topics;

/**
 * How an {@link MqttLink} connects. Immutable, built once.
 *
 * @param serverUri {@code ssl://host:port} or, on loopback only, {@code tcp://127.0.0.1:port}
 * @param clientId MQTT client id; for a device, its device id (the ACL matches it)
 * @param topics the tenant's topics
 * @param deviceId the device this link speaks for; empty for central services (no birth/death)
 * @param tls client certificate files; required for {@code ssl://}
 * @param keepAlive MQTT keep-alive
 * @param sessionExpiry how long the broker keeps the session (and queued QoS 1 messages) offline
 * @param reconnectMin first reconnect delay
 * @param reconnectMax longest reconnect delay (exponential backoff with jitter up to this)
 */
public record MqttLinkSettings(
    URI serverUri,
    String clientId,
    Topics topics,
    Optional<String> deviceId,
    Optional<TlsFiles> tls,
    Duration keepAlive,
    Duration sessionExpiry,
    Duration reconnectMin,
    Duration reconnectMax) {

  public MqttLinkSettings {
    Objects.requireNonNull(serverUri, "serverUri");
    Topics.requireSegment("clientId", clientId);
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(tls, "tls");
    deviceId.ifPresent(d -> Topics.requireSegment("deviceId", d));
    String scheme = String.valueOf(serverUri.getScheme());
    if (scheme.equals("ssl")) {
      if (tls.isEmpty()) {
        throw new IllegalArgumentException("ssl:// needs the CA, client certificate and key files");
      }
    } else if (scheme.equals("tcp")) {
      // P-TLS-1: transactions carry patron keys, so plain TCP is only allowed on loopback.
      if (!isLoopback(serverUri.getHost())) {
        throw new IllegalArgumentException(
            "plain tcp:// is allowed only to a loopback broker (P-TLS-1), got " + serverUri);
      }
    } else {
      throw new IllegalArgumentException("server URI must be ssl:// or tcp://, got " + serverUri);
    }
    if (serverUri.getPort() < 1) {
      throw new IllegalArgumentException("server URI needs a port: " + serverUri);
    }
    requirePositive("keepAlive", keepAlive);
    requirePositive("sessionExpiry", sessionExpiry);
    requirePositive("reconnectMin", reconnectMin);
    requirePositive("reconnectMax", reconnectMax);
    if (reconnectMax.compareTo(reconnectMin) < 0) {
      throw new IllegalArgumentException("reconnectMax must not be below reconnectMin");
    }
  }

  /** A device link with the defaults of docs/mqtt.md. */
  public static MqttLinkSettings device(
      URI serverUri, String tenant, String deviceId, Optional<TlsFiles> tls) {
    return new MqttLinkSettings(
        serverUri,
        deviceId,
        new Topics(tenant),
        Optional.of(deviceId),
        tls,
        Duration.ofSeconds(30),
        Duration.ofDays(7),
        Duration.ofMillis(250),
        Duration.ofSeconds(30));
  }

  /**
   * A central-side service link (no birth/death of its own). Its session expires 5 minutes after it
   * is lost and ends at an orderly close, so a shared subscription never keeps routing messages to
   * a consumer that is gone for good.
   */
  public static MqttLinkSettings service(
      URI serverUri, String tenant, String clientId, Optional<TlsFiles> tls) {
    return new MqttLinkSettings(
        serverUri,
        clientId,
        new Topics(tenant),
        Optional.empty(),
        tls,
        Duration.ofSeconds(30),
        // Short: a crashed shared consumer's session keeps getting its share until it expires.
        Duration.ofMinutes(5),
        Duration.ofMillis(250),
        Duration.ofSeconds(30));
  }

  public MqttLinkSettings withReconnect(Duration min, Duration max) {
    return new MqttLinkSettings(
        serverUri, clientId, topics, deviceId, tls, keepAlive, sessionExpiry, min, max);
  }

  /** Whether this link is encrypted (P-TLS-1). */
  public boolean encrypted() {
    return tls.isPresent();
  }

  private static boolean isLoopback(String host) {
    return host != null
        && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
  }

  private static void requirePositive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }
}
