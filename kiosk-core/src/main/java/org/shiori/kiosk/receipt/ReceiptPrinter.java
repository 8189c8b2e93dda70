package org.shiori.kiosk.receipt;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints receipts: asks the printer for its paper sensor first ({@code DLE EOT 4}) and prints only
 * when paper is there. Every change to a problem state is told to {@code problems} (the staff
 * event); the state is kept for the screen and the staff status.
 */
public final class ReceiptPrinter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiptPrinter.class);

  /** Real-time status request: paper roll sensor. */
  static final byte[] PAPER_STATUS = {0x10, 0x04, 0x04};

  /** Bits 5 and 6 of the paper roll status: paper end detected. */
  static final int PAPER_END = 0x60;

  /** Real-time answers are fast; a printer silent this long is not there. */
  static final Duration STATUS_TIMEOUT = Duration.ofMillis(500);

  private final PrinterPort port;
  private final EscPosReceipt encoder;
  private final Consumer<PrinterState> problems;
  private volatile PrinterState state = PrinterState.READY;

  public ReceiptPrinter(PrinterPort port, EscPosReceipt encoder, Consumer<PrinterState> problems) {
    this.port = port;
    this.encoder = encoder;
    this.problems = problems;
  }

  public PrinterState state() {
    return state;
  }

  /** Prints one receipt; returns the printer's state afterwards ({@code READY} = printed). */
  public synchronized PrinterState print(Receipt receipt) {
    PrinterState now = printWithPaper(encoder.encode(receipt));
    if (now == PrinterState.READY) {
      LOG.info("receipt printed: {} item(s)", receipt.lines().size());
    }
    return now;
  }

  /** Prints the self-test's page ({@link EscPosReceipt#encodeTestPage}), checking paper first. */
  public synchronized PrinterState printTestPage(String deviceId, LocalDate day) {
    return printWithPaper(encoder.encodeTestPage(deviceId, day));
  }

  private PrinterState printWithPaper(byte[] page) {
    try {
      PrinterState now = paper();
      if (now == PrinterState.READY) {
        port.write(page);
      }
      return change(now);
    } catch (IOException e) {
      LOG.warn("receipt printer failed: {}", e.toString());
      return change(PrinterState.FAILED);
    }
  }

  /** Asks the printer for its paper state, without printing (the staff screen's check). */
  public synchronized PrinterState check() {
    try {
      return change(paper());
    } catch (IOException e) {
      return change(PrinterState.FAILED);
    }
  }

  private PrinterState paper() throws IOException {
    port.write(PAPER_STATUS);
    OptionalInt answer = port.read(STATUS_TIMEOUT);
    if (answer.isEmpty()) {
      return PrinterState.FAILED;
    }
    return (answer.getAsInt() & PAPER_END) != 0 ? PrinterState.PAPER_OUT : PrinterState.READY;
  }

  private PrinterState change(PrinterState next) {
    PrinterState before = state;
    state = next;
    if (next != before && next != PrinterState.READY) {
      LOG.warn("receipt printer: {}", next);
      problems.accept(next);
    }
    return next;
  }

  @Override
  public void close() throws IOException {
    port.close();
  }
}
