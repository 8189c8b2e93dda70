package org.shiori.bench.rfid;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.emulator.RealTimePacing;
import org.shiori.emulator.TagField;
import org.shiori.emulator.VirtualTag;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.security.TagSecurity;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;
import org.shiori.testkit.SocatPtyPair;

/**
 * A 10-item stack on the kiosk's pad: the reader command sequence the kiosk sends for a checkout
 * (one inventory, then per item a read of its 9 data blocks, then per item the AFI release with its
 * verifying read-back, as {@code PadScanner} and {@code TagSecurity} do), through the real FEIG
 * driver over a socat pty at 38,400 8E1, the emulator keeping real time. The physical floor is the
 * emulator's modelled time of the same exchanges (bytes at the baud rate + ISO 15693 air time) plus
 * the FEIG's 5 ms quiet time (PSST) the host must leave before each request after the first.
 *
 * <p>It drives the command sequence, not the kiosk's session code; {@code KioskSessionStackBench}
 * measures the same checkout through the session, against the floor measured here.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.shiori.bench.rfid.KioskStackBench
 * [stacks]}.
 */
public final class KioskStackBench {
  private static final Duration PSST = Duration.ofMillis(5);

  private KioskStackBench() {}

  /** The physical floor of the commands and the figure of sending them, each as percentiles. */
  public record Figures(Percentiles floor, Percentiles measured) {}

  public static void main(String[] args) throws Exception {
    int stacks = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Figures figures = commandFloor(stacks);
    System.out.printf(
        Locale.ROOT,
        "kiosk 10-item stack, FEIG emulator in real time, 38400 8E1 over a pty, %d stacks:%n"
            + "  physical floor of the commands: %s%n"
            + "  measured, stack placed -> last item released: %s%n"
            + "  goal 1.2 x floor + 100 ms = %.1f ms (median floor)%n",
        stacks,
        figures.floor(),
        figures.measured(),
        1.2 * figures.floor().millis(0.5) + 100);
  }

  /**
   * Sends a checkout's command sequence {@code stacks} times on a pty pair of its own.
   *
   * @return the modelled floor of each stack's exchanges and the measured time of each
   */
  public static Figures commandFloor(int stacks) throws Exception {
    try (SocatPtyPair ptys = SocatPtyPair.start()) {
      SerialSettings line = SerialSettings.feig(ptys.first());
      TagField field = new TagField();
      try (FeigReaderEmulator emulator =
              new FeigReaderEmulator(new SerialTransport(line), field, 0).start();
          FeigReader reader =
              new FeigReader(
                  new SerialTransport(SerialSettings.feig(ptys.second())),
                  0xFF,
                  Duration.ofSeconds(3))) {
        emulator.setPacing(RealTimePacing.of(line));
        TagSecurity security = new TagSecurity(reader, SecurityMode.ISO_AFI);
        long[] measured = new long[stacks];
        long[] floor = new long[stacks];
        for (int s = 0; s < stacks; s++) {
          field.clear();
          for (int i = 0; i < 10; i++) {
            VirtualTag t =
                VirtualTag.slix(
                    new TagUid(0xE004010000100000L + s * 100L + i),
                    LibraryTagCodec.encodeIso28560_3(
                        Long.toString(3_010_000_000_000L + i), 1, 1, "JP", "JP-1000000"));
            t.setAfi(SecurityMode.ISO_AFI.securedAfi());
            field.put(t);
          }
          Thread.sleep(20); // the quiet time after the previous stack's last reply
          emulator.resetModelledTime();
          long t0 = System.nanoTime();
          List<InventoryEntry> tags = reader.inventory(OptionalInt.empty());
          List<TagUid> uids = new ArrayList<>();
          for (InventoryEntry e : tags) {
            uids.add(e.uid());
            LibraryTagCodec.decode(reader.readBlocks(e.uid(), 0, 9));
          }
          for (TagUid uid : uids) {
            security.release(uid);
          }
          measured[s] = System.nanoTime() - t0;
          if (uids.size() != 10) {
            throw new IllegalStateException("found " + uids.size() + " of 10 tags");
          }
          floor[s] =
              emulator.modelledTime().toNanos() + (emulator.pacedExchanges() - 1) * PSST.toNanos();
        }
        return new Figures(new Percentiles(floor), new Percentiles(measured));
      }
    }
  }
}
