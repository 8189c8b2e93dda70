package org.shiori.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code reader}: protocol, serial line and bus address, with per-protocol defaults. */
final class ReaderSection {
  private static final Pattern PORT = Pattern.compile("/[^\\s]+");
  private static final String PORT_ALLOWED = "a serial device path such as /dev/ttyUSB0";

  private ReaderSection() {}

  static ReaderSettings read(SectionReader reader) {
    reader.allowOnly("protocol", "port", "baud", "parity", "dataBits", "stopBits", "busAddress");
    Optional<ReaderProtocol> chosen = reader.requiredChoice("protocol", ReaderProtocol.class);
    ReaderProtocol protocol = chosen.orElse(ReaderProtocol.EMULATED);
    if (chosen.filter(ReaderProtocol::needsPort).isPresent() && !reader.has("port")) {
      reader.reportMissing("port", PORT_ALLOWED + " (required unless protocol is emulated)");
    }
    Optional<String> port = reader.matching("port", PORT, PORT_ALLOWED);
    int baud = reader.oneOf("baud", protocol.defaultBaud(), 9600, 19200, 38400, 57600, 115200);
    Parity parity = reader.choice("parity", Parity.class).orElse(protocol.defaultParity());
    int dataBits = reader.oneOf("dataBits", 8, 8);
    int stopBits = reader.oneOf("stopBits", 1, 1, 2);
    int busAddress = reader.integer("busAddress", 255, 0, 255);
    return new ReaderSettings(protocol, port, baud, parity, dataBits, stopBits, busAddress);
  }
}
