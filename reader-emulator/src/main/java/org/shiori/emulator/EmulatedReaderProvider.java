package org.shiori.emulator;

import org.shiori.rfid.reader.ReaderOpening;
import org.shiori.rfid.reader.ReaderProtocol;
import org.shiori.rfid.reader.ReaderProvider;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.transport.MemoryPipe;

/**
 * {@code reader.protocol: emulated}: the real FEIG driver talking to the FEIG emulator with an
 * empty field over an in-memory line. Closing the reader closes the line, which ends the emulator.
 */
public final class EmulatedReaderProvider implements ReaderProvider {
  @Override
  public ReaderProtocol protocol() {
    return ReaderProtocol.EMULATED;
  }

  @Override
  public TagReader open(ReaderOpening opening) {
    return open(new TagField(), opening);
  }

  /** The same over a field the caller fills: the demo's pad and the gate simulator. */
  public static TagReader open(TagField field, ReaderOpening opening) {
    MemoryPipe.Pair line = MemoryPipe.pair();
    new FeigReaderEmulator(line.device(), field, opening.busAddress()).start();
    return new FeigReader(line.host(), opening.busAddress(), opening.replyTimeout());
  }
}
