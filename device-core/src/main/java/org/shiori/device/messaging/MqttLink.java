package org.shiori.device.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.shiori.protocol.DeviceState;
import org.shiori.protocol.SyncCodec;
import org.shiori.protocol.TopicFilter;
import org.shiori.protocol.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 5 connection (Eclipse Paho) that stays up by itself: persistent session (clean start
 * off, session expiry), reconnect with exponential backoff and jitter, subscriptions renewed on
 * every connect, and for a device a retained birth message on connect and a retained death message
 * as last will, both numbered (see {@link DeviceState}).
 *
 * <p>Nothing is buffered here while the link is down: publishes fail at once with {@link
 * LinkDownException}, because the durable outbox is the only buffer (store, publish, confirm).
 */
public final class MqttLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
  private static final long CLOSE_WAIT_MS = 2_000;
  private static final long SUBACK_WAIT_MS = 10_000;

  /**
   * The MQTT 5 Maximum Packet Size this link announces in CONNECT. The broker must not send a
   * larger packet (it drops it for this client), and Paho refuses a larger one before allocating
   * its buffer, so one huge message can neither exhaust the heap nor, redelivered by the persistent
   * session, crash the device at every start. The largest payload a device reads is a sync message
   * ({@link SyncCodec#MAX_BYTES}); topic and properties fit in the rest.
   */
  public static final long MAX_INBOUND_PACKET_BYTES = SyncCodec.MAX_BYTES + 64 * 1024;

  private final MqttLinkSettings settings;
  private volatile MqttAsyncClient client;
  private final ScheduledExecutorService timer;
  private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final AtomicLong connectionSeq = new AtomicLong();
  private final AtomicInteger failedAttempts = new AtomicInteger();
  private final AtomicBoolean reconnectScheduled = new AtomicBoolean();
  private final long boot;
  private final AtomicReference<CompletableFuture<Void>> ready =
      new AtomicReference<>(new CompletableFuture<>());
  private volatile boolean closed;
  private volatile boolean started;

  private record Subscription(String filter, int qos, MessageHandler handler) {}

  /**
   * @param settings where and how to connect
   * @param clock the device clock; its instant at construction identifies this boot in birth and
   *     death messages
   */
  public MqttLink(MqttLinkSettings settings, Clock clock) {
    this.settings = settings;
    this.boot = clock.millis();
    this.client = newClient();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "mqtt-link-" + settings.clientId());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * A fresh Paho client for each connection attempt. The broker keeps the session (clean start
   * off); the client must not: Paho re-sends its in-flight publishes after a reconnect with the
   * topic aliases of the old connection, which the broker rejects as a protocol error. The durable
   * outbox re-sends instead.
   */
  private MqttAsyncClient newClient() {
    try {
      MqttAsyncClient c =
          new MqttAsyncClient(
              settings.serverUri().toString(), settings.clientId(), new MemoryPersistence());
      c.setCallback(new Callbacks(c));
      return c;
    } catch (MqttException e) {
      throw new IllegalArgumentException("cannot create MQTT client: " + e.getMessage(), e);
    }
  }

  private static void discard(MqttAsyncClient old) {
    try {
      old.disconnectForcibly(0, 0, false);
    } catch (MqttException e) {
      LOG.trace("old client already disconnected: {}", e.getMessage());
    }
    try {
      old.close(true);
    } catch (MqttException e) {
      LOG.trace("old client close: {}", e.getMessage());
    }
  }

  public MqttLinkSettings settings() {
    return settings;
  }

  public Topics topics() {
    return settings.topics();
  }

  /** Connects in the background and keeps reconnecting until {@link #close()}. */
  public void start() {
    if (started) {
      return;
    }
    started = true;
    reconnectScheduled.set(true);
    timer.execute(this::connectNow);
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /**
   * Waits until the link is connected with its subscriptions confirmed by the broker.
   *
   * @return false if that did not happen within the timeout
   */
  public boolean awaitConnected(Duration timeout) {
    try {
      ready.get().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Whether this link is encrypted, so personal data may travel on it (P-TLS-1). */
  public boolean encrypted() {
    return settings.encrypted();
  }

  /** Adds a listener; if already connected it is told at once. */
  public void addConnectionListener(ConnectionListener listener) {
    listeners.add(listener);
    if (isConnected()) {
      listener.connected(true);
    }
  }

  /**
   * Subscribes now if connected, and again on every reconnect. A {@code $share/group/} filter is
   * matched against incoming topics without its prefix. Every message received goes to every
   * handler whose filter matches; avoid overlapping filters on one link, since the broker then
   * delivers a message once per subscription.
   */
  public CompletableFuture<Void> subscribe(String filter, int qos, MessageHandler handler) {
    Subscription s = new Subscription(filter, qos, handler);
    subscriptions.add(s);
    if (isConnected()) {
      return sendSubscribe(s);
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Publishes; the future completes when the broker confirms (QoS 1) or the message is sent. */
  public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
    return publish(topic, payload, qos, retained, Optional.empty(), Optional.empty());
  }

  /** Publishes with MQTT 5 request/response properties. */
  public CompletableFuture<Void> publish(
      String topic,
      byte[] payload,
      int qos,
      boolean retained,
      Optional<String> responseTopic,
      Optional<byte[]> correlationData) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    MqttMessage message = new MqttMessage(payload, qos, retained, null);
    if (responseTopic.isPresent() || correlationData.isPresent()) {
      MqttProperties props = new MqttProperties();
      responseTopic.ifPresent(props::setResponseTopic);
      correlationData.ifPresent(props::setCorrelationData);
      message.setProperties(props);
    }
    try {
      client.publish(topic, message, null, new Completion(done, topic));
    } catch (MqttException e) {
      done.completeExceptionally(new LinkDownException("publish refused: " + reason(e), e));
    }
    return done;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    timer.shutdownNow();
    try {
      if (client.isConnected()) {
        settings.deviceId().ifPresent(this::publishOrderlyDeath);
        client
            .disconnect(CLOSE_WAIT_MS, null, null, 0, closingProperties())
            .waitForCompletion(CLOSE_WAIT_MS);
      }
    } catch (MqttException e) {
      LOG.debug("disconnect of {} failed: {}", settings.clientId(), reason(e));
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("close of {} failed: {}", settings.clientId(), reason(e));
    }
  }

  /**
   * A device keeps its session over an orderly stop (acks queued while it reboots). A central
   * service ends it: a session left behind would keep its share of {@code $share/...} messages, and
   * the broker would queue them for a consumer that is gone.
   */
  private MqttProperties closingProperties() {
    MqttProperties p = new MqttProperties();
    if (settings.deviceId().isEmpty()) {
      p.setSessionExpiryInterval(0L);
    }
    return p;
  }

  private void publishOrderlyDeath(String deviceId) {
    // A normal DISCONNECT discards the will, so an orderly stop states its death itself.
    DeviceState death = new DeviceState(deviceId, false, boot, connectionSeq.get());
    try {
      client
          .publish(settings.topics().state(deviceId), death.encode(), 1, true)
          .waitForCompletion(CLOSE_WAIT_MS);
    } catch (MqttException e) {
      LOG.debug("death message of {} not sent: {}", deviceId, reason(e));
    }
  }

  private void connectNow() {
    reconnectScheduled.set(false);
    if (closed) {
      return;
    }
    long seq = connectionSeq.incrementAndGet();
    if (seq > 1) {
      MqttAsyncClient old = client;
      client = newClient();
      discard(old);
    }
    try {
      client.connect(options(seq), null, new ConnectOutcome(seq));
    } catch (MqttException e) {
      LOG.debug("connect attempt of {} not started: {}", settings.clientId(), reason(e));
      scheduleReconnect();
    }
  }

  private MqttConnectionOptions options(long seq) {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(false);
    o.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
    o.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
    o.setConnectionTimeout(10);
    o.setMaximumPacketSize(MAX_INBOUND_PACKET_BYTES);
    o.setAutomaticReconnect(false);
    o.setSocketFactory(
        settings.tls().isPresent()
            ? NoDelaySockets.tls(PemTls.socketFactory(settings.tls().get()))
            : NoDelaySockets.plain());
    settings
        .deviceId()
        .ifPresent(
            d -> {
              MqttMessage will = new MqttMessage(new DeviceState(d, false, boot, seq).encode());
              will.setQos(1);
              will.setRetained(true);
              o.setWill(settings.topics().state(d), will);
            });
    return o;
  }

  private void onConnected(long seq, boolean sessionPresent) {
    failedAttempts.set(0);
    LOG.info(
        "MQTT link {} connected to {} (session present: {}, connection {})",
        settings.clientId(),
        settings.serverUri(),
        sessionPresent,
        seq);
    List<CompletableFuture<Void>> subscribed = new java.util.ArrayList<>();
    java.util.Set<String> filters = new java.util.HashSet<>();
    for (Subscription s : subscriptions) {
      if (filters.add(s.filter())) {
        subscribed.add(sendSubscribe(s));
      }
    }
    try {
      CompletableFuture.allOf(subscribed.toArray(new CompletableFuture<?>[0]))
          .get(SUBACK_WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      LOG.warn("subscriptions of {} not all confirmed: {}", settings.clientId(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!client.isConnected()) {
      // Lost again while subscribing: the disconnect has scheduled the next attempt.
      return;
    }
    settings
        .deviceId()
        .ifPresent(
            d ->
                publish(
                    settings.topics().state(d),
                    new DeviceState(d, true, boot, seq).encode(),
                    1,
                    true));
    for (ConnectionListener l : listeners) {
      try {
        l.connected(sessionPresent);
      } catch (RuntimeException e) {
        LOG.error("connection listener failed", e);
      }
    }
    ready.get().complete(null);
  }

  private void onDisconnected(String why) {
    if (closed) {
      return;
    }
    LOG.warn("MQTT link {} down: {}", settings.clientId(), why);
    ready.updateAndGet(f -> f.isDone() ? new CompletableFuture<>() : f);
    for (ConnectionListener l : listeners) {
      try {
        l.disconnected(why);
      } catch (RuntimeException e) {
        LOG.error("connection listener failed", e);
      }
    }
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (closed || !reconnectScheduled.compareAndSet(false, true)) {
      return;
    }
    Duration delay = backoff(failedAttempts.getAndIncrement());
    try {
      timer.schedule(this::connectNow, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("link closing, no reconnect");
    }
  }

  /** Exponential backoff with full jitter between min and the capped delay. */
  Duration backoff(int attempt) {
    long min = settings.reconnectMin().toMillis();
    long max = settings.reconnectMax().toMillis();
    long cap = Math.min(max, min << Math.min(attempt, 20));
    return Duration.ofMillis(cap <= min ? min : ThreadLocalRandom.current().nextLong(min, cap + 1));
  }

  private CompletableFuture<Void> sendSubscribe(Subscription s) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      client.subscribe(
          new MqttSubscription[] {new MqttSubscription(s.filter(), s.qos())},
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              int[] codes = token.getReasonCodes();
              if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                LOG.error(
                    "broker refused subscription {} (reason 0x{})",
                    s.filter(),
                    Integer.toHexString(codes[0]));
                done.completeExceptionally(
                    new BrokerRefusedException(
                        "subscription " + s.filter() + " refused", codes[0]));
              } else {
                done.complete(null);
              }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              LOG.warn("subscription {} failed: {}", s.filter(), e.toString());
              done.completeExceptionally(e);
            }
          },
          new MqttProperties());
    } catch (MqttException e) {
      LOG.warn("subscription {} not sent: {}", s.filter(), reason(e));
      done.completeExceptionally(e);
    }
    return done;
  }

  private void dispatch(String topic, MqttMessage message) {
    MqttProperties p = message.getProperties();
    InboundMessage in =
        new InboundMessage(
            topic,
            message.getPayload(),
            Optional.ofNullable(p == null ? null : p.getResponseTopic()),
            Optional.ofNullable(p == null ? null : p.getCorrelationData()));
    for (Subscription s : subscriptions) {
      if (TopicFilter.matches(s.filter(), topic)) {
        try {
          s.handler().onMessage(in);
        } catch (RuntimeException e) {
          LOG.error("handler of {} failed on a message of {}", s.filter(), topic, e);
        }
      }
    }
  }

  private static String reason(MqttException e) {
    return e.getReasonCode() + " " + e.getMessage();
  }

  private final class ConnectOutcome implements MqttActionListener {
    private final long seq;

    ConnectOutcome(long seq) {
      this.seq = seq;
    }

    @Override
    public void onSuccess(IMqttToken token) {
      boolean sessionPresent = token.getSessionPresent();
      // Off Paho's callback thread: subscribing waits for the broker's SUBACKs.
      timer.execute(() -> onConnected(seq, sessionPresent));
    }

    @Override
    public void onFailure(IMqttToken token, Throwable e) {
      LOG.debug("connect of {} failed: {}", settings.clientId(), String.valueOf(e));
      if (failedAttempts.get() == 0) {
        LOG.warn("MQTT link {} cannot connect: {}", settings.clientId(), String.valueOf(e));
      }
      scheduleReconnect();
    }
  }

  private static final class Completion implements MqttActionListener {
    private final CompletableFuture<Void> done;
    private final String topic;

    Completion(CompletableFuture<Void> done, String topic) {
      this.done = done;
      this.topic = topic;
    }

    @Override
    public void onSuccess(IMqttToken token) {
      int[] codes = token.getReasonCodes();
      if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
        done.completeExceptionally(
            new BrokerRefusedException(
                "broker refused publish to "
                    + topic
                    + " (reason 0x"
                    + Integer.toHexString(codes[0])
                    + ")",
                codes[0]));
      } else {
        done.complete(null);
      }
    }

    @Override
    public void onFailure(IMqttToken token, Throwable e) {
      done.completeExceptionally(new LinkDownException("publish to " + topic + " failed", e));
    }
  }

  private final class Callbacks implements MqttCallback {
    private final MqttAsyncClient owner;

    Callbacks(MqttAsyncClient owner) {
      this.owner = owner;
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      if (owner != client) {
        return;
      }
      onDisconnected(
          response.getException() != null
              ? response.getException().toString()
              : "broker disconnected, reason 0x" + Integer.toHexString(response.getReturnCode()));
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      LOG.warn("MQTT error on {}: {}", settings.clientId(), reason(exception));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      dispatch(topic, message);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
      // Outcomes are handled per publish by Completion.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      // Handled by ConnectOutcome, which knows the connection number.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
      LOG.debug("AUTH packet ignored (reason {})", reasonCode);
    }
  }
}
