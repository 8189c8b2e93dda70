package org.shiori.device.messaging;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends small, non-durable messages (acks, events, requests, sync) in order with a bounded number
 * awaiting the broker's confirmation, so a burst never exceeds the broker's receive maximum. While
 * the link is down messages wait in a bounded queue; when it is full the oldest is dropped and
 * counted (the durable outbox, not this queue, carries transactions).
 */
public final class PacedPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PacedPublisher.class);
  private static final long RETRY_MS = 500;

  /** A message to send. */
  public record Outgoing(
      String topic,
      byte[] payload,
      int qos,
      boolean retained,
      Optional<String> responseTopic,
      Optional<byte[]> correlationData) {
    public Outgoing {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(payload, "payload");
      Objects.requireNonNull(responseTopic, "responseTopic");
      Objects.requireNonNull(correlationData, "correlationData");
    }

    public static Outgoing of(String topic, byte[] payload) {
      return new Outgoing(topic, payload, 1, false, Optional.empty(), Optional.empty());
    }
  }

  private final MqttLink link;
  private final int window;
  private final int capacity;
  private final ConfinedWorker worker;
  // Confined to the worker thread.
  private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
  private int inFlight;
  private int generation;
  private long dropped;
  private boolean retryScheduled;

  /**
   * @param link the link to send on
   * @param window messages awaiting the broker's confirmation at most
   * @param capacity messages waiting at most
   */
  public PacedPublisher(MqttLink link, int window, int capacity) {
    this.link = link;
    this.window = window;
    this.capacity = capacity;
    this.worker =
        new ConfinedWorker(
            "paced-publisher-" + link.settings().clientId(),
            LOG,
            "paced publisher step failed",
            "paced publisher closed");
    link.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void connected(boolean sessionPresent) {
            run(
                () -> {
                  generation++;
                  inFlight = 0;
                  drain();
                });
          }

          @Override
          public void disconnected(String reason) {
            // Messages wait in the queue until the next connect.
          }
        });
  }

  public void send(Outgoing message) {
    run(
        () -> {
          if (queue.size() >= capacity) {
            queue.poll();
            dropped++;
            LOG.warn("send queue full: oldest message dropped ({} so far)", dropped);
          }
          queue.add(message);
          drain();
        });
  }

  @Override
  public void close() {
    worker.close();
  }

  private void run(Runnable task) {
    worker.run(task);
  }

  private void drain() {
    while (link.isConnected() && inFlight < window && !queue.isEmpty()) {
      Outgoing m = queue.poll();
      inFlight++;
      int gen = generation;
      link.publish(
              m.topic(), m.payload(), m.qos(), m.retained(), m.responseTopic(), m.correlationData())
          .whenComplete((ok, error) -> run(() -> onDone(gen, m, error)));
    }
  }

  private void onDone(int gen, Outgoing m, Throwable error) {
    if (gen != generation) {
      return;
    }
    inFlight--;
    if (error instanceof BrokerRefusedException) {
      LOG.error("broker refused a message to {}: {}", m.topic(), error.getMessage());
    } else if (error != null) {
      queue.addFirst(m);
      scheduleRetry();
      return;
    }
    drain();
  }

  private void scheduleRetry() {
    if (retryScheduled) {
      return;
    }
    retryScheduled = true;
    worker.runAfter(
        RETRY_MS,
        () -> {
          retryScheduled = false;
          drain();
        });
  }
}
