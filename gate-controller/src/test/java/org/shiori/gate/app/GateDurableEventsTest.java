package org.shiori.gate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.config.DeviceConfig;
import org.shiori.device.store.SqliteStore;
import org.shiori.gate.testing.EventWatcher;
import org.shiori.gate.testing.GateAntenna;
import org.shiori.gate.testing.GateConfigs;
import org.shiori.gate.testing.MockGpio;
import org.shiori.protocol.SyncBatch;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/**
 * Alarms and a tamper event raised while the broker is down and the service then stopped are
 * stored, and delivered once the service runs again with the broker back; a real Mosquitto and a
 * real SQLite file.
 */
class GateDurableEventsTest {
  private static final String TENANT = "matsuyama";
  private static final String DEVICE = "gate-durable-01";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dataDir;
  private final GateAntenna antenna = new GateAntenna();
  private MosquittoBroker broker;
  private Context pi4j;

  @AfterEach
  void close() {
    antenna.close();
    if (pi4j != null) {
      pi4j.shutdown();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private DeviceConfig config() throws Exception {
    return GateConfigs.gate(
        DEVICE,
        TENANT,
        broker.port(),
        dataDir,
        "security:",
        "  mode: afi",
        "gate:",
        "  alarmMode: database",
        "  lightPin: 17",
        "  buzzerPin: 27",
        "  tamperPin: 24",
        "  alarmMillis: 200");
  }

  private GateService start() throws Exception {
    return GateService.start(
        config(),
        antenna.reader(),
        pi4j,
        GateTuning.DEFAULT.withCycle(Duration.ofMillis(10)),
        Clock.systemUTC());
  }

  private void cache(String... itemIds) {
    try (SqliteStore store =
        SqliteStore.open(dataDir.resolve(GateService.DATABASE_FILE), 100, Clock.systemUTC())) {
      store.applyItems(
          new SyncBatch<>(
              1,
              true,
              0,
              1,
              java.util.Arrays.stream(itemIds)
                  .map(
                      id ->
                          new ItemRecord(
                              id,
                              "Title of " + id,
                              "book",
                              "central",
                              ItemStatus.AVAILABLE,
                              Set.of(),
                              1,
                              Optional.empty()))
                  .toList(),
              List.of()));
    }
  }

  @Test
  void alarmsRaisedWhileTheBrokerIsDownAreDeliveredAfterARestart() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto is not installed");
    broker = MosquittoBroker.plain(TENANT).start();
    pi4j = MockGpio.context();
    cache("ITEM-1", "ITEM-2");
    GateService gate = start();
    try {
      assertThat(gate.link().awaitConnected(WAIT)).isTrue();
      broker.stop();
      Conditions.await(WAIT, () -> !gate.link().isConnected(), () -> "link still up");
      antenna.enter(GateAntenna.itemTag("E004010000000001", "ITEM-1", false));
      antenna.enter(GateAntenna.itemTag("E004010000000002", "ITEM-2", false));
      MockDigitalInput cover = (MockDigitalInput) pi4j.io("gate-cover", DigitalInput.class);
      cover.mockState(DigitalState.LOW);
      Thread.sleep(100); // past the switch's 50 ms debounce
      cover.mockState(DigitalState.HIGH); // the cover is opened while the broker is down
      Conditions.await(
          WAIT, () -> gate.events().pending() == 3, () -> "stored: " + gate.events().pending());
      assertThat(gate.monitor().alarmsRaised()).isEqualTo(2);
    } finally {
      gate.close(); // the service stops with both alarms unsent
    }
    antenna.emulator().field().clear();
    pi4j.shutdown();
    pi4j = MockGpio.context();

    broker.restart();
    try (EventWatcher events =
            new EventWatcher(broker.url(), "lib/" + TENANT + "/dev/" + DEVICE + "/event");
        GateService again = start()) {
      Conditions.await(
          WAIT,
          () -> events.ofType("gate-alarm").size() >= 2 && !events.ofType("tamper").isEmpty(),
          () -> "delivered: " + events.payloads());
      assertThat(events.ofType("tamper").get(0).get("code").asText()).isEqualTo("COVER_OPENED");
      assertThat(events.ofType("gate-alarm"))
          .extracting(n -> n.get("itemId").asText() + " / " + n.get("title").asText())
          .containsExactly("ITEM-1 / Title of ITEM-1", "ITEM-2 / Title of ITEM-2");
      Conditions.await(WAIT, () -> again.events().pending() == 0, () -> "still pending");
      assertThat(again.monitor().alarmsRaised()).isZero();
    }
  }
}
