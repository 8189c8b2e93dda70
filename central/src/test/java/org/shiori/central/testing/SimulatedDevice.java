package org.shiori.central.testing;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
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
  private final DeviceConnection client;
  private final Duration ackTimeout;
  private final TransactionCodec codec = new TransactionCodec();
  // Guarded by this: the ack callback and the committing thread meet here, and a benchmark makes
  // thousands of transactions a second (a copy-on-write list copied itself at every ack).
  private final TreeMap<Long, Pending> pending = new TreeMap<>();
  private final List<Long> commitToAckNanos = new ArrayList<>();
  private final Map<UUID, TransactionAck> answers = new ConcurrentHashMap<>();
  private final List<byte[]> otherMessages = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private long nextSequence = 1;
  private long lastProgressNanos = System.nanoTime();

  /** A device on Paho, the MQTT client the devices use. */
  public SimulatedDevice(URI broker, String tenant, String deviceId, Duration ackTimeout) {
    this(new PahoDeviceConnection(broker), tenant, deviceId, ackTimeout);
  }

  public SimulatedDevice(
      DeviceConnection connection, String tenant, String deviceId, Duration ackTimeout) {
    this.deviceId = deviceId;
    this.topics = new Topics(tenant);
    this.ackTimeout = ackTimeout;
    this.client = connection;
  }

  /** Connects, subscribes to its answers and publishes its birth. */
  public SimulatedDevice connect() throws IOException {
    connectWithoutBirth();
    client.sendAndWait(
        topics.state(deviceId),
        new DeviceState(deviceId, true, 1, 1).encode(),
        true,
        Optional.empty());
    return this;
  }

  /** Connects and subscribes, but says nothing of itself (a device central never registered). */
  public SimulatedDevice connectWithoutBirth() throws IOException {
    client.open(
        deviceId,
        List.of(
            topics.ack(deviceId),
            topics.device(deviceId) + "/cmd/reply",
            topics.device(deviceId) + "/sync/+"),
        this::messageArrived);
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

  /** A transaction in the outbox, and when it was committed there. */
  private record Pending(Transaction transaction, long committedNanos) {}

  private Transaction commit(Transaction t) {
    long seq;
    long from;
    synchronized (this) {
      seq = nextSequence++;
      pending.put(seq, new Pending(t, System.nanoTime()));
      from = pending.firstKey();
    }
    send(seq, from, t);
    return t;
  }

  private void send(long seq, long pendingFrom, Transaction t) {
    try {
      client.send(topics.tx(deviceId), codec.encode(new SequencedTransaction(seq, pendingFrom, t)));
    } catch (IOException e) {
      // Kept in the outbox: re-sent after the ack timeout.
    }
  }

  private void resendIfStuck() {
    List<Map.Entry<Long, Pending>> again;
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
    for (Map.Entry<Long, Pending> e : again) {
      send(e.getKey(), from, e.getValue().transaction());
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
  public synchronized List<Long> commitToAckNanos() {
    return List.copyOf(commitToAckNanos);
  }

  /** Replies and sync messages this device received. */
  public List<byte[]> otherMessages() {
    return List.copyOf(otherMessages);
  }

  /** Publishes a request (resync, loans) with this device's reply topic. */
  public void request(byte[] payload, String responseTopic) throws IOException {
    client.sendAndWait(topics.cmd(deviceId), payload, false, Optional.of(responseTopic));
  }

  /** Publishes raw bytes on this device's tx topic (forged or broken messages). */
  public void publishRaw(byte[] payload) throws IOException {
    client.sendAndWait(topics.tx(deviceId), payload, false, Optional.empty());
  }

  @Override
  public void close() {
    timer.shutdownNow();
    client.close();
  }

  private void messageArrived(String topic, byte[] payload) {
    if (!topic.equals(topics.ack(deviceId))) {
      otherMessages.add(payload);
      return;
    }
    TransactionAck ack;
    try {
      ack = TransactionAck.decode(payload);
    } catch (PayloadException e) {
      return;
    }
    synchronized (this) {
      Iterator<Pending> it = pending.values().iterator();
      while (it.hasNext()) {
        Pending p = it.next();
        if (p.transaction().id().equals(ack.txId())) {
          it.remove();
          long now = System.nanoTime();
          lastProgressNanos = now;
          commitToAckNanos.add(now - p.committedNanos());
          notifyAll();
          break;
        }
      }
    }
    answers.put(ack.txId(), ack);
  }
}
