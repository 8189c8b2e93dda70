package org.shiori.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.testkit.Conditions.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.Transaction;
import org.shiori.device.testing.InMemoryOutbox;
import org.shiori.device.testing.MessagingRig;
import org.shiori.device.testing.ReceivedTransaction;
import org.shiori.device.testing.Transactions;
import org.shiori.protocol.TransactionAck;

class OutboxPublisherTest {
  private static final Duration LONG = Duration.ofSeconds(60);
  private MessagingRig rig;
  private InMemoryOutbox outbox;
  private MqttLink device;
  private OutboxPublisher publisher;

  @BeforeEach
  void setUp() {
    rig = MessagingRig.plain("t1");
    outbox = new InMemoryOutbox();
    device = rig.deviceLink("kiosk-1");
    publisher =
        rig.track(new OutboxPublisher(device, outbox, rig.clock(), 8, Duration.ofSeconds(5)));
    publisher.start();
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  private void connect() {
    device.start();
    assertThat(device.awaitConnected(MessagingRig.CONNECT_TIMEOUT)).isTrue();
  }

  private List<Long> receivedSequences() {
    return rig.central().received().stream().map(ReceivedTransaction::sequence).toList();
  }

  @Test
  void drainsCommittedTransactionsInOrderAndErasesThemOnAck() {
    connect();
    for (int i = 0; i < 300; i++) {
      outbox.append(Transactions.giveBack("kiosk-1", "item-" + i));
      publisher.notifyCommitted();
    }
    await(LONG, () -> outbox.pendingCount() == 0, () -> "pending " + outbox.pendingCount());
    assertThat(receivedSequences()).containsExactlyElementsOf(seq(1, 300));
    // The broker's PUBACKs may be handled after central's acks erased the entries.
    await(LONG, () -> outbox.publishedCount() == 300, () -> "published " + outbox.publishedCount());
  }

  @Test
  void offlineTransactionsAccumulateAndDrainInOrderAfterTheBrokerReturns() {
    connect();
    rig.broker().kill9();
    for (int i = 0; i < 100; i++) {
      outbox.append(Transactions.giveBack("kiosk-1", "item-" + i));
      publisher.notifyCommitted();
    }
    assertThat(outbox.pendingCount()).isEqualTo(100);
    rig.broker().start();
    await(LONG, () -> outbox.pendingCount() == 0, () -> "pending " + outbox.pendingCount());
    assertThat(receivedSequences()).containsExactlyElementsOf(seq(1, 100));
  }

  @Test
  void aCentralThatLostItsMemoryContinuesFromWhatTheDeviceReportsAnswered() {
    connect();
    for (int i = 0; i < 5; i++) {
      outbox.append(Transactions.giveBack("kiosk-1", "item-" + i));
    }
    publisher.notifyCommitted();
    await(LONG, () -> outbox.pendingCount() == 0, () -> "pending " + outbox.pendingCount());
    rig.central().close();
    rig.centralLink().close();

    MqttLink freshLink =
        rig.track(
            new MqttLink(
                MqttLinkSettings.service(rig.broker().url(), "t1", "central-2", Optional.empty()),
                rig.clock()));
    org.shiori.device.testing.CentralSimulator fresh =
        rig.track(new org.shiori.device.testing.CentralSimulator(freshLink, rig.clock()));
    fresh.start();
    freshLink.start();
    assertThat(freshLink.awaitConnected(MessagingRig.CONNECT_TIMEOUT)).isTrue();
    for (int i = 5; i < 8; i++) {
      outbox.append(Transactions.giveBack("kiosk-1", "item-" + i));
    }
    publisher.notifyCommitted();
    await(LONG, () -> outbox.pendingCount() == 0, () -> "pending " + outbox.pendingCount());
    assertThat(fresh.received())
        .extracting(ReceivedTransaction::sequence)
        .containsExactly(6L, 7L, 8L);
    assertThat(outbox.rejected()).isEmpty();
  }

  @Test
  void centralRejectsACheckoutOfABlockedPatronAndStaffAreTold() throws Exception {
    PatronKey blocked = new PatronKey("00112233445566778899aabbccddeeff");
    rig.central()
        .putPatron(
            new PatronSnapshot(
                blocked,
                "individual",
                LocalDate.parse("2030-03-31"),
                true,
                false,
                java.util.Map.of(),
                0,
                0,
                0,
                Optional.empty(),
                "main"));
    CompletableFuture<String> told = new CompletableFuture<>();
    publisher.addRejectionListener((id, reason) -> told.complete(id + " " + reason));
    connect();
    Transaction t = Transactions.checkout("kiosk-1", "item-1", blocked);
    outbox.append(t);
    publisher.notifyCommitted();
    assertThat(told.get(60, TimeUnit.SECONDS)).isEqualTo(t.id() + " PATRON_BLOCKED");
    assertThat(outbox.rejected()).containsEntry(t.id(), "PATRON_BLOCKED");
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void invalidAcksAreIgnoredAndLeaveTheOutboxUnchanged() throws Exception {
    connect();
    // No central answer for this device: acks come only from the test.
    rig.central().close();
    rig.centralLink().close();
    Transaction t = Transactions.giveBack("kiosk-1", "item-1");
    outbox.append(t);
    publisher.notifyCommitted();
    await(LONG, () -> outbox.publishedCount() == 1, () -> "not published");
    String ackTopic = device.topics().ack("kiosk-1");
    List<String> bad =
        List.of(
            "",
            "{}",
            "not json",
            "{\"schemaVersion\":2,\"txId\":\""
                + t.id()
                + "\",\"status\":\"accepted\",\"reason\":null}",
            "{\"schemaVersion\":1,\"txId\":\""
                + t.id()
                + "\",\"status\":\"maybe\",\"reason\":null}",
            "{\"schemaVersion\":1,\"txId\":\""
                + t.id()
                + "\",\"status\":\"rejected\",\"reason\":null}",
            "{\"schemaVersion\":1,\"txId\":\"" + t.id() + "\",\"status\":\"accepted\"}");
    try (MqttLink other = rig.deviceLink("tester")) {
      other.start();
      assertThat(other.awaitConnected(MessagingRig.CONNECT_TIMEOUT)).isTrue();
      for (String b : bad) {
        other
            .publish(ackTopic, b.getBytes(StandardCharsets.UTF_8), 1, false)
            .get(10, TimeUnit.SECONDS);
      }
      // A valid ack for an unknown id, then the real one: in order, so when the real one has
      // been applied the invalid ones before it have been seen.
      other.publish(ackTopic, TransactionAck.accept(UUID.randomUUID()).encode(), 1, false);
      assertThat(outbox.pendingCount()).isEqualTo(1);
      other.publish(ackTopic, TransactionAck.accept(t.id()).encode(), 1, false);
    }
    await(LONG, () -> outbox.pendingCount() == 0, () -> "pending " + outbox.pendingCount());
    assertThat(outbox.rejected()).isEmpty();
  }

  private static List<Long> seq(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }
}
