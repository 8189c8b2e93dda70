package org.shiori.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shiori.testkit.Conditions.await;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.Transaction;
import org.shiori.device.testing.InMemoryOutbox;
import org.shiori.device.testing.MessagingRig;
import org.shiori.device.testing.TestTls;
import org.shiori.device.testing.Transactions;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.Topics;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;
import org.shiori.testkit.ShippedBrokerConfig;
import org.shiori.testkit.TestCertificates;

/**
 * A stolen but valid device certificate against a real Mosquitto running the shipped {@code
 * docs/mosquitto/mosquitto.conf} and {@code acl}: what the thief tries, and what the broker does.
 */
class BrokerAclTest {
  private static final String TENANT = "t1";
  private static final Topics TOPICS = new Topics(TENANT);
  private static final byte[] FORGED = "{}".getBytes(StandardCharsets.UTF_8);

  /** The devices of this test, listed in dynamic-security.json as every field device is. */
  private static final List<String> DEVICES =
      List.of(
          "kiosk-21",
          "kiosk-31",
          "kiosk-32",
          "kiosk-41",
          "kiosk-42",
          "kiosk-51",
          "kiosk-52",
          "kiosk-61",
          "kiosk-71");

  @TempDir static Path certDir;
  private static TestCertificates certs;
  private static MessagingRig rig;

  @BeforeAll
  static void startBroker() {
    Required.part(MosquittoBroker.installed(), "mosquitto (apt-get install mosquitto)");
    certs = TestCertificates.create(certDir);
    rig = MessagingRig.tls(TENANT, certs, DEVICES);
  }

  @AfterAll
  static void stopBroker() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void theShippedListenerTiesEveryIdentityToItsCertificateAndLimitsPackets() {
    ShippedBrokerConfig shipped = ShippedBrokerConfig.load();
    assertThat(shipped.value("require_certificate")).contains("true");
    assertThat(shipped.value("use_identity_as_username")).contains("true");
    assertThat(shipped.value("use_username_as_clientid")).contains("true");
    assertThat(shipped.value("allow_anonymous")).contains("false");
    assertThat(shipped.value("max_packet_size")).isPresent();
    assertThat(shipped.value("plugin"))
        .hasValueSatisfying(p -> assertThat(p).endsWith("mosquitto_dynamic_security.so"));
  }

  @Test
  void aDeviceCertificateCannotPublishAcksSyncRepliesOrManagementCommands() throws Exception {
    MqttLink thief = connectedDevice("kiosk-21");
    List<String> onlyCentralWrites =
        List.of(
            TOPICS.ack("kiosk-21"),
            TOPICS.ack("kiosk-22"),
            TOPICS.reply("kiosk-21"),
            TOPICS.reply("kiosk-22"),
            TOPICS.eventAck("kiosk-21"),
            TOPICS.eventAck("kiosk-22"),
            TOPICS.sync(Dataset.ITEMS),
            TOPICS.sync(Dataset.PATRONS),
            TOPICS.deviceSync("kiosk-21", Dataset.ITEMS),
            TOPICS.deviceSync("kiosk-22", Dataset.HOLDS),
            TOPICS.tx("kiosk-22"),
            TOPICS.cmd("kiosk-22"),
            TOPICS.manage("kiosk-21"),
            TOPICS.manage("kiosk-22"),
            TOPICS.manageResult("kiosk-22"));
    for (String topic : onlyCentralWrites) {
      assertThatThrownBy(() -> thief.publish(topic, FORGED, 1, false).get(10, TimeUnit.SECONDS))
          .as(topic)
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(BrokerRefusedException.class);
    }
    // Still connected, and its own outgoing topics still work.
    thief.publish(TOPICS.event("kiosk-21"), FORGED, 1, false).get(10, TimeUnit.SECONDS);
    thief.publish(TOPICS.manageResult("kiosk-21"), FORGED, 1, false).get(10, TimeUnit.SECONDS);
  }

  @Test
  void onlyCentralsManagementCertificateCommandsADeviceAndReadsItsResults() throws Exception {
    MqttLink device = connectedDevice("kiosk-71");
    List<String> commands = new CopyOnWriteArrayList<>();
    device
        .subscribe(TOPICS.manage("kiosk-71"), 1, m -> commands.add(m.topic()))
        .get(10, TimeUnit.SECONDS);
    MqttLink admin =
        rig.track(
            new MqttLink(
                MqttLinkSettings.service(
                        rig.broker().url(),
                        TENANT,
                        "central-admin",
                        Optional.of(TestTls.files(certs.client("central-admin"))))
                    .withReconnect(Duration.ofMillis(100), Duration.ofSeconds(1)),
                rig.clock()));
    List<String> results = new CopyOnWriteArrayList<>();
    admin.subscribe(TOPICS.manageResult("kiosk-71"), 1, m -> results.add(m.topic()));
    admin.start();
    assertThat(admin.awaitConnected(MessagingRig.CONNECT_TIMEOUT)).isTrue();

    admin.publish(TOPICS.manage("kiosk-71"), FORGED, 1, false).get(10, TimeUnit.SECONDS);
    await(Duration.ofSeconds(30), () -> commands.size() == 1, () -> "command not delivered");
    device.publish(TOPICS.manageResult("kiosk-71"), FORGED, 1, false).get(10, TimeUnit.SECONDS);
    await(Duration.ofSeconds(30), () -> results.size() == 1, () -> "result not delivered");
    // The management certificate writes nothing else: no sync, no acks.
    assertThatThrownBy(
            () ->
                admin
                    .publish(TOPICS.sync(Dataset.ITEMS), FORGED, 1, false)
                    .get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(BrokerRefusedException.class);
  }

  @Test
  void aDeviceCertificateCannotJoinTheCentralShareGroup() throws Exception {
    MqttLink thief = connectedDevice("kiosk-31");
    List<String> stolen = new CopyOnWriteArrayList<>();
    for (String leaf : List.of("tx", "cmd", "event", "#")) {
      String filter = "$share/" + Topics.CENTRAL_SHARE_GROUP + "/" + TOPICS.allDevices(leaf);
      assertThatThrownBy(
              () ->
                  thief.subscribe(filter, 1, m -> stolen.add(m.topic())).get(10, TimeUnit.SECONDS))
          .as(filter)
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(BrokerRefusedException.class);
    }
    assertThatThrownBy(
            () ->
                thief
                    .subscribe(
                        "$share/other/" + TOPICS.allDevices("tx"), 1, m -> stolen.add(m.topic()))
                    .get(10, TimeUnit.SECONDS))
        .as("any share group")
        .hasCauseInstanceOf(BrokerRefusedException.class);

    // Central, alone in its group again, gets every transaction and acknowledges each.
    InMemoryOutbox outbox = new InMemoryOutbox();
    MqttLink device = rig.deviceLink("kiosk-32");
    OutboxPublisher publisher = rig.track(new OutboxPublisher(device, outbox, rig.clock()));
    publisher.start();
    device.start();
    assertThat(device.awaitConnected(MessagingRig.CONNECT_TIMEOUT)).isTrue();
    List<Transaction> sent = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      sent.add(
          outbox
              .append(Transactions.checkout("kiosk-32", "item-" + i, Transactions.PATRON))
              .transaction());
    }
    publisher.notifyCommitted();
    await(Duration.ofSeconds(60), () -> outbox.pendingCount() == 0, () -> rig.broker().log());
    assertThat(rig.central().received())
        .extracting(r -> r.transaction().id())
        .containsAll(sent.stream().map(Transaction::id).toList());
    assertThat(stolen).isEmpty();
  }

  @Test
  void aDeviceCertificateReceivesNothingOfAnotherDevice() throws Exception {
    MqttLink victim = connectedDevice("kiosk-42");
    MqttLink thief = connectedDevice("kiosk-41");
    List<String> seen = new CopyOnWriteArrayList<>();
    for (String filter :
        List.of(
            "#",
            "lib/" + TENANT + "/dev/kiosk-42/#",
            TOPICS.allDevices("tx"),
            TOPICS.allDevices("ack"),
            TOPICS.allDevices("cmd/reply"),
            TOPICS.allDevices("event/ack"))) {
      thief.subscribe(filter, 1, m -> seen.add(m.topic())).get(10, TimeUnit.SECONDS);
    }
    victim.publish(TOPICS.tx("kiosk-42"), FORGED, 1, false).get(10, TimeUnit.SECONDS);
    victim.publish(TOPICS.cmd("kiosk-42"), FORGED, 1, false).get(10, TimeUnit.SECONDS);
    MqttLink central = rig.centralLink();
    central.publish(TOPICS.ack("kiosk-42"), FORGED, 1, false).get(10, TimeUnit.SECONDS);
    central.publish(TOPICS.reply("kiosk-42"), FORGED, 1, false).get(10, TimeUnit.SECONDS);
    central.publish(TOPICS.eventAck("kiosk-42"), FORGED, 1, false).get(10, TimeUnit.SECONDS);
    // Its own ack, published last on the same connection, proves the subscriptions deliver.
    central.publish(TOPICS.ack("kiosk-41"), FORGED, 1, false).get(10, TimeUnit.SECONDS);
    await(Duration.ofSeconds(30), () -> !seen.isEmpty(), () -> "own ack not received");
    assertThat(seen).containsOnly(TOPICS.ack("kiosk-41"));
  }

  @Test
  void anotherDevicesClientIdNeitherTakesOverItsSessionNorDisconnectsIt() throws Exception {
    // The victim has a kept session with an ack queued while it is away.
    MqttLink away = connectedDevice("kiosk-52");
    away.subscribe(TOPICS.ack("kiosk-52"), 1, m -> {}).get(10, TimeUnit.SECONDS);
    away.close();
    rig.centralLink().publish(TOPICS.ack("kiosk-52"), FORGED, 1, false).get(10, TimeUnit.SECONDS);

    // The thief connects with the victim's client id and asks for the kept session.
    List<String> stolen = new CopyOnWriteArrayList<>();
    MqttLink thief =
        rig.track(
            new MqttLink(
                MqttLinkSettings.service(
                        rig.broker().url(),
                        TENANT,
                        "kiosk-52",
                        Optional.of(TestTls.files(certs.client("kiosk-51"))))
                    .withReconnect(Duration.ofMillis(100), Duration.ofSeconds(1)),
                rig.clock()));
    thief.subscribe(TOPICS.ack("kiosk-52"), 1, m -> stolen.add(m.topic()));
    AtomicInteger thiefSessions = new AtomicInteger();
    thief.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void connected(boolean sessionPresent) {
            if (sessionPresent) {
              thiefSessions.incrementAndGet();
            }
          }

          @Override
          public void disconnected(String reason) {}
        });
    thief.start();
    assertThat(thief.awaitConnected(MessagingRig.CONNECT_TIMEOUT)).isTrue();
    await(
        Duration.ofSeconds(30),
        () -> rig.broker().log().contains("as kiosk-51"),
        () -> rig.broker().log());
    assertThat(rig.broker().log().split("as kiosk-52 \\(", -1))
        .as("only the victim's own connection was ever kiosk-52")
        .hasSize(2);

    // The victim comes back, gets its queued ack, and stays connected while the thief is on.
    List<String> received = new CopyOnWriteArrayList<>();
    AtomicInteger drops = new AtomicInteger();
    MqttLink victim = rig.deviceLink("kiosk-52");
    victim.subscribe(TOPICS.ack("kiosk-52"), 1, m -> received.add(m.topic()));
    victim.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void connected(boolean sessionPresent) {}

          @Override
          public void disconnected(String reason) {
            drops.incrementAndGet();
          }
        });
    victim.start();
    assertThat(victim.awaitConnected(MessagingRig.CONNECT_TIMEOUT)).isTrue();
    await(Duration.ofSeconds(30), () -> !received.isEmpty(), () -> "queued ack not received");
    rig.centralLink().publish(TOPICS.ack("kiosk-52"), FORGED, 1, false).get(10, TimeUnit.SECONDS);
    await(Duration.ofSeconds(30), () -> received.size() == 2, () -> "second ack not received");
    assertThat(stolen).isEmpty();
    assertThat(thiefSessions).hasValue(0);
    assertThat(drops).hasValue(0);
    assertThat(victim.isConnected()).isTrue();
  }

  @Test
  void aPacketOverMaxPacketSizeIsRefusedAndTheSenderDisconnected() throws Exception {
    int max = Integer.parseInt(ShippedBrokerConfig.load().value("max_packet_size").orElseThrow());
    // A topic of its own that no client of this rig reads: the rig's central, a device link
    // subscribed to every event topic, refused the forwarded packet at the limit as too large
    // (Paho 51001), dropped its link and spoiled the next test.
    String topic = TOPICS.manageResult("kiosk-61");
    // Mosquitto counts a packet as its first byte plus the remaining length (not the 1-4 bytes
    // that encode the length); that count may be at most max_packet_size.
    try (RawMqttClient atLimit = RawMqttClient.connect(rig, certs, "kiosk-61")) {
      assertThat(atLimit.publishQos1(topic, max - 1)).as("counted size %d", max).isTrue();
    }
    try (RawMqttClient overLimit = RawMqttClient.connect(rig, certs, "kiosk-61")) {
      assertThat(overLimit.publishQos1(topic, max)).as("counted size %d", max + 1).isFalse();
    }
  }

  private static MqttLink connectedDevice(String deviceId) {
    MqttLink link = rig.deviceLink(deviceId);
    link.start();
    assertThat(link.awaitConnected(MessagingRig.CONNECT_TIMEOUT))
        .as(deviceId + " connects\n" + rig.broker().log())
        .isTrue();
    return link;
  }

  /**
   * MQTT 3.1.1 written by hand over TLS, because a real client library refuses to send a packet
   * over the limit itself: this one sends whatever it is told, as a thief's tool would.
   */
  private static final class RawMqttClient implements AutoCloseable {
    private final SSLSocket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private RawMqttClient(SSLSocket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.in = new DataInputStream(socket.getInputStream());
    }

    static RawMqttClient connect(MessagingRig rig, TestCertificates certs, String cn)
        throws IOException {
      SSLSocket socket =
          (SSLSocket)
              PemTls.socketFactory(TestTls.files(certs.client(cn)))
                  .createSocket("127.0.0.1", rig.broker().port());
      socket.setSoTimeout(20_000);
      RawMqttClient c = new RawMqttClient(socket);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      writeString(body, "MQTT");
      body.write(4); // protocol level 3.1.1
      body.write(0x02); // clean session
      body.write(0);
      body.write(30); // keep alive 30 s
      writeString(body, cn);
      c.send(0x10, body.toByteArray());
      int type = c.in.readUnsignedByte();
      int length = c.in.readUnsignedByte();
      byte[] connack = new byte[length];
      c.in.readFully(connack);
      if (type != 0x20 || connack[1] != 0) {
        throw new IOException("CONNACK refused: type " + type + ", code " + connack[1]);
      }
      return c;
    }

    /** Sends a QoS 1 PUBLISH with this remaining length; true if the broker acknowledged. */
    boolean publishQos1(String topic, int remaining) throws IOException {
      byte[] name = topic.getBytes(StandardCharsets.UTF_8);
      int payload = remaining - 2 - name.length - 2;
      if (payload < 0) {
        throw new IllegalArgumentException("no packet of " + remaining + " bytes for " + topic);
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream(remaining);
      writeString(body, topic);
      body.write(0);
      body.write(1); // packet id 1
      body.write(new byte[payload], 0, payload);
      try {
        send(0x32, body.toByteArray());
        int type = in.readUnsignedByte();
        return type == 0x40;
      } catch (EOFException | SocketException closedByBroker) {
        return false;
      }
    }

    private void send(int header, byte[] body) throws IOException {
      ByteArrayOutputStream packet = new ByteArrayOutputStream(body.length + 5);
      packet.write(header);
      int n = body.length;
      do {
        int digit = n % 128;
        n /= 128;
        packet.write(n > 0 ? digit | 0x80 : digit);
      } while (n > 0);
      packet.write(body, 0, body.length);
      out.write(packet.toByteArray());
      out.flush();
    }

    private static void writeString(ByteArrayOutputStream b, String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      b.write(bytes.length >> 8);
      b.write(bytes.length & 0xff);
      b.write(bytes, 0, bytes.length);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
