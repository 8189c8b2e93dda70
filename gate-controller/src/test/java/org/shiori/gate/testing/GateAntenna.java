package org.shiori.gate.testing;

import java.time.Duration;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.emulator.TagField;
import org.shiori.emulator.VirtualTag;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.MemoryPipe;

/**
 * The gate's antenna as tests see it: a FEIG reader emulator on an in-memory line, the real FEIG
 * driver on the other end, and item tags carrying ISO 28560-3 data that walk in and out.
 */
public final class GateAntenna implements AutoCloseable {
  public static final int SECURED_AFI = 0x07;
  public static final int RELEASED_AFI = 0xC2;

  private final TagField field = new TagField();
  private final MemoryPipe.Pair line = MemoryPipe.pair();
  private final FeigReaderEmulator emulator;
  private final FeigReader reader;

  public GateAntenna() {
    emulator = new FeigReaderEmulator(line.device(), field, 0xFF).start();
    reader = new FeigReader(line.host(), 0xFF, Duration.ofMillis(300));
  }

  public TagReader reader() {
    return reader;
  }

  public FeigReaderEmulator emulator() {
    return emulator;
  }

  /** An ICODE SLIX with the item id encoded, AFI and EAS as the kiosk leaves them. */
  public static VirtualTag itemTag(String uidHex, String itemId, boolean secured) {
    VirtualTag tag =
        VirtualTag.slix(
            TagUid.fromHex(uidHex),
            LibraryTagCodec.encodeIso28560_3(itemId, 1, 1, "JP", "JP-1234"));
    tag.setAfi(secured ? SECURED_AFI : RELEASED_AFI);
    tag.setEas(secured);
    return tag;
  }

  public void enter(VirtualTag tag) {
    field.put(tag);
  }

  public void leave(VirtualTag tag) {
    field.remove(tag.uid());
  }

  @Override
  public void close() {
    reader.close();
    emulator.close();
    line.close();
  }
}
