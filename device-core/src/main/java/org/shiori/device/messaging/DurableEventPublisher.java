package org.shiori.device.messaging;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.shiori.device.store.EventStore;
import org.shiori.device.store.StoredEvent;
import org.shiori.protocol.DeviceEvent;
import org.shiori.protocol.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff events that survive a broker outage, a central outage and a stop: each event is stored
 * durably in the device's {@link EventStore} before this returns, then published with QoS 1 in the
 * order stored, and deleted only when central confirms it has taken it (store, publish, confirm, as
 * transactions are): the publish carries the event's store sequence as MQTT 5 correlation data and
 * {@link Topics#eventAck} as response topic, and central answers there after its commit. What is
 * still stored after a restart is published then. While the link is down nothing is sent; on every
 * connect publishing starts again from the oldest stored event, so an event may arrive twice but
 * never not at all.
 */
public final class DurableEventPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DurableEventPublisher.class);
  private static final int BATCH = 32;
  private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final MqttLink link;
  private final EventStore store;
  private final Clock clock;
  private final String deviceId;
  private final String topic;
  private final String ackTopic;
  private final ScheduledExecutorService worker;
  private final AtomicBoolean drainQueued = new AtomicBoolean();
  private final Map<Long, CompletableFuture<Void>> confirmations = new ConcurrentHashMap<>();

  public DurableEventPublisher(MqttLink link, EventStore store, Clock clock) {
    this.link = link;
    this.store = store;
    this.clock = clock;
    this.deviceId =
        link.settings()
            .deviceId()
            .orElseThrow(() -> new IllegalArgumentException("events need a device link"));
    this.topic = link.topics().event(deviceId);
    this.ackTopic = link.topics().eventAck(deviceId);
    link.subscribe(ackTopic, 1, this::onConfirmation);
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "event-publisher");
              t.setDaemon(true);
              return t;
            });
    link.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void connected(boolean sessionPresent) {
            wake();
          }

          @Override
          public void disconnected(String reason) {
            // nothing to do: the next connect drains again
          }
        });
    long retry = RETRY.toMillis();
    worker.scheduleWithFixedDelay(this::wake, retry, retry, TimeUnit.MILLISECONDS);
  }

  /** An item not on loan passed the gate: item id and title, never a patron. */
  public void gateAlarm(String itemId, String title) {
    store(DeviceEvent.Type.GATE_ALARM, Optional.of(itemId), Optional.of(title), Optional.empty());
  }

  /**
   * @param code what was tampered with, e.g. {@code READER_REMOVED}
   */
  public void tamper(String code) {
    store(
        DeviceEvent.Type.TAMPER,
        Optional.empty(),
        Optional.empty(),
        Optional.of(Topics.requireSegment("code", code)));
  }

  /**
   * A refused request to the gate's admin API (P-BREACH-1). Stored as a routine event: when the
   * store is full it gives way like the others, so someone trying tokens never pushes out an alarm
   * or a tamper event.
   *
   * @param code e.g. {@code ADMIN_TOKEN_REFUSED}
   */
  public void unauthorisedAccess(String code) {
    store(
        DeviceEvent.Type.UNAUTHORISED_ACCESS,
        Optional.empty(),
        Optional.empty(),
        Optional.of(Topics.requireSegment("code", code)));
  }

  /** Events stored and not yet confirmed by central. */
  public int pending() {
    return store.pendingCount();
  }

  private void store(
      DeviceEvent.Type type,
      Optional<String> itemId,
      Optional<String> title,
      Optional<String> code) {
    DeviceEvent e =
        new DeviceEvent(
            type,
            deviceId,
            clock.instant(),
            itemId,
            title,
            Optional.<UUID>empty(),
            code,
            OptionalLong.empty());
    // Alarms and tamper events are the ones that never give way to the bound.
    store.store(e.encode(), type == DeviceEvent.Type.GATE_ALARM || type == DeviceEvent.Type.TAMPER);
    wake();
  }

  /**
   * Events were stored directly in the store (a gate's hourly visitor reports, stored in the same
   * transaction that marks the hour reported): publish them now rather than at the next retry.
   */
  public void publishStored() {
    wake();
  }

  private void wake() {
    if (drainQueued.compareAndSet(false, true)) {
      try {
        worker.execute(this::drain);
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        drainQueued.set(false);
      }
    }
  }

  private void drain() {
    drainQueued.set(false);
    if (!link.isConnected()) {
      return;
    }
    try {
      List<StoredEvent> batch;
      while (!(batch = store.pending(BATCH)).isEmpty()) {
        for (StoredEvent e : batch) {
          publishAndAwaitCentral(e);
          store.confirmed(e.sequence());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.debug("event publishing paused, retried: {}", e.toString());
    }
  }

  private void publishAndAwaitCentral(StoredEvent e) throws Exception {
    CompletableFuture<Void> confirmed = new CompletableFuture<>();
    confirmations.put(e.sequence(), confirmed);
    try {
      link.publish(
              topic,
              e.payload(),
              1,
              false,
              Optional.of(ackTopic),
              Optional.of(correlation(e.sequence())))
          .get(CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      confirmed.get(CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      confirmations.remove(e.sequence());
    }
  }

  private void onConfirmation(InboundMessage m) {
    Optional<byte[]> data = m.correlationData();
    if (data.isEmpty() || data.get().length != Long.BYTES) {
      LOG.debug("event confirmation without an event's correlation data ignored");
      return;
    }
    CompletableFuture<Void> waiting = confirmations.get(ByteBuffer.wrap(data.get()).getLong());
    if (waiting != null) {
      waiting.complete(null);
    }
  }

  private static byte[] correlation(long sequence) {
    return ByteBuffer.allocate(Long.BYTES).putLong(sequence).array();
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
