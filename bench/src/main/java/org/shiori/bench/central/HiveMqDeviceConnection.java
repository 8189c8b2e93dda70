package org.shiori.bench.central;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import io.reactivex.schedulers.Schedulers;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.shiori.central.testing.DeviceConnection;

/**
 * {@link DeviceConnection} over the HiveMQ MQTT client, for the ingest benchmark's load: its
 * clients share one small pool of Netty threads, where each Paho client has three threads of its
 * own and hands every packet from one to the next. Twenty Paho devices took 0.7 of the benchmark's
 * two cores, which central and PostgreSQL then did not have (docs/benchmarks.md). Real kiosks are
 * one per machine; they keep Paho.
 */
final class HiveMqDeviceConnection implements DeviceConnection {
  private static final long WAIT_SECONDS = 10;

  private final URI broker;
  private Mqtt5AsyncClient client;

  HiveMqDeviceConnection(URI broker) {
    if (!"tcp".equals(broker.getScheme())) {
      throw new IllegalArgumentException("the benchmark's broker is plain tcp, not " + broker);
    }
    this.broker = broker;
  }

  @Override
  public void open(String clientId, List<String> filters, BiConsumer<String, byte[]> onMessage)
      throws IOException {
    client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(clientId)
            .serverHost(broker.getHost())
            .serverPort(broker.getPort())
            .automaticReconnect()
            .initialDelay(1, TimeUnit.SECONDS)
            .maxDelay(2, TimeUnit.SECONDS)
            .applyAutomaticReconnect()
            // Completions on the Netty thread too, not handed to RxJava's computation threads.
            .executorConfig()
            .applicationScheduler(Schedulers.from(Runnable::run))
            .applyExecutorConfig()
            .buildAsync();
    // Handled on the connection's own Netty thread, so one message at a time and no hand-off.
    client.publishes(
        MqttGlobalPublishFilter.SUBSCRIBED,
        p -> onMessage.accept(p.getTopic().toString(), p.getPayloadAsBytes()),
        Runnable::run);
    try {
      client.connectWith().cleanStart(true).send().get(WAIT_SECONDS, TimeUnit.SECONDS);
      for (String filter : filters) {
        client
            .subscribeWith()
            .topicFilter(filter)
            .qos(MqttQos.AT_LEAST_ONCE)
            .send()
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(clientId + " could not connect to " + broker, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(clientId + " was interrupted while connecting", e);
    }
  }

  @Override
  public void send(String topic, byte[] payload) {
    // The outcome is the outbox's business: no ack, and it sends again after its timeout.
    client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
  }

  @Override
  public void sendAndWait(
      String topic, byte[] payload, boolean retained, Optional<String> responseTopic)
      throws IOException {
    Mqtt5PublishBuilder.Send.Complete<CompletableFuture<Mqtt5PublishResult>> p =
        client
            .publishWith()
            .topic(topic)
            .qos(MqttQos.AT_LEAST_ONCE)
            .payload(payload)
            .retain(retained);
    if (responseTopic.isPresent()) {
      p = p.responseTopic(responseTopic.get()).correlationData(new byte[] {1, 2, 3, 4});
    }
    try {
      p.send().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("could not send on " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while sending on " + topic, e);
    }
  }

  @Override
  public boolean isConnected() {
    return client != null && client.getState().isConnected();
  }

  @Override
  public void close() {
    if (client == null) {
      return;
    }
    try {
      client.disconnect().get(3, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // closing anyway
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
