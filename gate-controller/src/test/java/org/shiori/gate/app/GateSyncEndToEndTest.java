package org.shiori.gate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.config.DeviceConfig;
import org.shiori.device.testing.MessagingRig;
import org.shiori.emulator.VirtualTag;
import org.shiori.gate.testing.GateAntenna;
import org.shiori.gate.testing.GateConfigs;
import org.shiori.gate.testing.MockGpio;
import org.shiori.protocol.DeviceEvent;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/**
 * Database mode against the central simulator: the item cache follows central's sync deltas, and
 * central decodes the gate's alarm event with the shared event schema.
 */
class GateSyncEndToEndTest {
  private static final String TENANT = "matsuyama";
  private static final String DEVICE = "gate-sync-01";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration WINDOW = Duration.ofMillis(300);

  private static MessagingRig rig;

  @TempDir Path dataDir;
  private final GateAntenna antenna = new GateAntenna();
  private Context pi4j;
  private GateService gate;

  @BeforeAll
  static void startCentral() {
    Required.part(MosquittoBroker.installed(), "mosquitto is not installed");
    rig = MessagingRig.plain(TENANT);
  }

  @AfterAll
  static void stopCentral() {
    if (rig != null) {
      rig.close();
    }
  }

  @AfterEach
  void stopGate() {
    if (gate != null) {
      gate.close();
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
        rig.broker().port(),
        dataDir,
        "gate:",
        "  alarmMode: database",
        "  lightPin: 5",
        "  buzzerPin: 6",
        "  alarmMillis: 200");
  }

  private static ItemRecord item(ItemStatus status) {
    return new ItemRecord(
        "ITEM-S", "Sync title", "book", "central", status, Set.of(), 1, Optional.empty());
  }

  private void awaitCached(ItemStatus status) {
    Conditions.await(
        WAIT,
        () -> gate.store().find("ITEM-S").map(i -> i.status() == status).orElse(false),
        () -> "cache holds " + gate.store().find("ITEM-S"));
  }

  private void awaitMoreRounds(int n) {
    long target = gate.monitor().rounds() + n;
    Conditions.await(WAIT, () -> gate.monitor().rounds() >= target, () -> "monitor stalled");
  }

  private long gateAlarmsAtCentral() {
    return rig.central().events().stream()
        .filter(e -> e.type() == DeviceEvent.Type.GATE_ALARM)
        .count();
  }

  @Test
  void theCacheFollowsCentralAndDecidesEachPassage() throws Exception {
    pi4j = MockGpio.context();
    GateTuning tuning =
        GateTuning.DEFAULT.withCycle(Duration.ofMillis(10)).withPassageWindow(WINDOW);
    gate = GateService.start(config(), antenna.reader(), pi4j, tuning, Clock.systemUTC());
    assertThat(gate.link().awaitConnected(WAIT)).isTrue();

    // Shelved, but its tag was left released (e.g. a return whose security write failed).
    rig.central().putItem(item(ItemStatus.AVAILABLE));
    awaitCached(ItemStatus.AVAILABLE);
    VirtualTag tag = GateAntenna.itemTag("E004010000000031", "ITEM-S", false);
    antenna.enter(tag);
    Conditions.await(
        WAIT, () -> gateAlarmsAtCentral() == 1, () -> rig.central().events().toString());
    DeviceEvent event = rig.central().events().get(rig.central().events().size() - 1);
    assertThat(event.deviceId()).isEqualTo(DEVICE);
    assertThat(event.itemId()).contains("ITEM-S");
    assertThat(event.title()).contains("Sync title");
    antenna.leave(tag);

    // Lent at a kiosk: central's delta reaches the gate, and the next passage is silent.
    rig.central().putItem(item(ItemStatus.ON_LOAN));
    awaitCached(ItemStatus.ON_LOAN);
    long left = System.nanoTime();
    Conditions.await(
        WAIT, () -> System.nanoTime() - left > 2 * WINDOW.toNanos(), () -> "window not over");
    antenna.enter(tag);
    awaitMoreRounds(40);

    assertThat(gate.monitor().alarmsRaised()).isEqualTo(1);
    assertThat(gateAlarmsAtCentral()).isEqualTo(1);
  }
}
