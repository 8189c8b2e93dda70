package org.shiori.kiosk.receipt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.OptionalInt;

/**
 * An ESC/POS printer for tests: captures the print data and answers {@code DLE EOT 4} with the
 * paper sensor byte, or stays silent like a printer that is switched off.
 */
final class PrinterEmulator implements PrinterPort {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final Deque<Integer> answers = new ArrayDeque<>();
  boolean paper = true;
  boolean answering = true;
  boolean broken;

  @Override
  public void write(byte[] bytes) throws IOException {
    if (broken) {
      throw new IOException("printer line failed");
    }
    if (Arrays.equals(bytes, ReceiptPrinter.PAPER_STATUS)) {
      if (answering) {
        answers.add(0x12 | (paper ? 0 : 0x60));
      }
      return;
    }
    printed.writeBytes(bytes);
  }

  @Override
  public OptionalInt read(Duration timeout) {
    Integer next = answers.poll();
    return next == null ? OptionalInt.empty() : OptionalInt.of(next);
  }

  byte[] printed() {
    return printed.toByteArray();
  }

  @Override
  public void close() {}
}
