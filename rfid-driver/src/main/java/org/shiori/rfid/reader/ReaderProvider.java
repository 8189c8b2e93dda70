package org.shiori.rfid.reader;

import java.io.IOException;

/**
 * Opens readers of one {@link ReaderProtocol}. Implementations are listed in {@code
 * META-INF/services/org.shiori.rfid.reader.ReaderProvider} and found by {@link ReaderProviders}, so
 * the code that opens a configured reader imports no driver.
 */
public interface ReaderProvider {
  ReaderProtocol protocol();

  /**
   * Opens the reader; the returned reader owns what it opened (its serial port, an emulator) and
   * closes it with itself.
   *
   * @throws IOException when the line cannot be opened
   */
  TagReader open(ReaderOpening opening) throws IOException;
}
