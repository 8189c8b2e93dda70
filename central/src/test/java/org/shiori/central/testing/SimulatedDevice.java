package org.shiori.central.testing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.shiori.central.mqtt.NoDelaySockets;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.Transaction;
import org.shiori.circulation.domain.TransactionType;
import org.shiori.protocol.DeviceState;
import org.shiori.protocol.PayloadException;
import org.shiori.protocol.SequencedTransaction;
import org.shiori.protocol.Topics;
import org.shiori.protocol.TransactionAck;
import org.shiori.protocol.TransactionCodec;

/**
 * A device's outbox over MQTT, for central's tests and benchmarks: transactions numbered from 1,
 * sent in order with {@code pendingFrom}, kept until central's ack, all re-sent from the oldest
 * unacknowledged one when no ack came within the ack timeout (as {@code OutboxPublisher} does).
 * Records when each transaction was committed and when its ack came.
 */
public final class SimulatedDevice implements AutoCloseable {
  private final String deviceId;
  private final Topics topics;
  private final MqttAsyncClient client;
  private final Duration ackTimeout;
  private final TransactionCodec codec = new TransactionCodec();
  private final TreeMap<Long, Transaction> pending = new TreeMap<>();
  private final Map<UUID, Long> committedNanos = new ConcurrentHashMap<>();
  private final List<Long> commitToAckNanos = new CopyOnWriteArrayList<>();
  private final Map<UUID, TransactionAck> answers = new ConcurrentHashMap<>();
  private final List<byte[]> otherMessages = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private long nextSequence = 1;
  private long lastProgressNanos = System.nanoTime();

  public SimulatedDevice(URI broker, String tenant, String deviceId, Duration ackTimeout)
      throws MqttException {
    this.deviceId = deviceId;
    this.topics = new Topics(tenant);
    this.ackTimeout = ackTimeout;
    this.client = new MqttAsyncClient(broker.toString(), deviceId, new MemoryPersistence());
    client.setCallback(new Callback());
  }

  /** Connects, subscribes to its answers and publishes its birth. */
  public SimulatedDevice connect() throws MqttException {
    connectWithoutBirth();
    client
        .publish(topics.state(deviceId), new DeviceState(deviceId, true, 1, 1).encode(), 1, true)
        .waitForCompletion(10_000);
    return this;
  }

  /** Connects and subscribes, but says nothing of itself (a device central never registered). */
  public SimulatedDevice connectWithoutBirth() throws MqttException {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setAutomaticReconnect(true);
    o.setAutomaticReconnectDelay(1, 2);
    o.setSocketFactory(new NoDelaySockets());
    client.connect(o).waitForCompletion(10_000);
    client.subscribe(topics.ack(deviceId), 1).waitForCompletion(10_000);
    client.subscribe(topics.device(deviceId) + "/cmd/reply", 1).waitForCompletion(10_000);
    client.subscribe(topics.device(deviceId) + "/sync/+", 1).waitForCompletion(10_000);
    timer.scheduleWithFixedDelay(this::resendIfStuck, 200, 200, TimeUnit.MILLISECONDS);
    return this;
  }

  public String deviceId() {
    return deviceId;
  }

  /** Commits a checkout to the outbox and sends it. */
  public Transaction checkout(String itemId, PatronKey patron) {
    return commit(
        new Transaction(
            UUID.randomUUID(),
            TransactionType.CHECKOUT,
            deviceId,
            "main",
            itemId,
            Optional.of(patron),
            Instant.now(),
            Optional.of(LocalDate.now().plusDays(14)),
            false));
  }

  /** Commits a return to the outbox and sends it. */
  public Transaction giveBack(String itemId) {
    return commit(
        new Transaction(
            UUID.randomUUID(),
            TransactionType.RETURN,
            deviceId,
            "main",
            itemId,
            Optional.empty(),
            Instant.now(),
            Optional.empty(),
            false));
  }

  private Transaction commit(Transaction t) {
    long seq;
    long from;
    synchronized (this) {
      seq = nextSequence++;
      pending.put(seq, t);
      from = pending.firstKey();
    }
    committedNanos.put(t.id(), System.nanoTime());
    send(seq, from, t);
    return t;
  }

  private void send(long seq, long pendingFrom, Transaction t) {
    try {
      client.publish(
          topics.tx(deviceId),
          codec.encode(new SequencedTransaction(seq, pendingFrom, t)),
          1,
          false);
    } catch (MqttException e) {
      // Kept in the outbox: re-sent after the ack timeout.
    }
  }

  private void resendIfStuck() {
    List<Map.Entry<Long, Transaction>> again;
    synchronized (this) {
      if (pending.isEmpty()
          || System.nanoTime() - lastProgressNanos < ackTimeout.toNanos()
          || !client.isConnected()) {
        return;
      }
      lastProgressNanos = System.nanoTime();
      again = new ArrayList<>(pending.entrySet());
    }
    long from = again.get(0).getKey();
    for (Map.Entry<Long, Transaction> e : again) {
      send(e.getKey(), from, e.getValue());
    }
  }

  /** Waits until fewer than {@code limit} entries wait for central's answer (no polling). */
  public synchronized void awaitPendingBelow(int limit) throws InterruptedException {
    while (pending.size() >= limit) {
      wait();
    }
  }

  /** Entries still waiting for central's answer. */
  public synchronized int pendingCount() {
    return pending.size();
  }

  public Map<UUID, TransactionAck> answers() {
    return Map.copyOf(answers);
  }

  /** Device commit to central's ack, in nanoseconds, one per acknowledged transaction. */
  public List<Long> commitToAckNanos() {
    return List.copyOf(commitToAckNanos);
  }

  /** Replies and sync messages this device received. */
  public List<byte[]> otherMessages() {
    return List.copyOf(otherMessages);
  }

  /** Publishes a request (resync, loans) with this device's reply topic. */
  public void request(byte[] payload, String responseTopic) throws MqttException {
    MqttMessage m = new MqttMessage(payload);
    m.setQos(1);
    MqttProperties p = new MqttProperties();
    p.setResponseTopic(responseTopic);
    p.setCorrelationData(new byte[] {1, 2, 3, 4});
    m.setProperties(p);
    client.publish(topics.cmd(deviceId), m).waitForCompletion(10_000);
  }

  /** Publishes raw bytes on this device's tx topic (forged or broken messages). */
  public void publishRaw(byte[] payload) throws MqttException {
    client.publish(topics.tx(deviceId), payload, 1, false).waitForCompletion(10_000);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      client.disconnect().waitForCompletion(3_000);
    } catch (MqttException e) {
      // closing anyway
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      // closing anyway
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      if (!topic.equals(topics.ack(deviceId))) {
        otherMessages.add(message.getPayload());
        return;
      }
      TransactionAck ack;
      try {
        ack = TransactionAck.decode(message.getPayload());
      } catch (PayloadException e) {
        return;
      }
      synchronized (SimulatedDevice.this) {
        if (pending.values().removeIf(t -> t.id().equals(ack.txId()))) {
          lastProgressNanos = System.nanoTime();
          Long committed = committedNanos.get(ack.txId());
          if (committed != null) {
            commitToAckNanos.add(System.nanoTime() - committed);
          }
          SimulatedDevice.this.notifyAll();
        }
      }
      answers.put(ack.txId(), ack);
    }

    @Override
    public void disconnected(MqttDisconnectResponse r) {}

    @Override
    public void mqttErrorOccurred(MqttException e) {}

    @Override
    public void deliveryComplete(IMqttToken t) {}

    @Override
    public void connectComplete(boolean reconnect, String uri) {}

    @Override
    public void authPacketArrived(int code, MqttProperties p) {}
  }
}
