package org.shiori.device.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.shiori.device.store.Outbox;
import org.shiori.device.store.OutboxEntry;
import org.shiori.protocol.PayloadException;
import org.shiori.protocol.SequencedTransaction;
import org.shiori.protocol.TransactionAck;
import org.shiori.protocol.TransactionCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the durable outbox to {@code lib/{tenant}/dev/{deviceId}/tx} with QoS 1, in sequence order
 * (store, publish, mark published, confirm on central's ack).
 *
 * <p>It is driven by events, on one thread: the ledger's commit ({@link #notifyCommitted()}), the
 * broker's confirmations (which open the publish window again), acks on the {@code ack} topic, and
 * link state. After every connect it starts again from the oldest unacknowledged entry, because a
 * broker that crashed may have lost what it had confirmed; central de-duplicates by transaction id.
 * The same happens when central has not acknowledged the oldest sent entry within the ack timeout.
 */
public final class OutboxPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisher.class);

  /** Publishes awaiting the broker's PUBACK; well below Mosquitto's default receive maximum. */
  public static final int DEFAULT_WINDOW = 8;

  public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(30);
  private static final int FETCH = 256;
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

  private final MqttLink link;
  private final Outbox outbox;
  private final Clock clock;
  private final String deviceId;
  private final String txTopic;
  private final int window;
  private final Duration ackTimeout;
  private final TransactionCodec codec = new TransactionCodec();
  private final List<RejectionListener> rejectionListeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService worker;
  private final AtomicBoolean wakePending = new AtomicBoolean();

  // Confined to the worker thread.
  private final ArrayDeque<OutboxEntry> ready = new ArrayDeque<>();
  private final NavigableMap<Long, Instant> sentAt = new TreeMap<>();
  private final Map<UUID, Long> sequenceOf = new HashMap<>();
  private boolean connected;
  private boolean retryScheduled;
  private int generation;
  private long cursor;
  private long oldestPending = 1;
  private int inFlight;

  /** A publisher with the default window and ack timeout. */
  public OutboxPublisher(MqttLink link, Outbox outbox, Clock clock) {
    this(link, outbox, clock, DEFAULT_WINDOW, DEFAULT_ACK_TIMEOUT);
  }

  /**
   * @param link a device link ({@link MqttLinkSettings#device})
   * @param outbox the durable outbox
   * @param clock for ack timeouts
   * @param window how many publishes may await the broker's confirmation at once
   * @param ackTimeout after this without central's ack for the oldest sent entry, re-send
   */
  public OutboxPublisher(
      MqttLink link, Outbox outbox, Clock clock, int window, Duration ackTimeout) {
    this.link = link;
    this.outbox = outbox;
    this.clock = clock;
    this.deviceId =
        link.settings()
            .deviceId()
            .orElseThrow(() -> new IllegalArgumentException("the outbox needs a device link"));
    this.txTopic = link.topics().tx(deviceId);
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1");
    }
    this.window = window;
    this.ackTimeout = ackTimeout;
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "outbox-publisher-" + deviceId);
              t.setDaemon(true);
              return t;
            });
  }

  /** Subscribes to acks and follows the link; call before or after {@link MqttLink#start()}. */
  public void start() {
    link.subscribe(link.topics().ack(deviceId), 1, m -> run(() -> onAck(m)));
    link.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void connected(boolean sessionPresent) {
            run(OutboxPublisher.this::onConnected);
          }

          @Override
          public void disconnected(String reason) {
            run(OutboxPublisher.this::onDisconnected);
          }
        });
    long period = Math.max(1, ackTimeout.toMillis() / 2);
    worker.scheduleWithFixedDelay(
        () -> guarded(this::checkAckTimeout), period, period, TimeUnit.MILLISECONDS);
  }

  /** The ledger committed new entries: publish them now if the link is up. Never blocks. */
  public void notifyCommitted() {
    if (wakePending.compareAndSet(false, true)) {
      run(
          () -> {
            wakePending.set(false);
            pump();
          });
    }
  }

  public void addRejectionListener(RejectionListener listener) {
    rejectionListeners.add(listener);
  }

  /** Runs a task on the publisher's own thread, after the work before it (health check). */
  public Executor thread() {
    return worker::execute;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }

  private void run(Runnable task) {
    try {
      worker.execute(() -> guarded(task));
    } catch (RejectedExecutionException e) {
      LOG.debug("outbox publisher closed; event dropped");
    }
  }

  private static void guarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      // The outbox keeps every entry; the next event or reconnect picks up from there.
      LOG.error("outbox publisher step failed", e);
    }
  }

  private void onConnected() {
    connected = true;
    restartFromOldest("link connected");
  }

  /** Publishes of the lost connection fail or never answer: none of them counts any more. */
  private void onDisconnected() {
    connected = false;
    generation++;
    inFlight = 0;
  }

  private void restartFromOldest(String why) {
    generation++;
    ready.clear();
    sentAt.clear();
    sequenceOf.clear();
    cursor = 0;
    inFlight = 0;
    int pending = outbox.pendingCount();
    if (pending > 0) {
      LOG.info("publishing {} unacknowledged transactions from the oldest ({})", pending, why);
    }
    pump();
  }

  private void pump() {
    while (connected && inFlight < window) {
      OutboxEntry next = nextToSend();
      if (next == null) {
        return;
      }
      send(next);
    }
  }

  private OutboxEntry nextToSend() {
    if (ready.isEmpty()) {
      int max = FETCH;
      while (true) {
        List<OutboxEntry> batch = outbox.unacknowledged(max);
        if (!batch.isEmpty()) {
          oldestPending = batch.get(0).sequence();
        }
        for (OutboxEntry e : batch) {
          if (e.sequence() > cursor) {
            ready.add(e);
          }
        }
        if (!ready.isEmpty() || batch.size() < max) {
          break;
        }
        max = max >= Integer.MAX_VALUE / 4 ? Integer.MAX_VALUE : max * 4;
      }
    }
    return ready.poll();
  }

  private void send(OutboxEntry entry) {
    cursor = entry.sequence();
    inFlight++;
    sentAt.put(entry.sequence(), clock.instant());
    sequenceOf.put(entry.transaction().id(), entry.sequence());
    int gen = generation;
    link.publish(txTopic, codec.encode(sequenced(entry, oldestPending)), 1, false)
        .whenComplete((ok, error) -> run(() -> onBrokerAnswer(gen, entry, error)));
  }

  private void onBrokerAnswer(int gen, OutboxEntry entry, Throwable error) {
    if (error == null) {
      outbox.markPublished(entry.sequence());
    }
    if (gen != generation) {
      return;
    }
    inFlight--;
    if (error != null) {
      LOG.info("publish of sequence {} not confirmed: {}", entry.sequence(), error.toString());
      scheduleRetry();
      return;
    }
    pump();
  }

  /** A publish failed while the link looked up: start again from the oldest, after a pause. */
  private void scheduleRetry() {
    if (retryScheduled) {
      return;
    }
    retryScheduled = true;
    try {
      worker.schedule(
          () ->
              guarded(
                  () -> {
                    retryScheduled = false;
                    if (connected) {
                      restartFromOldest("a publish was not confirmed");
                    }
                  }),
          RETRY_AFTER_FAILURE.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("outbox publisher closed");
    }
  }

  private void checkAckTimeout() {
    if (!connected || sentAt.isEmpty()) {
      return;
    }
    Instant oldest = sentAt.firstEntry().getValue();
    if (Duration.between(oldest, clock.instant()).compareTo(ackTimeout) > 0) {
      restartFromOldest("no ack for sequence " + sentAt.firstKey() + " within " + ackTimeout);
    }
  }

  private void onAck(InboundMessage message) {
    TransactionAck ack;
    try {
      ack = TransactionAck.decode(message.payload());
    } catch (PayloadException e) {
      LOG.warn("invalid ack on {} ignored: {}", message.topic(), e.getMessage());
      return;
    }
    Long seq = sequenceOf.remove(ack.txId());
    if (seq != null) {
      sentAt.remove(seq);
    }
    if (ack.accepted()) {
      if (!outbox.acknowledge(ack.txId())) {
        LOG.debug("ack for a transaction no longer in the outbox (duplicate ack)");
      }
      return;
    }
    String reason = ack.reason().orElseThrow();
    if (outbox.reject(ack.txId(), reason)) {
      LOG.warn("central rejected transaction {}: {}", ack.txId(), reason);
      for (RejectionListener l : rejectionListeners) {
        l.rejected(ack.txId(), reason);
      }
    }
  }

  /** The entry as it travels; {@code pendingFrom} never lies above the entry's own sequence. */
  private static SequencedTransaction sequenced(OutboxEntry entry, long oldestPending) {
    return new SequencedTransaction(
        entry.sequence(), Math.min(oldestPending, entry.sequence()), entry.transaction());
  }
}
