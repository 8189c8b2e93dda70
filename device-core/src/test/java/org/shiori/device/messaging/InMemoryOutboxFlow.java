package org.shiori.device.messaging;

import static org.shiori.testkit.Conditions.await;

import java.time.Duration;
import org.shiori.circulation.domain.Transaction;
import org.shiori.device.testing.InMemoryOutbox;
import org.shiori.device.testing.MessagingRig;

/** Sends transactions through an outbox publisher and waits for central's acknowledgement. */
final class InMemoryOutboxFlow {
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final OutboxPublisher publisher;

  InMemoryOutboxFlow(MessagingRig rig, MqttLink device) {
    publisher = rig.track(new OutboxPublisher(device, outbox, rig.clock()));
    publisher.start();
  }

  void send(Transaction t) {
    outbox.append(t);
    publisher.notifyCommitted();
    await(Duration.ofSeconds(60), () -> outbox.pendingCount() == 0, () -> "not acknowledged");
  }
}
