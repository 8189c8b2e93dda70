package org.shiori.rfid.transport;

import java.io.IOException;
import java.time.Duration;

/** A byte link to a reader: serial line, TCP socket or in-memory pipe. */
public interface Transport extends AutoCloseable {
  void write(byte[] data) throws IOException;

  /**
   * Reads at most {@code len} bytes, waiting up to {@code timeout} for the first one.
   *
   * @return the number of bytes read, 0 on timeout, -1 when the link is closed for good
   */
  int read(byte[] buf, int off, int len, Duration timeout) throws IOException;

  /** Discards whatever has been received but not read yet. */
  void drain() throws IOException;

  @Override
  void close();
}
