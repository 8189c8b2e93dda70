package org.shiori.demo;

import java.util.Objects;
import org.shiori.rfid.transport.MemoryPipe;
import org.shiori.rfid.transport.Transport;

/**
 * The line between the kiosk's reader driver and the emulated FEIG reader. The demo uses an
 * in-memory line; a benchmark passes the two ends of a serial pty pair, so the real serial path and
 * the emulator's real-time pacing are in the figure.
 *
 * @param host the end the kiosk's driver uses
 * @param device the end the emulator answers on
 */
public record ReaderLine(Transport host, Transport device) implements AutoCloseable {
  public ReaderLine {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(device, "device");
  }

  /** An in-memory line, as the demo runs. */
  public static ReaderLine inMemory() {
    MemoryPipe.Pair pipe = MemoryPipe.pair();
    return new ReaderLine(pipe.host(), pipe.device());
  }

  @Override
  public void close() {
    host.close();
    device.close();
  }
}
