package org.shiori.rfid.reader;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.shiori.rfid.transport.SerialSettings;

/**
 * What it takes to open one reader.
 *
 * @param protocol the reader family
 * @param line the serial line; empty only for a protocol that needs no port
 * @param busAddress the FEIG bus address (ignored by the other families)
 * @param replyTimeout how long one command may wait for its reply
 */
public record ReaderOpening(
    ReaderProtocol protocol, Optional<SerialSettings> line, int busAddress, Duration replyTimeout) {
  public ReaderOpening {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(replyTimeout, "replyTimeout");
    if (protocol.needsPort() && line.isEmpty()) {
      throw new IllegalArgumentException(protocol + " readers need a serial line");
    }
  }

  /** The serial line, or an {@link java.io.IOException} naming the missing port. */
  public SerialSettings requireLine() throws java.io.IOException {
    return line.orElseThrow(() -> new java.io.IOException("no serial port for " + protocol));
  }
}
