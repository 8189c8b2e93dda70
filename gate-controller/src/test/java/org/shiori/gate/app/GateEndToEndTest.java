package org.shiori.gate.app;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.config.DeviceConfig;
import org.shiori.device.store.SqliteStore;
import org.shiori.device.store.VisitorTally;
import org.shiori.emulator.FaultInjection.Fault;
import org.shiori.gate.testing.EventWatcher;
import org.shiori.gate.testing.GateAntenna;
import org.shiori.gate.testing.GateConfigs;
import org.shiori.gate.testing.MockGpio;
import org.shiori.protocol.SyncBatch;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/**
 * The gate as wired by {@link GateService}: FEIG emulator on an in-memory line, Pi4J mock plugin,
 * item cache in a real SQLite file, events through a real Mosquitto on loopback.
 */
class GateEndToEndTest {
  private static final String TENANT = "matsuyama";
  private static final String DEVICE = "gate-e2e-01";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int ALARM_MILLIS = 400;

  /** An hour in which the last run counted a walker and stopped before reporting it. */
  private static final java.time.Instant EARLIER_HOUR =
      java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minusSeconds(10800);

  /** Holds ITEM-ON-SHELF for someone: the gate must never say who. */
  private static final PatronKey HOLDER = new PatronKey("0123456789abcdef0123456789abcdef");

  private static MosquittoBroker broker;

  @TempDir Path dataDir;
  private final GateAntenna antenna = new GateAntenna();
  private Context pi4j;
  private GateService gate;
  private EventWatcher events;

  @BeforeAll
  static void startBroker() {
    Required.part(MosquittoBroker.installed(), "mosquitto is not installed");
    broker = MosquittoBroker.plain(TENANT).start();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @BeforeEach
  void startGate() throws Exception {
    cacheItems();
    events = new EventWatcher(broker.url(), "lib/" + TENANT + "/dev/" + DEVICE + "/event");
    pi4j = MockGpio.context();
    GateTuning tuning = GateTuning.DEFAULT.withCycle(Duration.ofMillis(10));
    gate = GateService.start(config(), antenna.reader(), pi4j, tuning, Clock.systemUTC());
    assertThat(gate.link().awaitConnected(WAIT)).as("gate connected").isTrue();
  }

  @AfterEach
  void stopGate() throws Exception {
    if (gate != null) {
      gate.close();
    }
    if (events != null) {
      events.close();
    }
    if (pi4j != null) {
      pi4j.shutdown();
    }
    antenna.close();
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
        "  alarmMode: afi",
        "  lightPin: 17",
        "  buzzerPin: 27",
        "  outerBeamPin: 22",
        "  innerBeamPin: 23",
        "  beamDebounceMillis: 5",
        "  tamperPin: 24",
        "  alarmMillis: " + ALARM_MILLIS);
  }

  /** The cache as sync would leave it. */
  private void cacheItems() {
    try (SqliteStore store =
        SqliteStore.open(dataDir.resolve(GateService.DATABASE_FILE), 100, Clock.systemUTC())) {
      store.visitors().record(true, EARLIER_HOUR);
      store.applyItems(
          new SyncBatch<>(
              1,
              true,
              0,
              1,
              List.of(
                  item("ITEM-ON-SHELF", ItemStatus.ON_HOLD_SHELF, Optional.of(HOLDER)),
                  item("ITEM-LENT", ItemStatus.ON_LOAN, Optional.empty())),
              List.of()));
    }
  }

  private static ItemRecord item(String id, ItemStatus status, Optional<PatronKey> holdFor) {
    return new ItemRecord(id, "Title of " + id, "book", "central", status, Set.of(), 1, holdFor);
  }

  private DigitalOutput pin(String id) {
    return pi4j.io(id, DigitalOutput.class);
  }

  private void awaitMoreRounds(int n) {
    long target = gate.monitor().rounds() + n;
    Conditions.await(WAIT, () -> gate.monitor().rounds() >= target, () -> "monitor stalled");
  }

  @Test
  void securedTagLightsLightAndBuzzerForTheAlarmTimeAndPublishesOneEvent() {
    MockGpio.Recorder light = MockGpio.Recorder.on(pi4j, "gate-light");
    MockGpio.Recorder buzzer = MockGpio.Recorder.on(pi4j, "gate-buzzer");
    antenna.enter(GateAntenna.itemTag("E004010000000001", "ITEM-ON-SHELF", true));

    Conditions.await(
        WAIT, () -> !events.ofType("gate-alarm").isEmpty(), () -> events.payloads().toString());
    awaitMoreRounds(30); // still in the field: read again and again, one passage
    Conditions.await(WAIT, () -> pin("gate-light").state() == LOW, () -> "light " + light.states());

    assertThat(light.states()).containsExactly(HIGH, LOW);
    assertThat(pin("gate-light").address()).isEqualTo(17);
    assertThat(pin("gate-buzzer").address()).isEqualTo(27);
    List<MockGpio.Change> l = light.changes();
    assertThat(Duration.ofNanos(l.get(1).nanos() - l.get(0).nanos()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(ALARM_MILLIS));
    // 400 ms with the default pattern: one 250 ms beep, then silence until the light goes off.
    List<MockGpio.Change> b = buzzer.changes();
    assertThat(buzzer.states()).containsExactly(HIGH, LOW);
    assertThat(Duration.ofNanos(b.get(1).nanos() - b.get(0).nanos()))
        .isGreaterThanOrEqualTo(GateTuning.DEFAULT.pattern().beepOn());

    List<JsonNode> alarms = events.ofType("gate-alarm");
    assertThat(alarms).hasSize(1);
    JsonNode e = alarms.get(0);
    assertThat(e.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(e.get("deviceId").asText()).isEqualTo(DEVICE);
    assertThat(e.get("itemId").asText()).isEqualTo("ITEM-ON-SHELF");
    assertThat(e.get("title").asText()).isEqualTo("Title of ITEM-ON-SHELF");
    List<String> fields = new ArrayList<>();
    e.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "schemaVersion", "type", "deviceId", "at", "itemId", "title", "txId", "code", "count");
    assertThat(events.payloads().toString())
        .doesNotContain(HOLDER.value())
        .doesNotContain(HOLDER.shortForm())
        .doesNotContainIgnoringCase("patron");
  }

  @Test
  void releasedTagRaisesNothing() {
    MockGpio.Recorder light = MockGpio.Recorder.on(pi4j, "gate-light");
    antenna.enter(GateAntenna.itemTag("E004010000000002", "ITEM-LENT", false));
    awaitMoreRounds(50);

    assertThat(light.states()).isEmpty();
    assertThat(gate.monitor().alarmsRaised()).isZero();

    // A secured item after it: its event is the first and only one, so none was sent before.
    antenna.enter(GateAntenna.itemTag("E004010000000001", "ITEM-ON-SHELF", true));
    Conditions.await(
        WAIT, () -> !events.ofType("gate-alarm").isEmpty(), () -> events.payloads().toString());
    awaitMoreRounds(20);
    assertThat(events.ofType("gate-alarm"))
        .extracting(n -> n.get("itemId").asText())
        .containsExactly("ITEM-ON-SHELF");
  }

  @Test
  void readerFaultsDoNotStopTheGate() {
    antenna.emulator().faults().always(Fault.CORRUPT_CRC);
    Conditions.await(WAIT, () -> gate.monitor().faultyRounds() >= 5, () -> "no faults seen");
    antenna.emulator().faults().next(Fault.DROP_BYTE, 3);
    antenna.emulator().faults().clear();
    antenna.enter(GateAntenna.itemTag("E004010000000001", "ITEM-ON-SHELF", true));

    Conditions.await(
        WAIT, () -> !events.ofType("gate-alarm").isEmpty(), () -> events.payloads().toString());
    assertThat(gate.monitor().alarmsRaised()).isEqualTo(1);
  }

  /** Lets a level hold past the 5 ms debounce before the next edge (not a timing check). */
  private static void level(MockDigitalInput input, com.pi4j.io.gpio.digital.DigitalState s)
      throws InterruptedException {
    input.mockState(s);
    Thread.sleep(60);
  }

  @Test
  void walkersInAndOutAreCountedDurablyAndHoursReportedAsEvents() throws Exception {
    MockDigitalInput outer = (MockDigitalInput) pi4j.io("gate-beam-outer", DigitalInput.class);
    MockDigitalInput inner = (MockDigitalInput) pi4j.io("gate-beam-inner", DigitalInput.class);
    assertThat(outer.address()).isEqualTo(22);
    assertThat(inner.address()).isEqualTo(23);
    level(outer, HIGH);
    level(inner, HIGH);
    for (int i = 0; i < 2; i++) {
      level(outer, LOW);
      level(inner, LOW);
      level(outer, HIGH);
      level(inner, HIGH);
    }
    level(inner, LOW);
    level(outer, LOW);
    level(inner, HIGH);
    level(outer, HIGH);
    Conditions.await(
        WAIT,
        () -> gate.visitors().orElseThrow().totals().equals(new VisitorTally.Totals(3, 1)),
        () -> "totals " + gate.visitors().orElseThrow().totals());

    // at start the hour left unreported by the last run was stored as an event and published
    Conditions.await(
        WAIT, () -> !events.ofType("visitor-count").isEmpty(), () -> events.payloads().toString());
    JsonNode report = events.ofType("visitor-count").get(0);
    assertThat(report.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(report.get("from").asText()).isEqualTo(EARLIER_HOUR.toString());
    assertThat(report.get("in").asLong()).isEqualTo(1);
    Conditions.await(WAIT, () -> gate.events().pending() == 0, () -> "report still pending");

    gate.close();
    pi4j.shutdown();
    pi4j = MockGpio.context();
    gate =
        GateService.start(config(), antenna.reader(), pi4j, GateTuning.DEFAULT, Clock.systemUTC());
    assertThat(gate.visitors().orElseThrow().totals()).isEqualTo(new VisitorTally.Totals(3, 1));
  }

  @Test
  void openingTheCoverPublishesATamperEvent() throws Exception {
    MockDigitalInput cover = (MockDigitalInput) pi4j.io("gate-cover", DigitalInput.class);
    level(cover, LOW);
    level(cover, HIGH);
    Conditions.await(
        WAIT, () -> !events.ofType("tamper").isEmpty(), () -> events.payloads().toString());
    assertThat(events.ofType("tamper").get(0).get("code").asText()).isEqualTo("COVER_OPENED");
  }
}
