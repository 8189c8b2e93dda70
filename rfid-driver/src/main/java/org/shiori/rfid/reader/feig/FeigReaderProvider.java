package org.shiori.rfid.reader.feig;

import java.io.IOException;
import org.shiori.rfid.reader.ReaderOpening;
import org.shiori.rfid.reader.ReaderProtocol;
import org.shiori.rfid.reader.ReaderProvider;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.transport.SerialTransport;

/** Opens {@link FeigReader}s on their serial line. */
public final class FeigReaderProvider implements ReaderProvider {
  @Override
  public ReaderProtocol protocol() {
    return ReaderProtocol.FEIG;
  }

  @Override
  public TagReader open(ReaderOpening opening) throws IOException {
    return new FeigReader(
        new SerialTransport(opening.requireLine()), opening.busAddress(), opening.replyTimeout());
  }
}
