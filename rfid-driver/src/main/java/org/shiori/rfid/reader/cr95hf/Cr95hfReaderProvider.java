package org.shiori.rfid.reader.cr95hf;

import java.io.IOException;
import org.shiori.rfid.reader.ReaderOpening;
import org.shiori.rfid.reader.ReaderProtocol;
import org.shiori.rfid.reader.ReaderProvider;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.transport.SerialTransport;

/** Opens {@link Cr95hfReader}s on their serial line. */
public final class Cr95hfReaderProvider implements ReaderProvider {
  @Override
  public ReaderProtocol protocol() {
    return ReaderProtocol.CR95HF;
  }

  @Override
  public TagReader open(ReaderOpening opening) throws IOException {
    return new Cr95hfReader(new SerialTransport(opening.requireLine()), opening.replyTimeout());
  }
}
