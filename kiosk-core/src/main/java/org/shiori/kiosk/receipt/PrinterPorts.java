package org.shiori.kiosk.receipt;

import java.io.IOException;
import java.nio.file.Path;
import org.shiori.config.UiSettings;

/** The line to the configured printer: the kiosk's and the self-test's one way to open it. */
public final class PrinterPorts {
  private PrinterPorts() {}

  /**
   * {@code /dev/usb/lp*} is the kernel's USB printer class device, anything else a serial port at
   * {@code ui.printerBaud}.
   */
  public static PrinterPort open(String device, UiSettings ui) throws IOException {
    return device.startsWith("/dev/usb/lp")
        ? new DevicePrinterPort(Path.of(device))
        : new SerialPrinterPort(device, ui.printerBaud());
  }
}
