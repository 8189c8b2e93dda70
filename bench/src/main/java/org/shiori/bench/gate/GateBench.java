package org.shiori.bench.gate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.shiori.bench.rfid.Percentiles;
import org.shiori.bench.rfid.SerialFrameBench;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.config.AlarmMode;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.emulator.RealTimePacing;
import org.shiori.emulator.TagField;
import org.shiori.emulator.VirtualTag;
import org.shiori.gate.cache.ItemStates;
import org.shiori.gate.passage.GateRules;
import org.shiori.gate.passage.PassageMemory;
import org.shiori.gate.passage.PassageMonitor;
import org.shiori.gate.passage.TagInspector;
import org.shiori.gate.signal.AlarmSignals;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;
import org.shiori.testkit.SocatPtyPair;

/**
 * The gate's passage monitor on the real FEIG driver over a socat pty at 38,400 8E1, the FEIG
 * emulator keeping real time (byte time + ISO 15693 air time), 1,000,000 item states in memory:
 *
 * <ol>
 *   <li>latency, database mode: last reader byte (the emulator's last reply before the decision) →
 *       outputs set, with tags walking through continuously; reported with the tag reads per second
 *       it ran at;
 *   <li>burst, afi and cross-check modes: 50 secured tags enter at once; each alarm's time from
 *       entering, beside the time of an inventory round with 50 tags measured in the same run;
 *       duplicates while they stay 3 s; alarms after they leave.
 * </ol>
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.shiori.bench.gate.GateBench [seconds
 * [tagsInField [baud]]]}.
 */
public final class GateBench {
  private static final int ITEMS = 1_000_000;
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final int FLOOR_SAMPLES = 2000;
  private static final Duration WARM_UP = Duration.ofSeconds(10);

  private GateBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int inFieldAtOnce = args.length > 1 ? Integer.parseInt(args[1]) : 14;
    int baud = args.length > 2 ? Integer.parseInt(args[2]) : 38_400;
    ItemStates states = new ItemStates(ITEMS);
    for (int i = 0; i < ITEMS; i++) {
      states.item(itemId(i), i % 10 == 0 ? ItemStatus.AVAILABLE : ItemStatus.ON_LOAN);
    }
    try (SocatPtyPair ptys = SocatPtyPair.start()) {
      SerialSettings line = feigAt(ptys.first(), baud);
      // The floor beside the latency: a raw read of a reply over the same pty, same run.
      Percentiles floor =
          new Percentiles(
              SerialFrameBench.rawReads(line, feigAt(ptys.second(), baud), FLOOR_SAMPLES));
      System.out.printf(
          Locale.ROOT, "raw read of a 17-byte reply over the same pty (floor): %s%n", floor);
      TagField field = new TagField();
      try (FeigReaderEmulator emulator =
              new FeigReaderEmulator(new SerialTransport(line), field, 0).start();
          FeigReader reader =
              new FeigReader(new SerialTransport(feigAt(ptys.second(), baud)), 0xFF, TIMEOUT)) {
        emulator.setPacing(RealTimePacing.of(line));
        latency(seconds, inFieldAtOnce, baud, states, field, emulator, reader);
        field.clear();
        burst(AlarmMode.AFI, field, emulator, reader, states);
        field.clear();
        burst(AlarmMode.CROSS_CHECK, field, emulator, reader, states);
      }
    }
  }

  /** A FEIG line at another speed (the readers take 9,600 to 115,200 baud, 8E1). */
  private static SerialSettings feigAt(String port, int baud) {
    SerialSettings feig = SerialSettings.feig(port);
    return new SerialSettings(
        port, baud, feig.parity(), feig.dataBits(), feig.stopBits(), feig.interByteTimeout());
  }

  private static String itemId(int i) {
    return Long.toString(3_010_000_000_000L + i);
  }

  private static VirtualTag tag(long n, int item, boolean secured) {
    VirtualTag t =
        VirtualTag.slix(
            new TagUid(0xE004010000000000L + n),
            LibraryTagCodec.encodeIso28560_3(itemId(item), 1, 1, "JP", "JP-1000000"));
    t.setAfi(secured ? SecurityMode.ISO_AFI.securedAfi() : SecurityMode.ISO_AFI.releasedAfi());
    return t;
  }

  private static PassageMonitor monitor(
      AlarmMode mode, FeigReader reader, ItemStates states, List<TagUid> reported) {
    GateRules rules = new GateRules(mode, SecurityMode.ISO_AFI);
    return new PassageMonitor(
        reader,
        TagInspector.withStates(reader, states, rules),
        rules,
        new PassageMemory(Duration.ofSeconds(1), Clock.systemUTC()),
        new PassageMonitor.Outputs(
            new NoOutputs(), Duration.ofSeconds(1), a -> reported.add(a.uid())));
  }

  /**
   * Tags walk through one after another, a new one every 120 ms, {@code inFieldAtOnce} in the field
   * at a time (enough for the 100 tag reads a second of the goal); every one alarms.
   */
  private static void latency(
      int seconds,
      int inFieldAtOnce,
      int baud,
      ItemStates states,
      TagField field,
      FeigReaderEmulator emulator,
      FeigReader reader)
      throws Exception {
    List<TagUid> reported = new ArrayList<>();
    PassageMonitor monitor = monitor(AlarmMode.DATABASE, reader, states, reported);
    ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
    monitor.setAlarmListener(
        (nanos, uid, switched) -> {
          if (switched) {
            samples.add(nanos - emulator.lastReplySentNanos());
          }
        });
    AtomicLong reads = new AtomicLong();
    // The walk runs WARM_UP first, unmeasured: the compiler's work on a fresh JVM is not what a
    // gate that has run for a day does at each passage.
    long measureFrom = System.nanoTime() + WARM_UP.toNanos();
    boolean measuring = false;
    long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
    long n = 0;
    long passagesBefore = 0;
    List<VirtualTag> inField = new ArrayList<>();
    long nextTag = System.nanoTime();
    while (System.nanoTime() < end) {
      if (!measuring && System.nanoTime() >= measureFrom) {
        measuring = true;
        samples.clear();
        reads.set(0);
        passagesBefore = n;
      }
      if (System.nanoTime() >= nextTag) {
        // items with i % 10 == 0 are AVAILABLE: they alarm in database mode
        VirtualTag t = tag(++n, (int) (n * 10 % ITEMS), true);
        field.put(t);
        inField.add(t);
        if (inField.size() > inFieldAtOnce) {
          field.remove(inField.remove(0).uid());
        }
        nextTag += Duration.ofMillis(120).toNanos();
      }
      long before = monitor.rounds();
      monitor.scanOnce();
      reads.addAndGet(field.tags().size() * (monitor.rounds() - before));
    }
    double rate = reads.get() / (double) seconds;
    long[] s = samples.stream().mapToLong(Long::longValue).toArray();
    System.out.printf(
        Locale.ROOT,
        "gate latency, database mode, %,d items in memory, FEIG emulator in real time at %d 8E1"
            + " over a pty, %.0f tag reads/s, %d passages:%n  last reader byte -> output set: %s%n",
        states.size(),
        baud,
        rate,
        n - passagesBefore,
        new Percentiles(s));
  }

  /** 50 secured tags at once; in cross-check mode one in ten is not on loan (a mismatch). */
  private static void burst(
      AlarmMode mode,
      TagField field,
      FeigReaderEmulator emulator,
      FeigReader reader,
      ItemStates states)
      throws Exception {
    List<VirtualTag> tags = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      tags.add(tag(1_000_000 + i, i, true));
    }
    // The physical time of one inventory round of the mode with the 50 tags in the field:
    // cross-check reads the filtered inventory, then the full one.
    tags.forEach(field::put);
    long[] round = new long[10];
    for (int i = 0; i < round.length; i++) {
      long t0 = System.nanoTime();
      reader.inventory(OptionalInt.of(SecurityMode.ISO_AFI.securedAfi()));
      if (mode == AlarmMode.CROSS_CHECK) {
        reader.inventory(OptionalInt.empty());
      }
      round[i] = System.nanoTime() - t0;
    }
    field.clear();

    List<TagUid> reported = new ArrayList<>();
    PassageMonitor monitor = monitor(mode, reader, states, reported);
    ConcurrentHashMap<TagUid, Long> raisedAt = new ConcurrentHashMap<>();
    AtomicLong duplicates = new AtomicLong();
    monitor.setAlarmListener(
        (nanos, uid, switched) -> {
          if (raisedAt.putIfAbsent(uid, nanos) != null) {
            duplicates.incrementAndGet();
          }
        });
    monitor.start(Duration.ofMillis(5));
    Thread.sleep(300);
    long entered = System.nanoTime();
    tags.forEach(field::put);
    Thread.sleep(3000);
    long alarmsWhileIn = monitor.alarmsRaised();
    tags.forEach(t -> field.remove(t.uid()));
    Thread.sleep(3000);
    long afterLeaving = monitor.alarmsRaised() - alarmsWhileIn;
    monitor.close();
    long[] fromEntering = raisedAt.values().stream().mapToLong(t -> t - entered).toArray();
    System.out.printf(
        Locale.ROOT,
        "gate burst, %s mode, 50 tags enter at once:%n"
            + "  inventory round with 50 tags (floor of one round): %s%n"
            + "  entering -> alarm raised, per tag (%d tags alarmed): %s%n"
            + "  duplicate alarms while they stayed 3 s: %d; alarms after they left: %d;"
            + " events reported: %d%n",
        mode.configName(),
        new Percentiles(round),
        fromEntering.length,
        new Percentiles(fromEntering),
        duplicates.get() + Math.max(0, alarmsWhileIn - 50),
        afterLeaving,
        reported.size());
  }

  /** The outputs of a benchmark: the moment is what counts, recorded by the listener. */
  private static final class NoOutputs implements AlarmSignals {
    @Override
    public void alarm(Duration duration) {}

    @Override
    public void close() {}
  }
}
