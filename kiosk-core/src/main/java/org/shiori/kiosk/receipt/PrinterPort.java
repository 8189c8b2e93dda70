package org.shiori.kiosk.receipt;

import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;

/** The line to a receipt printer: bytes out, a status byte back (when the printer answers). */
public interface PrinterPort extends AutoCloseable {
  void write(byte[] bytes) throws IOException;

  /** One byte from the printer, or empty when none arrives within {@code timeout}. */
  OptionalInt read(Duration timeout) throws IOException;

  @Override
  void close() throws IOException;
}
