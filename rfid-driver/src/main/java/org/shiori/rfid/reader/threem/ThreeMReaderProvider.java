package org.shiori.rfid.reader.threem;

import java.io.IOException;
import org.shiori.rfid.reader.ReaderOpening;
import org.shiori.rfid.reader.ReaderProtocol;
import org.shiori.rfid.reader.ReaderProvider;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.transport.SerialTransport;

/** Opens {@link ThreeMReader}s on their serial line. */
public final class ThreeMReaderProvider implements ReaderProvider {
  @Override
  public ReaderProtocol protocol() {
    return ReaderProtocol.THREEM810;
  }

  @Override
  public TagReader open(ReaderOpening opening) throws IOException {
    return new ThreeMReader(new SerialTransport(opening.requireLine()), opening.replyTimeout());
  }
}
