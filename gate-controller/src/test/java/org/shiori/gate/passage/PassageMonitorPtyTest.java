package org.shiori.gate.passage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.config.AlarmMode;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.emulator.RealTimePacing;
import org.shiori.emulator.TagField;
import org.shiori.emulator.VirtualTag;
import org.shiori.gate.testing.GateAntenna;
import org.shiori.gate.testing.RecordingSignals;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.SocatPtyPair;

/**
 * The monitor on its own I/O thread, the real FEIG driver through jSerialComm on one end of a socat
 * pty pair, the FEIG emulator keeping real time (38,400 baud, ISO 15693 air time) on the other.
 */
@Timeout(120)
class PassageMonitorPtyTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration REARM = Duration.ofMillis(300);

  @TempDir Path dir;
  private final RecordingSignals signals = new RecordingSignals();
  private final List<GateAlarm> reported = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> alarmedUids = ConcurrentHashMap.newKeySet();
  private final AtomicLong duplicates = new AtomicLong();

  private PassageMonitor monitor(FeigReader reader, AlarmMode mode) {
    GateRules rules = new GateRules(mode, SecurityMode.ISO_AFI);
    PassageMonitor m =
        new PassageMonitor(
            reader,
            new TagInspector(reader, id -> java.util.Optional.empty(), rules),
            rules,
            new PassageMemory(REARM, Clock.systemUTC()),
            new PassageMonitor.Outputs(signals, Duration.ofMillis(500), reported::add));
    m.setAlarmListener(
        (nanos, uid, switched) -> {
          if (!alarmedUids.add(uid.hex())) {
            duplicates.incrementAndGet();
          }
        });
    return m;
  }

  private static FeigReaderEmulator pacedEmulator(String port, TagField field) throws Exception {
    SerialSettings line = SerialSettings.feig(port);
    FeigReaderEmulator emulator = new FeigReaderEmulator(new SerialTransport(line), field, 0);
    emulator.setPacing(RealTimePacing.of(line));
    return emulator.start();
  }

  private static FeigReader reader(String port) throws Exception {
    return new FeigReader(
        new SerialTransport(SerialSettings.feig(port), Duration.ofMillis(200)),
        0xFF,
        Duration.ofSeconds(2));
  }

  private static void awaitRounds(PassageMonitor m, long more) {
    long target = m.rounds() + more;
    Conditions.await(WAIT, () -> m.rounds() >= target, () -> "monitor stalled at " + m.rounds());
  }

  @Test
  void aTagStandingInTheFieldForTenSecondsAlarmsOnceAndAgainAfterLeaving() throws Exception {
    try (SocatPtyPair ptys = SocatPtyPair.start()) {
      TagField field = new TagField();
      VirtualTag tag = GateAntenna.itemTag("E004010000000001", "ITEM-1", true);
      try (FeigReaderEmulator emulator = pacedEmulator(ptys.first(), field);
          FeigReader reader = reader(ptys.second());
          PassageMonitor m = monitor(reader, AlarmMode.AFI)) {
        m.start(Duration.ofMillis(20));
        field.put(tag);
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Conditions.await(
            Duration.ofSeconds(20), () -> System.nanoTime() >= until, () -> "clock stuck");
        assertThat(m.alarmsRaised()).isEqualTo(1);
        assertThat(m.rounds()).as("rounds in 10 s").isGreaterThan(100);
        assertThat(reported).extracting(GateAlarm::itemId).containsExactly("ITEM-1");

        field.remove(tag.uid());
        long left = System.nanoTime();
        Conditions.await(
            WAIT,
            () -> System.nanoTime() - left > REARM.toNanos() * 2 && m.tagsInPassage() == 0,
            () -> "passage not ended");
        field.put(tag);
        Conditions.await(WAIT, () -> m.alarmsRaised() == 2, () -> "no second passage");
        assertThat(emulator.pacedExchanges()).isPositive();
      }
    }
  }

  @Test
  void fiftyTagsAtOnceAlarmOnceEachAndNeverAfterLeaving() throws Exception {
    try (SocatPtyPair ptys = SocatPtyPair.start()) {
      TagField field = new TagField();
      List<VirtualTag> tags = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        tags.add(GateAntenna.itemTag(String.format("E0040100000100%02X", i), "ITEM-" + i, true));
      }
      try (FeigReaderEmulator emulator = pacedEmulator(ptys.first(), field);
          FeigReader reader = reader(ptys.second());
          PassageMonitor m = monitor(reader, AlarmMode.AFI)) {
        m.start(Duration.ofMillis(5));
        tags.forEach(field::put);
        Conditions.await(WAIT, () -> m.alarmsRaised() >= 50, () -> m.alarmsRaised() + " alarms");
        awaitRounds(m, 5); // they stay: several more rounds with all 50 in the field
        assertThat(m.alarmsRaised()).isEqualTo(50);
        tags.forEach(t -> field.remove(t.uid()));
        awaitRounds(m, 20);
        assertThat(m.alarmsRaised()).isEqualTo(50);
        assertThat(duplicates.get()).isZero();
        Conditions.await(WAIT, () -> reported.size() == 50, () -> reported.size() + " reported");
        assertThat(signals.alarms()).isNotEmpty();
      }
    }
  }

  @Test
  void aReaderUnpluggedAndPluggedBackIsUsedAgain() throws Exception {
    Path emulatorEnd = dir.resolve("emulator-end");
    Path readerEnd = dir.resolve("reader-end");
    TagField field = new TagField();
    SocatPtyPair ptys = SocatPtyPair.start(emulatorEnd, readerEnd);
    FeigReaderEmulator emulator = pacedEmulator(emulatorEnd.toString(), field);
    try (FeigReader reader = reader(readerEnd.toString());
        PassageMonitor m = monitor(reader, AlarmMode.AFI)) {
      m.start(Duration.ofMillis(20));
      awaitRounds(m, 5);
      assertThat(m.faultyRounds()).isZero();

      ptys.kill(); // the USB adapter is pulled: both ends vanish
      emulator.close();
      Conditions.await(WAIT, () -> m.faultyRounds() > 3, () -> "no faults while unplugged");

      ptys = SocatPtyPair.start(emulatorEnd, readerEnd); // plugged back in
      emulator = pacedEmulator(emulatorEnd.toString(), field);
      field.put(GateAntenna.itemTag("E004010000000009", "ITEM-9", true));
      Conditions.await(WAIT, () -> m.alarmsRaised() == 1, () -> "no alarm after replugging");
    } finally {
      emulator.close();
      ptys.close();
    }
  }
}
