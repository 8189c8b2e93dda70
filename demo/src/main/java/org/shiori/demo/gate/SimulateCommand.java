package org.shiori.demo.gate;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.config.AlarmMode;
import org.shiori.device.app.ExitCodes;
import org.shiori.emulator.EmulatedReaderProvider;
import org.shiori.emulator.TagField;
import org.shiori.emulator.VirtualTag;
import org.shiori.gate.passage.GateAlarm;
import org.shiori.gate.passage.GateRules;
import org.shiori.gate.passage.PassageMemory;
import org.shiori.gate.passage.PassageMonitor;
import org.shiori.gate.passage.TagInspector;
import org.shiori.gate.signal.AlarmSignals;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.reader.ReaderOpening;
import org.shiori.rfid.reader.ReaderProtocol;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.tag.TagUid;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code gate simulate}: walks tags through an emulated FEIG reader one passage at a time and
 * prints what the gate decides, with the real monitor and decision table; no GPIO, broker or
 * database.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Walks item tags through an emulated gate and prints each decision.",
      "Example: gate simulate --mode cross-check --tag 1001:secured:AVAILABLE"
          + " --tag 1002:released:ON_LOAN --tag 1003:released:AVAILABLE"
    })
public final class SimulateCommand implements Callable<Integer> {
  /** One tag of the simulation: item id, tag state, cached status (empty = not cached). */
  record SimulatedTag(String itemId, boolean secured, Optional<ItemStatus> status) {}

  @Option(
      names = "--mode",
      defaultValue = "afi",
      converter = ModeConverter.class,
      description = "afi, eas, database or cross-check (default: ${DEFAULT-VALUE}).")
  AlarmMode mode;

  @Option(
      names = "--tag",
      required = true,
      converter = TagConverter.class,
      description =
          "ITEM:secured|released[:STATUS], STATUS one of AVAILABLE, ON_LOAN, ON_HOLD_SHELF, LOST,"
              + " MISSING, WITHDRAWN, IN_REPAIR, IN_TRANSIT; no status = not in the cache.")
  List<SimulatedTag> tags;

  @Spec CommandSpec spec;

  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final int ROUNDS_PER_PASSAGE = 5;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, ItemRecord> cache = new HashMap<>();
    for (SimulatedTag t : tags) {
      t.status()
          .ifPresent(
              s ->
                  cache.put(
                      t.itemId(),
                      new ItemRecord(
                          t.itemId(), t.itemId(), "book", "-", s, Set.of(), 1, Optional.empty())));
    }
    TagField field = new TagField();
    ReaderOpening opening =
        new ReaderOpening(
            ReaderProtocol.EMULATED, Optional.empty(), ReaderProtocol.FEIG_ANY_ADDRESS, TIMEOUT);
    try (TagReader reader = EmulatedReaderProvider.open(field, opening)) {
      List<GateAlarm> alarms = new ArrayList<>();
      GateRules rules =
          new GateRules(mode, mode == AlarmMode.EAS ? SecurityMode.NXP_EAS : SecurityMode.ISO_AFI);
      PassageMonitor monitor =
          new PassageMonitor(
              reader,
              new TagInspector(reader, id -> Optional.ofNullable(cache.get(id)), rules),
              rules,
              new PassageMemory(Duration.ofSeconds(3), Clock.systemUTC()),
              new PassageMonitor.Outputs(new SilentSignals(), Duration.ofSeconds(1), alarms::add));
      int n = 0;
      for (SimulatedTag t : tags) {
        VirtualTag tag = tag(++n, t);
        field.put(tag);
        int before = alarms.size();
        for (int i = 0; i < ROUNDS_PER_PASSAGE; i++) {
          monitor.scanOnce();
        }
        field.remove(tag.uid());
        out.printf(
            "%-16s tag %-8s cache %-13s -> %s%n",
            t.itemId(),
            t.secured() ? "secured" : "released",
            t.status().map(Enum::name).orElse("not cached"),
            alarms.size() > before ? "ALARM" : "pass");
      }
      out.printf(
          "%d passages, %d alarms, %d faulty reader rounds%n",
          tags.size(), alarms.size(), monitor.faultyRounds());
    } catch (Exception e) {
      throw new IllegalStateException("simulation failed: " + e.getMessage(), e);
    }
    return ExitCodes.OK;
  }

  private static VirtualTag tag(int n, SimulatedTag t) {
    VirtualTag tag =
        VirtualTag.slix(
            new TagUid(0xE004010000000000L + n),
            LibraryTagCodec.encodeIso28560_3(t.itemId(), 1, 1, "JP", "JP-0000000"));
    tag.setAfi(
        t.secured() ? SecurityMode.ISO_AFI.securedAfi() : SecurityMode.ISO_AFI.releasedAfi());
    tag.setEas(t.secured());
    return tag;
  }

  /** Signals of a simulation: the printed decision is the alarm. */
  private static final class SilentSignals implements AlarmSignals {
    @Override
    public void alarm(Duration duration) {}

    @Override
    public void close() {}
  }

  static final class ModeConverter implements ITypeConverter<AlarmMode> {
    @Override
    public AlarmMode convert(String value) {
      for (AlarmMode m : AlarmMode.values()) {
        if (m.configName().equals(value.toLowerCase(Locale.ROOT))) {
          return m;
        }
      }
      throw new TypeConversionException(
          "mode must be afi, eas, database or cross-check, got '" + value + "'");
    }
  }

  static final class TagConverter implements ITypeConverter<SimulatedTag> {
    @Override
    public SimulatedTag convert(String value) {
      String[] p = value.split(":");
      if (p.length < 2 || p.length > 3 || p[0].isBlank() || p[0].length() > 16) {
        throw new TypeConversionException(
            "tag must be ITEM:secured|released[:STATUS] with an item id of 1-16 characters, got '"
                + value
                + "'");
      }
      if (!p[1].equals("secured") && !p[1].equals("released")) {
        throw new TypeConversionException(
            "tag state must be secured or released, got '" + p[1] + "'");
      }
      Optional<ItemStatus> status = Optional.empty();
      if (p.length == 3) {
        try {
          status = Optional.of(ItemStatus.valueOf(p[2].toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new TypeConversionException("unknown item status '" + p[2] + "'");
        }
      }
      return new SimulatedTag(p[0], p[1].equals("secured"), status);
    }
  }
}
