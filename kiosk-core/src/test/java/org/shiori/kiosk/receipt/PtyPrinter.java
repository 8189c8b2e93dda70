package org.shiori.kiosk.receipt;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.shiori.testkit.SocatPtyPair;

/**
 * The {@link PrinterEmulator} at the far end of a socat pty pair: the kiosk side opens {@link
 * #kioskEnd()} as a serial printer, so every byte crosses the real serial stack.
 */
final class PtyPrinter implements AutoCloseable {
  private final SocatPtyPair cable;
  private final PrinterEmulator emulator;
  private final AtomicLong received = new AtomicLong();
  private final Thread pump;

  /** Plugs in an emulator already set up (paper, answering): its settings are read from here on. */
  PtyPrinter(PrinterEmulator emulator) throws IOException {
    this.emulator = emulator;
    this.cable = SocatPtyPair.start();
    this.pump = new Thread(this::pump, "pty-printer");
    pump.setDaemon(true);
    pump.start();
  }

  String kioskEnd() {
    return cable.first();
  }

  /** The print data the emulator took (status requests excluded). */
  byte[] printed() {
    return emulator.printed();
  }

  /** Every byte that arrived, status requests included. */
  long received() {
    return received.get();
  }

  private void pump() {
    try (FileInputStream in = new FileInputStream(cable.second());
        FileOutputStream out = new FileOutputStream(cable.second())) {
      byte[] buffer = new byte[512];
      int n;
      while ((n = in.read(buffer)) > 0) {
        received.addAndGet(n);
        emulator.write(Arrays.copyOf(buffer, n));
        for (OptionalInt answer = emulator.read(Duration.ZERO);
            answer.isPresent();
            answer = emulator.read(Duration.ZERO)) {
          out.write(answer.getAsInt());
        }
        out.flush();
      }
    } catch (IOException e) {
      // socat is gone: the cable was pulled at the end of the test
    }
  }

  @Override
  public void close() throws InterruptedException {
    cable.close();
    pump.join(10_000);
  }
}
