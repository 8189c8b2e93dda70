package org.shiori.gate.passage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.config.AlarmMode;
import org.shiori.emulator.FaultInjection.Fault;
import org.shiori.emulator.VirtualTag;
import org.shiori.gate.testing.GateAntenna;
import org.shiori.gate.testing.RecordingSignals;
import org.shiori.rfid.reader.ForwardingTagReader;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MutableClock;

/** The monitor on the real FEIG driver and emulator, driven round by round with a fake clock. */
class PassageMonitorTest {
  private static final Duration ALARM = Duration.ofMillis(3000);
  private static final Duration WINDOW = Duration.ofSeconds(3);

  private final GateAntenna antenna = new GateAntenna();
  private final MutableClock clock = MutableClock.at("2026-11-21T09:00:00Z");
  private final RecordingSignals signals = new RecordingSignals();
  private final List<GateAlarm> reported = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, ItemRecord> cache = new ConcurrentHashMap<>();
  private PassageMonitor monitor;

  @AfterEach
  void close() {
    if (monitor != null) {
      monitor.close();
    }
    antenna.close();
  }

  private PassageMonitor monitor(AlarmMode mode, SecurityMode security) {
    return monitor(mode, security, antenna.reader());
  }

  private PassageMonitor monitor(AlarmMode mode, SecurityMode security, TagReader reader) {
    GateRules rules = new GateRules(mode, security);
    monitor =
        new PassageMonitor(
            reader,
            new TagInspector(reader, id -> Optional.ofNullable(cache.get(id)), rules),
            rules,
            new PassageMemory(WINDOW, clock),
            new PassageMonitor.Outputs(signals, ALARM, reported::add));
    return monitor;
  }

  private PassageMonitor afiMonitor() {
    return monitor(AlarmMode.AFI, SecurityMode.ISO_AFI);
  }

  private void cache(String itemId, ItemStatus status) {
    cache.put(
        itemId,
        new ItemRecord(
            itemId,
            "Title of " + itemId,
            "book",
            "central",
            status,
            Set.of(),
            1,
            Optional.empty()));
  }

  /** {@code rounds} inventory rounds, {@code step} apart on the fake clock. */
  private void rounds(int rounds, Duration step) {
    for (int i = 0; i < rounds; i++) {
      assertThat(monitor.scanOnce()).isTrue();
      clock.advance(step);
    }
  }

  @Test
  void aTagReadAgainAndAgainInOnePassageAlarmsOnce() {
    afiMonitor();
    cache("ITEM-1", ItemStatus.AVAILABLE);
    antenna.enter(GateAntenna.itemTag("E004010000000001", "ITEM-1", true));

    rounds(50, Duration.ofMillis(100)); // 5 s in the field: longer than the window, but continuous

    assertThat(signals.alarms()).containsExactly(ALARM);
    assertThat(reported).hasSize(1);
    assertThat(monitor.alarmsRaised()).isEqualTo(1);
  }

  @Test
  void aTagBackWithinTheWindowIsTheSamePassage() {
    afiMonitor();
    VirtualTag tag = GateAntenna.itemTag("E004010000000001", "ITEM-1", true);
    antenna.enter(tag);
    rounds(3, Duration.ofMillis(100));
    antenna.leave(tag);
    rounds(20, Duration.ofMillis(100)); // 2 s out of reach (antenna null, turned round)
    antenna.enter(tag);
    rounds(3, Duration.ofMillis(100));

    assertThat(signals.alarms()).hasSize(1);
  }

  @Test
  void aTagBackAfterTheWindowIsANewPassageAndAlarmsAgain() {
    afiMonitor();
    VirtualTag tag = GateAntenna.itemTag("E004010000000001", "ITEM-1", true);
    antenna.enter(tag);
    rounds(3, Duration.ofMillis(100));
    antenna.leave(tag);
    rounds(40, Duration.ofMillis(100));
    antenna.enter(tag);
    rounds(3, Duration.ofMillis(100));

    assertThat(signals.alarms()).hasSize(2);
  }

  @Test
  void twoSecuredItemsInOnePassageAlarmOncePerItem() {
    afiMonitor();
    antenna.enter(GateAntenna.itemTag("E004010000000001", "ITEM-1", true));
    antenna.enter(GateAntenna.itemTag("E004010000000002", "ITEM-2", true));
    rounds(5, Duration.ofMillis(100));

    assertThat(reported)
        .extracting(GateAlarm::itemId)
        .containsExactlyInAnyOrder("ITEM-1", "ITEM-2");
  }

  @Test
  void alarmReportNamesItemAndCachedTitleButNoPatron() {
    afiMonitor();
    cache("ITEM-1", ItemStatus.AVAILABLE);
    antenna.enter(GateAntenna.itemTag("E004010000000001", "ITEM-1", true));
    rounds(1, Duration.ofMillis(100));

    assertThat(reported)
        .containsExactly(
            new GateAlarm(
                "ITEM-1",
                "Title of ITEM-1",
                org.shiori.rfid.tag.TagUid.fromHex("E004010000000001"),
                false));
  }

  @Test
  void itemUnknownToTheCacheIsReportedWithPlaceholderTitle() {
    afiMonitor();
    antenna.enter(GateAntenna.itemTag("E004010000000001", "ITEM-9", true));
    rounds(1, Duration.ofMillis(100));

    assertThat(reported).extracting(GateAlarm::title).containsExactly(GateAlarm.UNKNOWN_TITLE);
  }

  @Test
  void releasedTagRaisesNothingInAfiMode() {
    afiMonitor();
    cache("ITEM-1", ItemStatus.ON_LOAN);
    antenna.enter(GateAntenna.itemTag("E004010000000001", "ITEM-1", false));
    rounds(10, Duration.ofMillis(100));

    assertThat(signals.alarms()).isEmpty();
    assertThat(reported).isEmpty();
  }

  /** Every mode read through the real protocol: tag state as the kiosk wrote it, cache status. */
  @ParameterizedTest(name = "{0}: tag secured={1}, status={2} -> alarm={3}")
  @CsvSource({
    "AFI,         true,  ON_LOAN,   true",
    "AFI,         false, AVAILABLE, false",
    "EAS,         true,  ON_LOAN,   true",
    "EAS,         false, AVAILABLE, false",
    "DATABASE,    true,  ON_LOAN,   false",
    "DATABASE,    false, AVAILABLE, true",
    "DATABASE,    false, LOST,      true",
    "CROSS_CHECK, false, ON_LOAN,   false",
    "CROSS_CHECK, true,  AVAILABLE, true",
    "CROSS_CHECK, true,  ON_LOAN,   true",
    "CROSS_CHECK, false, AVAILABLE, true",
  })
  void eachModeReadsWhatItNeedsOverTheWire(
      AlarmMode mode, boolean secured, ItemStatus status, boolean alarm) {
    monitor(mode, mode == AlarmMode.EAS ? SecurityMode.NXP_EAS : SecurityMode.ISO_AFI);
    cache("ITEM-1", status);
    antenna.enter(GateAntenna.itemTag("E004010000000001", "ITEM-1", secured));
    rounds(5, Duration.ofMillis(100));

    assertThat(reported).hasSize(alarm ? 1 : 0);
    if (alarm) {
      assertThat(reported.get(0).itemId()).isEqualTo("ITEM-1");
      assertThat(reported.get(0).title()).isEqualTo("Title of ITEM-1");
      assertThat(reported.get(0).mismatch())
          .isEqualTo(mode == AlarmMode.CROSS_CHECK && secured == (status == ItemStatus.ON_LOAN));
    }
  }

  /** Cross-check on AFI tags: a crowd of secured items alarms on one filtered inventory. */
  @Test
  void crossCheckSetsTheOutputsForSecuredTagsBeforeAnyCommandToATag() {
    monitor(AlarmMode.CROSS_CHECK, SecurityMode.ISO_AFI);
    List<Long> requestsAtSwitch = new ArrayList<>();
    monitor.setAlarmListener(
        (nanos, uid, switched) -> {
          if (switched) {
            requestsAtSwitch.add(antenna.emulator().requestsServed());
          }
        });
    for (int i = 0; i < 10; i++) {
      cache("ITEM-" + i, i < 5 ? ItemStatus.ON_LOAN : ItemStatus.AVAILABLE);
      antenna.enter(GateAntenna.itemTag("E00401000000010" + i, "ITEM-" + i, true));
    }
    long before = antenna.emulator().requestsServed();

    rounds(1, Duration.ofMillis(100));

    assertThat(monitor.alarmsRaised()).isEqualTo(10);
    assertThat(requestsAtSwitch).containsExactly(before + 1);
    // items are read after the round, a few a round; a secured item on loan is a mismatch
    assertThat(reported).hasSize(10);
    List<GateAlarm> identified =
        reported.stream().filter(a -> a.itemId().startsWith("ITEM-")).toList();
    assertThat(identified).hasSize(PassageMonitor.IDENTIFY_PER_ROUND);
    assertThat(identified)
        .allSatisfy(
            a -> assertThat(a.mismatch()).isEqualTo(Integer.parseInt(a.itemId().substring(5)) < 5));
    rounds(20, Duration.ofMillis(100));
    assertThat(monitor.alarmsRaised()).isEqualTo(10);
  }

  /**
   * Cross-check: tags that come between a round's filtered inventory and its full one wait for the
   * next filtered inventory instead of being read one by one; released ones are read then.
   */
  @Test
  void crossCheckLetsTagsArrivingMidRoundWaitForTheNextFilteredInventory() {
    List<VirtualTag> arriving = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      cache("ITEM-" + i, ItemStatus.AVAILABLE);
      arriving.add(GateAntenna.itemTag("E00401000000020" + i, "ITEM-" + i, true));
    }
    cache("ITEM-ON-LOAN", ItemStatus.ON_LOAN);
    arriving.add(GateAntenna.itemTag("E004010000000210", "ITEM-ON-LOAN", false));
    cache("ITEM-NOT-LENT", ItemStatus.AVAILABLE);
    arriving.add(GateAntenna.itemTag("E004010000000211", "ITEM-NOT-LENT", false));
    TagReader reader =
        new BeforeFullInventory(antenna.reader(), () -> arriving.forEach(antenna::enter));
    monitor(AlarmMode.CROSS_CHECK, SecurityMode.ISO_AFI, reader);
    List<Long> requestsAtSwitch = new ArrayList<>();
    monitor.setAlarmListener(
        (nanos, uid, switched) -> {
          if (switched) {
            requestsAtSwitch.add(antenna.emulator().requestsServed());
          }
        });
    long first = antenna.emulator().requestsServed();

    rounds(1, Duration.ofMillis(100));
    assertThat(antenna.emulator().requestsServed() - first).isEqualTo(2); // the two inventories
    assertThat(monitor.alarmsRaised()).isZero();

    long second = antenna.emulator().requestsServed();
    rounds(1, Duration.ofMillis(100));
    assertThat(requestsAtSwitch).containsExactly(second + 1);
    assertThat(reported)
        .extracting(GateAlarm::itemId)
        .containsExactlyInAnyOrder("ITEM-0", "ITEM-1", "ITEM-2", "ITEM-NOT-LENT");
    rounds(20, Duration.ofMillis(100));
    assertThat(monitor.alarmsRaised()).isEqualTo(4);
  }

  /** The real reader, with something happening once just before the first unfiltered inventory. */
  private static final class BeforeFullInventory extends ForwardingTagReader {
    private Runnable before;

    BeforeFullInventory(TagReader reader, Runnable before) {
      super(reader);
      this.before = before;
    }

    @Override
    public List<InventoryEntry> inventory(OptionalInt afi) throws ReaderException {
      if (afi.isEmpty() && before != null) {
        before.run();
        before = null;
      }
      return delegate().inventory(afi);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"DROP_BYTE", "CORRUPT_CRC", "SILENT"})
  void aFaultyReaderFailsRoundsButNeverStopsTheMonitor(Fault fault) {
    afiMonitor();
    antenna.emulator().faults().setDelay(Duration.ofMillis(800));
    antenna.emulator().faults().always(fault);
    antenna.enter(GateAntenna.itemTag("E004010000000001", "ITEM-1", true));

    for (int i = 0; i < 3; i++) {
      assertThat(monitor.scanOnce()).isFalse();
    }
    antenna.emulator().faults().clear();
    Conditions.await(
        Duration.ofSeconds(20),
        () -> monitor.scanOnce() && monitor.alarmsRaised() == 1,
        () -> "faulty rounds " + monitor.faultyRounds());

    assertThat(monitor.faultyRounds()).isGreaterThanOrEqualTo(3);
    assertThat(reported).extracting(GateAlarm::itemId).containsExactly("ITEM-1");
  }

  @Test
  void repliesLaterThanTheTimeoutFailRoundsUntilTheReaderIsFastAgain() {
    afiMonitor();
    antenna.emulator().faults().setDelay(Duration.ofMillis(800));
    antenna.emulator().faults().always(Fault.DELAY);
    antenna.enter(GateAntenna.itemTag("E004010000000001", "ITEM-1", true));

    for (int i = 0; i < 4; i++) {
      monitor.scanOnce();
    }
    antenna.emulator().faults().clear();
    Conditions.await(
        Duration.ofSeconds(20),
        () -> monitor.scanOnce() && monitor.alarmsRaised() == 1,
        () -> "faulty rounds " + monitor.faultyRounds());

    assertThat(monitor.faultyRounds()).isGreaterThanOrEqualTo(1);
    // Identified by item id, or by UID when the reader stayed too slow to read the item in time.
    assertThat(reported)
        .singleElement()
        .extracting(GateAlarm::itemId)
        .isIn("ITEM-1", "uid:E004010000000001");
  }

  @Test
  void splitGarbledAndNoTagRepliesAreNotFaults() {
    afiMonitor();
    antenna.enter(GateAntenna.itemTag("E004010000000001", "ITEM-1", true));
    antenna.emulator().faults().next(Fault.SPLIT, 3);
    rounds(2, Duration.ofMillis(100));
    antenna.emulator().faults().next(Fault.GARBAGE_BEFORE, 3);
    rounds(2, Duration.ofMillis(100));
    antenna.emulator().faults().next(Fault.NO_TAG, 1);
    rounds(2, Duration.ofMillis(100));

    assertThat(monitor.faultyRounds()).isZero();
    assertThat(reported).hasSize(1);
  }

  @Test
  void runningOnItsOwnThreadItRidesOutABurstOfBadFrames() {
    afiMonitor();
    antenna.emulator().faults().next(Fault.CORRUPT_CRC, 5);
    monitor.start(Duration.ofMillis(5));
    antenna.enter(GateAntenna.itemTag("E004010000000001", "ITEM-1", true));

    Conditions.await(
        Duration.ofSeconds(20),
        () -> monitor.alarmsRaised() == 1,
        () -> "rounds " + monitor.rounds() + ", faulty " + monitor.faultyRounds());
    long after = monitor.rounds();
    Conditions.await(Duration.ofSeconds(20), () -> monitor.rounds() > after + 20, () -> "stalled");

    assertThat(monitor.faultyRounds()).isGreaterThanOrEqualTo(1);
    assertThat(monitor.alarmsRaised()).isEqualTo(1);
  }
}
