package org.shiori.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The patron screen.
 *
 * @param port the screen's HTTP port on loopback
 * @param printer the receipt printer: {@code /dev/usb/lp*} (USB printer class) or a serial port;
 *     empty when the kiosk has none
 * @param printerBaud the serial printer's speed
 * @param staffPinSha256 the staff PIN's SHA-256 (hex) that opens the status screen; empty: no staff
 *     mode
 */
public record UiSettings(
    int port, Optional<String> printer, int printerBaud, Optional<String> staffPinSha256) {
  public UiSettings {
    Objects.requireNonNull(printer, "printer");
    Objects.requireNonNull(staffPinSha256, "staffPinSha256");
  }

  /** A screen without printer or staff mode. */
  public UiSettings(int port) {
    this(port, Optional.empty(), 19200, Optional.empty());
  }
}
