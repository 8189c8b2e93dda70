package org.shiori.kiosk.receipt;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;

/** A printer on a serial line (RS-232 or USB serial), 8N1 at the configured speed. */
public final class SerialPrinterPort implements PrinterPort {
  private final SerialPort port;

  public SerialPrinterPort(String device, int baud) throws IOException {
    try {
      this.port = SerialPort.getCommPort(device);
    } catch (SerialPortInvalidPortException e) {
      // jSerialComm's unchecked answer for a missing node: the same IOException as a failed open.
      throw new IOException(
          "cannot open the receipt printer's port " + device + ": no such device");
    }
    port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    if (!port.openPort()) {
      throw new IOException("cannot open the receipt printer's port " + device);
    }
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    int written = port.writeBytes(bytes, bytes.length);
    if (written != bytes.length) {
      throw new IOException("receipt printer took " + written + " of " + bytes.length + " bytes");
    }
  }

  @Override
  public OptionalInt read(Duration timeout) throws IOException {
    // One status byte: read by length, never waiting for an inter-byte gap.
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING, (int) timeout.toMillis(), 0);
    byte[] one = new byte[1];
    int n = port.readBytes(one, 1);
    if (n < 0) {
      throw new IOException("receipt printer's port failed");
    }
    return n == 0 ? OptionalInt.empty() : OptionalInt.of(one[0] & 0xFF);
  }

  @Override
  public void close() {
    port.closePort();
  }
}
