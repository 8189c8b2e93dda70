package org.shiori.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shiori.testkit.Conditions.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.Transaction;
import org.shiori.device.testing.InMemoryOutbox;
import org.shiori.device.testing.MessagingRig;
import org.shiori.device.testing.TestTls;
import org.shiori.device.testing.Transactions;
import org.shiori.testkit.TestCertificates;

/**
 * P-TLS-1 against a real Mosquitto with a TLS-only listener, client certificates required, and the
 * ACL of docs/mosquitto/acl (identity = certificate CN).
 */
class TlsAndAclTest {
  @TempDir static Path certDir;
  private static MessagingRig rig;
  private static TestCertificates certs;

  @BeforeAll
  static void startBroker() {
    certs = TestCertificates.create(certDir);
    rig = MessagingRig.tls("t1", certs);
  }

  @AfterAll
  static void stopBroker() {
    rig.close();
  }

  @Test
  void aDeviceWithItsCertificateDeliversATransactionOverTls() {
    InMemoryOutbox outbox = new InMemoryOutbox();
    MqttLink device = rig.deviceLink("kiosk-1");
    assertThat(device.encrypted()).isTrue();
    OutboxPublisher publisher = rig.track(new OutboxPublisher(device, outbox, rig.clock()));
    publisher.start();
    device.start();
    assertThat(device.awaitConnected(MessagingRig.CONNECT_TIMEOUT))
        .as("TLS connect\n" + rig.broker().log())
        .isTrue();
    Transaction t = Transactions.checkout("kiosk-1", "item-1", Transactions.PATRON);
    outbox.append(t);
    publisher.notifyCommitted();
    await(Duration.ofSeconds(60), () -> outbox.pendingCount() == 0, () -> rig.broker().log());
    assertThat(rig.central().received()).extracting(r -> r.transaction().id()).contains(t.id());
  }

  @Test
  void aCertificateFromAnotherCaIsRefused() {
    MqttLink intruder =
        rig.deviceLink("kiosk-9", Optional.of(TestTls.files(certs.foreignClient("kiosk-9"))));
    intruder.start();
    assertThat(intruder.awaitConnected(Duration.ofSeconds(5))).isFalse();
    assertThat(intruder.isConnected()).isFalse();
    intruder.close();
    assertThat(rig.broker().log()).doesNotContain("as kiosk-9");
  }

  @Test
  void aDeviceCannotReadOrWriteAnotherDevicesTopics() throws Exception {
    MqttLink device = rig.deviceLink("kiosk-2");
    device.start();
    assertThat(device.awaitConnected(MessagingRig.CONNECT_TIMEOUT)).isTrue();
    // Mosquitto grants the subscription but the ACL withholds every message of another device.
    List<String> seen = new CopyOnWriteArrayList<>();
    device
        .subscribe("lib/t1/dev/kiosk-3/ack", 1, m -> seen.add(m.topic()))
        .get(10, TimeUnit.SECONDS);
    device
        .subscribe("lib/t1/dev/kiosk-2/ack", 1, m -> seen.add(m.topic()))
        .get(10, TimeUnit.SECONDS);
    MqttLink central = rig.centralLink();
    central
        .publish("lib/t1/dev/kiosk-3/ack", "{}".getBytes(StandardCharsets.UTF_8), 1, false)
        .get(10, TimeUnit.SECONDS);
    central
        .publish("lib/t1/dev/kiosk-2/ack", "{}".getBytes(StandardCharsets.UTF_8), 1, false)
        .get(10, TimeUnit.SECONDS);
    await(Duration.ofSeconds(30), () -> !seen.isEmpty(), () -> "own ack not received");
    assertThat(seen).containsExactly("lib/t1/dev/kiosk-2/ack");
    assertThatThrownBy(
            () ->
                device
                    .publish(
                        "lib/t1/dev/kiosk-3/tx", "{}".getBytes(StandardCharsets.UTF_8), 1, false)
                    .get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(BrokerRefusedException.class);
    assertThatThrownBy(
            () ->
                device
                    .publish("lib/t1/sync/items", "{}".getBytes(StandardCharsets.UTF_8), 1, false)
                    .get(10, TimeUnit.SECONDS))
        .as("devices only read sync")
        .hasCauseInstanceOf(BrokerRefusedException.class);
    // Its own subtree and sync reading are allowed.
    device.subscribe("lib/t1/sync/+", 1, m -> {}).get(10, TimeUnit.SECONDS);
    device
        .publish("lib/t1/dev/kiosk-2/event", "{}".getBytes(StandardCharsets.UTF_8), 1, false)
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void plainTcpToANonLoopbackBrokerIsRefusedP_TLS_1() {
    assertThatThrownBy(
            () ->
                MqttLinkSettings.device(
                    URI.create("tcp://192.0.2.10:1883"), "t1", "kiosk-1", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P-TLS-1");
    assertThatThrownBy(
            () ->
                MqttLinkSettings.device(
                    URI.create("ssl://192.0.2.10:8883"), "t1", "kiosk-1", Optional.empty()))
        .hasMessageContaining("client certificate");
  }
}
