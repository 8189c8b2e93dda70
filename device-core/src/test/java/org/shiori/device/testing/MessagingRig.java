package org.shiori.device.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shiori.device.messaging.MqttLink;
import org.shiori.device.messaging.MqttLinkSettings;
import org.shiori.device.messaging.TlsFiles;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.TestCertificates;

/**
 * A real Mosquitto, a central simulator connected to it and subscribed, and device links on demand,
 * all closed together. Reconnects are quick so fault tests stay short.
 */
public final class MessagingRig implements AutoCloseable {
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private final MosquittoBroker broker;
  private final String tenant;
  private final Clock clock;
  private final Optional<TestCertificates> certificates;
  private final MqttLink centralLink;
  private final CentralSimulator central;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  private MessagingRig(
      MosquittoBroker broker, String tenant, Optional<TestCertificates> certificates) {
    this.broker = broker;
    this.tenant = tenant;
    this.clock = Clock.systemUTC();
    this.certificates = certificates;
    broker.start();
    this.centralLink =
        new MqttLink(
            quick(
                MqttLinkSettings.service(
                    broker.url(),
                    tenant,
                    "central-1",
                    certificates.map(c -> TestTls.files(c.client("central"))))),
            clock);
    this.central = new CentralSimulator(centralLink, clock);
    central.start();
    centralLink.start();
    if (!centralLink.awaitConnected(CONNECT_TIMEOUT)) {
      throw new IllegalStateException("central did not connect:\n" + broker.log());
    }
  }

  public static MessagingRig plain(String tenant) {
    return new MessagingRig(MosquittoBroker.plain(tenant), tenant, Optional.empty());
  }

  public static MessagingRig tls(String tenant, TestCertificates certificates) {
    return tls(tenant, certificates, List.of());
  }

  /** With these device ids registered in the broker's dynamic-security.json. */
  public static MessagingRig tls(
      String tenant, TestCertificates certificates, List<String> registeredDevices) {
    return new MessagingRig(
        MosquittoBroker.withTls(tenant, certificates, registeredDevices),
        tenant,
        Optional.of(certificates));
  }

  static MqttLinkSettings quick(MqttLinkSettings s) {
    return s.withReconnect(Duration.ofMillis(100), Duration.ofSeconds(1));
  }

  public MosquittoBroker broker() {
    return broker;
  }

  public CentralSimulator central() {
    return central;
  }

  public MqttLink centralLink() {
    return centralLink;
  }

  public Clock clock() {
    return clock;
  }

  /** A device link (not started) with the rig's certificate for that device when TLS is on. */
  public MqttLink deviceLink(String deviceId) {
    return deviceLink(deviceId, certificates.map(c -> TestTls.files(c.client(deviceId))));
  }

  public MqttLink deviceLink(String deviceId, Optional<TlsFiles> tls) {
    MqttLink link =
        new MqttLink(quick(MqttLinkSettings.device(broker.url(), tenant, deviceId, tls)), clock);
    closeables.add(link);
    return link;
  }

  /** Closes with the rig, in reverse order of registration. */
  public <T extends AutoCloseable> T track(T closeable) {
    closeables.add(closeable);
    return closeable;
  }

  @Override
  public void close() {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        // Closing everything matters more than the first failure.
      }
    }
    central.close();
    centralLink.close();
    broker.close();
  }
}
