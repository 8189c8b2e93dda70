package org.shiori.bench.messaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.shiori.circulation.domain.Transaction;
import org.shiori.device.messaging.MqttLink;
import org.shiori.device.messaging.MqttLinkSettings;
import org.shiori.device.messaging.NoDelaySockets;
import org.shiori.device.messaging.OutboxPublisher;
import org.shiori.device.store.SqliteStore;
import org.shiori.device.testing.CentralSimulator;
import org.shiori.device.testing.InMemoryOutbox;
import org.shiori.device.testing.Transactions;
import org.shiori.protocol.SequencedTransaction;
import org.shiori.protocol.TransactionCodec;
import org.shiori.testkit.MosquittoBroker;

/**
 * Latency of one transaction from the device to central through a real Mosquitto on loopback, one
 * at a time (sample mode: p50/p99 per invocation):
 *
 * <ul>
 *   <li>{@code rawPaho}: baseline, a bare Paho v5 QoS 1 publish of the same payload to a bare
 *       subscriber, Paho's default sockets (Nagle on);
 *   <li>{@code rawPahoNoDelay}: the same with TCP_NODELAY, as Shiori's links use: what the broker
 *       and client library cost at least;
 *   <li>{@code outboxToCentral}: outbox entry appended in memory, {@code notifyCommitted()}, the
 *       OutboxPublisher publishes, the CentralSimulator decodes, checks and records it;
 *   <li>{@code sqliteOutboxToCentral}: the same, starting with the durable SQLite commit of the
 *       return (WAL, synchronous=FULL) — the path a kiosk takes.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class MqttLatencyBenchmark {
  private static final String TENANT = "bench";
  private static final String TOPIC = "lib/bench/raw";
  private static final String FAST_TOPIC = "lib/bench/raw-nodelay";

  private MosquittoBroker broker;
  private MqttLink centralLink;
  private CentralSimulator central;
  private MqttLink deviceLink;
  private OutboxPublisher memoryPublisher;
  private InMemoryOutbox memoryOutbox;
  private MqttLink sqliteLink;
  private OutboxPublisher sqlitePublisher;
  private SqliteStore store;
  private Path storeDir;
  private MqttAsyncClient rawPublisher;
  private MqttAsyncClient rawSubscriber;
  private MqttAsyncClient fastPublisher;
  private MqttAsyncClient fastSubscriber;
  private final Map<UUID, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> rawWaiting = new ConcurrentHashMap<>();
  private final TransactionCodec codec = new TransactionCodec();
  private long rawCounter;

  @Setup
  public void setUp() throws Exception {
    Clock clock = Clock.systemUTC();
    broker = MosquittoBroker.plain(TENANT).start();
    centralLink =
        new MqttLink(
            MqttLinkSettings.service(broker.url(), TENANT, "central-1", Optional.empty()), clock);
    central = new CentralSimulator(centralLink, clock);
    central.addReceiveListener(
        r -> {
          CompletableFuture<Void> f = waiting.remove(r.transaction().id());
          if (f != null) {
            f.complete(null);
          }
        });
    central.start();
    centralLink.start();
    requireConnected(centralLink);

    memoryOutbox = new InMemoryOutbox();
    deviceLink = link("kiosk-mem", clock);
    memoryPublisher = new OutboxPublisher(deviceLink, memoryOutbox, clock);
    memoryPublisher.start();
    deviceLink.start();
    requireConnected(deviceLink);

    storeDir = Files.createTempDirectory("bench-store-");
    store = SqliteStore.open(storeDir.resolve("kiosk.db"), 100_000, clock);
    sqliteLink = link("kiosk-sql", clock);
    sqlitePublisher = new OutboxPublisher(sqliteLink, store, clock);
    sqlitePublisher.start();
    sqliteLink.start();
    requireConnected(sqliteLink);

    rawSubscriber = rawClient("raw-sub", false);
    rawSubscriber.setCallback(new RawArrivals(rawWaiting));
    rawSubscriber.subscribe(TOPIC, 1).waitForCompletion(10_000);
    rawPublisher = rawClient("raw-pub", false);
    fastSubscriber = rawClient("fast-sub", true);
    fastSubscriber.setCallback(new RawArrivals(rawWaiting));
    fastSubscriber.subscribe(FAST_TOPIC, 1).waitForCompletion(10_000);
    fastPublisher = rawClient("fast-pub", true);
  }

  private MqttLink link(String deviceId, Clock clock) {
    return new MqttLink(
        MqttLinkSettings.device(broker.url(), TENANT, deviceId, Optional.empty()), clock);
  }

  private MqttAsyncClient rawClient(String id, boolean noDelay) throws Exception {
    MqttAsyncClient c = new MqttAsyncClient(broker.url().toString(), id, new MemoryPersistence());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    if (noDelay) {
      o.setSocketFactory(NoDelaySockets.plain());
    }
    c.connect(o).waitForCompletion(10_000);
    return c;
  }

  private static void requireConnected(MqttLink link) {
    if (!link.awaitConnected(Duration.ofSeconds(30))) {
      throw new IllegalStateException(link.settings().clientId() + " did not connect");
    }
  }

  @TearDown
  public void tearDown() throws Exception {
    rawPublisher.disconnect().waitForCompletion(5_000);
    rawPublisher.close();
    rawSubscriber.disconnect().waitForCompletion(5_000);
    rawSubscriber.close();
    fastPublisher.disconnect().waitForCompletion(5_000);
    fastPublisher.close();
    fastSubscriber.disconnect().waitForCompletion(5_000);
    fastSubscriber.close();
    memoryPublisher.close();
    sqlitePublisher.close();
    deviceLink.close();
    sqliteLink.close();
    central.close();
    centralLink.close();
    store.close();
    broker.close();
    try (var files = Files.walk(storeDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public void rawPaho() throws Exception {
    rawRoundTrip(rawPublisher, TOPIC);
  }

  @Benchmark
  public void rawPahoNoDelay() throws Exception {
    rawRoundTrip(fastPublisher, FAST_TOPIC);
  }

  private void rawRoundTrip(MqttAsyncClient publisher, String topic) throws Exception {
    Transaction t = Transactions.giveBack("kiosk-raw", "item-1");
    ++rawCounter;
    byte[] payload = codec.encode(new SequencedTransaction(rawCounter, rawCounter, t));
    CompletableFuture<Void> arrived = new CompletableFuture<>();
    rawWaiting.put(t.id().toString(), arrived);
    MqttMessage m = new MqttMessage(payload);
    m.setQos(1);
    CompletableFuture<Void> confirmed = new CompletableFuture<>();
    publisher.publish(topic, m, null, new Confirmation(confirmed));
    arrived.get(10, TimeUnit.SECONDS);
    // Paho allows only the broker's receive maximum of unconfirmed publishes: settle the PUBACK
    // (it arrives at about the same time as the message) before the next one.
    confirmed.get(10, TimeUnit.SECONDS);
  }

  @Benchmark
  public void outboxToCentral() throws Exception {
    Transaction t = Transactions.giveBack("kiosk-mem", "item-1");
    CompletableFuture<Void> arrived = expect(t);
    memoryOutbox.append(t);
    memoryPublisher.notifyCommitted();
    arrived.get(10, TimeUnit.SECONDS);
  }

  @Benchmark
  public void sqliteOutboxToCentral() throws Exception {
    Transaction t = Transactions.giveBack("kiosk-sql", "item-1");
    CompletableFuture<Void> arrived = expect(t);
    store.recordReturn(t);
    sqlitePublisher.notifyCommitted();
    arrived.get(10, TimeUnit.SECONDS);
  }

  /** Completes when the broker confirmed a publish. */
  private record Confirmation(CompletableFuture<Void> done)
      implements org.eclipse.paho.mqttv5.client.MqttActionListener {
    @Override
    public void onSuccess(org.eclipse.paho.mqttv5.client.IMqttToken token) {
      done.complete(null);
    }

    @Override
    public void onFailure(org.eclipse.paho.mqttv5.client.IMqttToken token, Throwable e) {
      done.completeExceptionally(e);
    }
  }

  private CompletableFuture<Void> expect(Transaction t) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    waiting.put(t.id(), f);
    return f;
  }
}
