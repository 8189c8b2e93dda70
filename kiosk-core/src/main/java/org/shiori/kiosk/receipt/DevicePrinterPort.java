package org.shiori.kiosk.receipt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * A printer on a USB printer-class device ({@code /dev/usb/lp0}): the kernel's usblp driver makes
 * it a file, written for print data and read for the printer's status answers.
 */
public final class DevicePrinterPort implements PrinterPort {
  private final OutputStream out;
  private final InputStream in;

  public DevicePrinterPort(Path device) throws IOException {
    this.out = Files.newOutputStream(device, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    this.in = Files.newInputStream(device, StandardOpenOption.READ);
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  @Override
  public OptionalInt read(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      if (in.available() > 0) {
        int b = in.read();
        return b < 0 ? OptionalInt.empty() : OptionalInt.of(b);
      }
      try {
        Thread.sleep(10); // usblp has no read timeout of its own: poll what it has buffered
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return OptionalInt.empty();
      }
    } while (System.nanoTime() < deadline);
    return OptionalInt.empty();
  }

  @Override
  public void close() throws IOException {
    try (out;
        in) {
      // both closed
    }
  }
}
