package org.shiori.demo.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/**
 * {@code bin/gate demo} as a script uses it: catalogue, walks, outputs, the monitor's data, and the
 * alarm events on a real Mosquitto (passed as {@code --broker}).
 */
class GateDemoTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  private MosquittoBroker broker;
  private GateDemo demo;
  private GateDemoServer server;
  private MqttClient watcher;
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private String base;

  @BeforeEach
  void start() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto is not installed");
    broker = MosquittoBroker.plain(GateDemo.TENANT).start();
    watcher = new MqttClient(broker.url().toString(), "watcher-gate-demo", new MemoryPersistence());
    watcher.setCallback(
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse response) {}

          @Override
          public void mqttErrorOccurred(MqttException exception) {}

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            events.add(new String(message.getPayload(), StandardCharsets.UTF_8));
          }

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    watcher.connect();
    watcher.subscribe("lib/" + GateDemo.TENANT + "/dev/" + GateDemo.DEVICE_ID + "/event", 1);
    demo = GateDemo.start(Optional.of(data), Optional.of(broker.url()), Clock.systemUTC());
    server = new GateDemoServer(demo);
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    assertThat(demo.gate().link().awaitConnected(WAIT)).isTrue();
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (demo != null) {
      demo.close();
    }
    if (watcher != null) {
      watcher.disconnect();
      watcher.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> walk(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/sim/api/walk"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode item(boolean onLoan) throws Exception {
    for (JsonNode i : get("/sim/api/catalog")) {
      if (i.get("onLoan").asBoolean() == onLoan) {
        return i;
      }
    }
    throw new AssertionError("no item with onLoan=" + onLoan);
  }

  @Test
  void anItemNotOnLoanSwitchesTheOutputsOnAndPublishesAnAlarmNamingIt() throws Exception {
    JsonNode item = item(false);
    assertThat(walk("{\"tags\":[\"" + item.get("uid").asText() + "\"]}").statusCode())
        .isEqualTo(200);

    Conditions.await(WAIT, () -> !events.isEmpty(), () -> "no event");
    JsonNode event = JSON.readTree(events.get(0));
    assertThat(event.get("type").asText()).isEqualTo("gate-alarm");
    assertThat(event.get("itemId").asText()).isEqualTo(item.get("itemId").asText());
    assertThat(event.get("title").asText()).isEqualTo(item.get("title").asText());
    JsonNode outputs = get("/sim/api/outputs");
    assertThat(outputs.findValuesAsText("output")).contains("light", "buzzer");
    assertThat(outputs.get(0).get("on").asBoolean()).isTrue();
    JsonNode monitor = get("/sim/api/monitor");
    assertThat(monitor.get("alarms").get(0).get("title").asText())
        .isEqualTo(item.get("title").asText());
    assertThat(monitor.get("visitors").asLong()).isEqualTo(1);
    assertThat(monitor.get("visitorsOut").asLong()).as("walking out of the library").isEqualTo(1);
    assertThat(monitor.get("visitorsIn").asLong()).isZero();
    assertThat(monitor.get("health").get("brokerConnected").asBoolean()).isTrue();
    assertThat(events.toString()).doesNotContainIgnoringCase("patron");
  }

  @Test
  void anItemOnLoanRaisesNothing() throws Exception {
    JsonNode item = item(true);
    assertThat(walk("{\"tags\":[\"" + item.get("uid").asText() + "\"]}").statusCode())
        .isEqualTo(200);
    long target = demo.gate().monitor().rounds() + 20;
    Conditions.await(WAIT, () -> demo.gate().monitor().rounds() >= target, () -> "stalled");

    assertThat(get("/sim/api/outputs")).isEmpty();
    assertThat(events).isEmpty();
    assertThat(demo.gate().monitor().alarmsRaised()).isZero();
  }

  @Test
  void aWalkOfAnUnknownTagOrABadBodyIsRefusedAndMovesNothing() throws Exception {
    HttpResponse<String> unknown = walk("{\"tags\":[\"E0040100DEADBEEF\"]}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("no demo item has tag");
    assertThat(walk("{\"tags\":[\"not hex\"]}").statusCode()).isEqualTo(400);
    assertThat(walk("[").statusCode()).isEqualTo(400);
    assertThat(get("/sim/api/monitor").get("visitors").asLong()).isZero();
  }
}
