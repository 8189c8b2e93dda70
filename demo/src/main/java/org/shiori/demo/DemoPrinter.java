package org.shiori.demo;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.shiori.kiosk.receipt.PrinterPort;

/**
 * The demo's receipt printer: an ESC/POS printer emulator that keeps every byte it is sent and
 * answers the paper-sensor request ({@code DLE EOT 4}) from a switch the simulator flips.
 */
final class DemoPrinter implements PrinterPort {
  private static final byte[] PAPER_STATUS = {0x10, 0x04, 0x04};

  /** Paper roll sensor answer: fixed bits 1 and 4, plus paper-end bits 5 and 6 when out. */
  private static final int STATUS_FIXED = 0x12;

  private static final int PAPER_END = 0x60;

  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final List<Integer> answers = new ArrayList<>();
  private volatile boolean paper = true;

  @Override
  public synchronized void write(byte[] bytes) {
    if (Arrays.equals(bytes, PAPER_STATUS)) {
      answers.add(STATUS_FIXED | (paper ? 0 : PAPER_END));
      return;
    }
    received.writeBytes(bytes);
  }

  @Override
  public synchronized OptionalInt read(Duration timeout) {
    return answers.isEmpty() ? OptionalInt.empty() : OptionalInt.of(answers.remove(0));
  }

  /** Everything printed so far (print data, not the status requests). */
  synchronized byte[] printed() {
    return received.toByteArray();
  }

  synchronized void clear() {
    received.reset();
  }

  void setPaper(boolean loaded) {
    paper = loaded;
  }

  @Override
  public void close() {}
}
