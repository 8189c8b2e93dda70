package org.shiori.config;

import java.util.Objects;
import java.util.Optional;
import org.shiori.rfid.reader.ReaderProtocol;
import org.shiori.rfid.transport.SerialSettings;

/**
 * The RFID reader and its serial line. {@code port} is empty only for the emulated reader; the line
 * settings are then unused.
 */
public record ReaderSettings(
    ReaderProtocol protocol,
    Optional<String> port,
    int baud,
    SerialSettings.Parity parity,
    int dataBits,
    int stopBits,
    int busAddress) {

  public ReaderSettings {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(parity, "parity");
  }
}
