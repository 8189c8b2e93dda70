package org.shiori.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.shiori.rfid.reader.ReaderProtocol;
import org.shiori.rfid.transport.SerialSettings;

/** Reads {@code reader}: protocol, serial line and bus address, with per-protocol defaults. */
final class ReaderSection {
  private static final Pattern PORT = Pattern.compile("/[^\\s]+");
  private static final String PORT_ALLOWED = "a serial device path such as /dev/ttyUSB0";

  private ReaderSection() {}

  static ReaderSettings read(SectionReader reader) {
    reader.allowOnly("protocol", "port", "baud", "parity", "dataBits", "stopBits", "busAddress");
    Optional<ReaderProtocol> chosen =
        reader.requiredChoice("protocol", ReaderProtocol.class, ReaderProtocol::label);
    ReaderProtocol protocol = chosen.orElse(ReaderProtocol.EMULATED);
    if (chosen.filter(ReaderProtocol::needsPort).isPresent() && !reader.has("port")) {
      reader.reportMissing("port", PORT_ALLOWED + " (required unless protocol is emulated)");
    }
    Optional<String> port = reader.matching("port", PORT, PORT_ALLOWED);
    SerialSettings defaults = protocol.serialDefaults("/dev/null");
    int baud = reader.oneOf("baud", defaults.baud(), 9600, 19200, 38400, 57600, 115200);
    SerialSettings.Parity parity =
        reader
            .choice("parity", SerialSettings.Parity.class, ReaderSection::configName)
            .orElse(defaults.parity());
    int dataBits = reader.oneOf("dataBits", 8, 8);
    int stopBits = reader.oneOf("stopBits", 1, 1, 2);
    int busAddress = reader.integer("busAddress", 255, 0, 255);
    return new ReaderSettings(protocol, port, baud, parity, dataBits, stopBits, busAddress);
  }

  private static String configName(SerialSettings.Parity parity) {
    return parity.name().toLowerCase(Locale.ROOT);
  }
}
