package org.shiori.central.mqtt;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.net.SocketFactory;
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
import org.shiori.protocol.TopicFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Central's MQTT 5 connection (Eclipse Paho): subscriptions, including the shared ones of the
 * {@code central} group, and QoS 1 publishes.
 *
 * <p>Clean start with session expiry 0: a central instance that stops or crashes leaves no session
 * behind, so the broker at once gives the whole share of the group's messages to the instances
 * still connected (with a kept session it would go on queueing a dead member's share until the
 * session expired). What was in flight to it is re-sent by the devices, whose outboxes keep every
 * transaction until central's ack.
 *
 * <p>Manual PUBACKs: the broker is told a message arrived only after its handler finished (the
 * database transaction committed or failed), never before.
 */
public final class CentralLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CentralLink.class);

  /** Our publishes in flight at once: below Mosquitto's default receive maximum of 20. */
  private static final int MAX_IN_FLIGHT = 16;

  /** A subscription: the filter and who handles what arrives on it. */
  private record Subscription(String filter, Consumer<Delivery> handler) {}

  /** A message handed to a handler, which must call {@link #done()} exactly once. */
  public interface Delivery {
    Inbound message();

    /** Sends the PUBACK: the message has been dealt with. */
    void done();
  }

  private final URI broker;
  private final String clientId;
  private final SocketFactory sockets;
  private final Duration keepAlive;
  private final List<Subscription> subscriptions =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile CountDownLatch connected = new CountDownLatch(1);
  private MqttAsyncClient client;

  /**
   * @param sockets a TLS socket factory ({@link PemTls}) for {@code ssl://}, {@link NoDelaySockets}
   *     for a loopback {@code tcp://} broker
   */
  public CentralLink(URI broker, String clientId, SocketFactory sockets, Duration keepAlive) {
    this.broker = broker;
    this.clientId = clientId;
    this.sockets = sockets;
    this.keepAlive = keepAlive;
  }

  /** Registers a subscription; call before {@link #start()}. */
  public void subscribe(String filter, Consumer<Delivery> handler) {
    subscriptions.add(new Subscription(filter, handler));
  }

  /** Connects in the background and keeps reconnecting; subscriptions are made at every connect. */
  public synchronized void start() {
    try {
      client = new MqttAsyncClient(broker.toString(), clientId, new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalStateException("cannot create the MQTT client for " + broker, e);
    }
    client.setManualAcks(true);
    client.setCallback(new Callback());
    Thread t = new Thread(this::connectUntilUp, "central-mqtt-connect");
    t.setDaemon(true);
    t.start();
  }

  private MqttConnectionOptions options() {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setSessionExpiryInterval(0L);
    o.setKeepAliveInterval((int) keepAlive.toSeconds());
    o.setAutomaticReconnect(true);
    o.setAutomaticReconnectDelay(1, 10);
    o.setConnectionTimeout(10);
    // Transactions of many devices arrive at once: let the broker keep more of them in flight.
    o.setReceiveMaximum(100);
    o.setSocketFactory(sockets);
    return o;
  }

  private void connectUntilUp() {
    long delay = 250;
    while (!closed.get()) {
      try {
        client.connect(options()).waitForCompletion(15_000);
        return;
      } catch (MqttException e) {
        LOG.warn("cannot reach the broker {} yet: {}", broker, e.getMessage());
      }
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      delay = Math.min(10_000, delay * 2);
    }
  }

  /** Waits until connected and subscribed. */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    return connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isConnected() {
    MqttAsyncClient c = client;
    return c != null && c.isConnected() && connected.getCount() == 0;
  }

  /** Publishes at QoS 1, not retained. Fails at once when not connected. */
  public void publish(String topic, byte[] payload) throws PublishException {
    publish(topic, payload, Optional.empty());
  }

  /** Publishes an answer to a request, carrying its correlation data back. */
  public void publish(String topic, byte[] payload, Optional<byte[]> correlationData)
      throws PublishException {
    MqttMessage m = new MqttMessage(payload);
    m.setQos(1);
    m.setRetained(false);
    if (correlationData.isPresent()) {
      MqttProperties p = new MqttProperties();
      p.setCorrelationData(correlationData.get());
      m.setProperties(p);
    }
    try {
      if (!inFlight.tryAcquire(10, TimeUnit.SECONDS)) {
        throw new PublishException("too many publishes waiting for the broker on " + topic, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted", e);
    }
    try {
      client.publish(
          topic,
          m,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              inFlight.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              inFlight.release();
              LOG.warn("publish on {} failed: {}", topic, e.getMessage());
            }
          });
    } catch (MqttException | RuntimeException e) {
      inFlight.release();
      throw new PublishException("publish on " + topic + " failed: " + e.getMessage(), e);
    }
  }

  /** Ends the MQTT session (session expiry 0) and closes the client. */
  @Override
  public synchronized void close() {
    if (closed.getAndSet(true) || client == null) {
      return;
    }
    try {
      if (client.isConnected()) {
        client.disconnect(2_000).waitForCompletion(3_000);
      }
    } catch (MqttException e) {
      LOG.debug("disconnect: {}", e.getMessage());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("close: {}", e.getMessage());
    }
  }

  private void subscribeAll() {
    try {
      for (Subscription s : subscriptions) {
        client.subscribe(new MqttSubscription(s.filter(), 1)).waitForCompletion(10_000);
      }
      connected.countDown();
      LOG.info("connected to {} as {}, {} subscriptions", broker, clientId, subscriptions.size());
    } catch (MqttException e) {
      LOG.warn("subscribing at {} failed: {}; reconnecting", broker, e.getMessage());
      try {
        client.disconnect();
      } catch (MqttException ignored) {
        // the automatic reconnect tries again
      }
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      // Off Paho's callback thread: subscribing waits for the broker's SUBACKs.
      Thread t = new Thread(CentralLink.this::subscribeAll, "central-mqtt-subscribe");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      if (connected.getCount() == 0) {
        connected = new CountDownLatch(1);
      }
      if (!closed.get()) {
        LOG.warn("disconnected from {}: {}", broker, response.getReasonString());
      }
    }

    @Override
    public void mqttErrorOccurred(MqttException e) {
      LOG.warn("MQTT error: {}", e.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      MqttProperties p = message.getProperties();
      Inbound in =
          new Inbound(
              topic,
              message.getPayload(),
              Optional.ofNullable(p == null ? null : p.getResponseTopic()),
              Optional.ofNullable(p == null ? null : p.getCorrelationData()));
      int id = message.getId();
      int qos = message.getQos();
      AtomicBoolean once = new AtomicBoolean();
      Runnable ack =
          () -> {
            if (qos > 0 && !once.getAndSet(true)) {
              try {
                client.messageArrivedComplete(id, qos);
              } catch (MqttException e) {
                LOG.debug("PUBACK {} not sent: {}", id, e.getMessage());
              }
            }
          };
      for (Subscription s : subscriptions) {
        if (TopicFilter.matches(s.filter(), topic)) {
          s.handler()
              .accept(
                  new Delivery() {
                    @Override
                    public Inbound message() {
                      return in;
                    }

                    @Override
                    public void done() {
                      ack.run();
                    }
                  });
          return;
        }
      }
      ack.run();
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
