package org.shiori.config;

import java.util.List;
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
 *     PIN
 * @param staffCards the keys of the staff cards that open the status screen when scanned: each the
 *     card number hashed with the tenant key, as patron keys are (64 lower-case hex digits); no
 *     card number is ever written here
 */
public record UiSettings(
    int port,
    Optional<String> printer,
    int printerBaud,
    Optional<String> staffPinSha256,
    List<String> staffCards) {
  public UiSettings {
    Objects.requireNonNull(printer, "printer");
    Objects.requireNonNull(staffPinSha256, "staffPinSha256");
    staffCards = List.copyOf(staffCards);
  }

  /** A screen without printer or staff mode. */
  public UiSettings(int port) {
    this(port, Optional.empty(), 19200, Optional.empty(), List.of());
  }
}
