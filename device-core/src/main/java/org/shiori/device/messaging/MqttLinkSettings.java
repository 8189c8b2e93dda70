package org.shiori.device.messaging;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
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

  private static final Pattern IPV4_LITERAL =
      Pattern.compile(
          "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

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

  /**
   * Whether a URI host is a loopback address, decided on the parsed address and never on a name
   * prefix: {@code 127.attacker.example} is a DNS name, not a loopback address. Only IP literals
   * and the name {@code localhost} count; no name is resolved.
   */
  static boolean isLoopback(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean ipv4 = IPV4_LITERAL.matcher(literal).matches();
    boolean ipv6 = literal.contains(":") && IPV6_LITERAL.matcher(literal).matches();
    if (!ipv4 && !ipv6) {
      return false;
    }
    try {
      // A literal is parsed, not looked up.
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void requirePositive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }
}
