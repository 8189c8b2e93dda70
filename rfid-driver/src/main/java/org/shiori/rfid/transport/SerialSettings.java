package org.shiori.rfid.transport;

import java.time.Duration;

/** Serial line settings for a reader port. */
public record SerialSettings(
    String portName,
    int baud,
    Parity parity,
    int dataBits,
    StopBits stopBits,
    Duration interByteTimeout) {
  /** Parity bit. */
  public enum Parity {
    NONE,
    EVEN,
    ODD
  }

  /** Number of stop bits. */
  public enum StopBits {
    ONE,
    TWO
  }

  public SerialSettings {
    if (portName == null || portName.isBlank()) {
      throw new IllegalArgumentException("serial port name is empty");
    }
    if (baud < 300 || baud > 921_600) {
      throw new IllegalArgumentException("baud " + baud + " outside 300..921600");
    }
    if (dataBits < 5 || dataBits > 8) {
      throw new IllegalArgumentException("data bits " + dataBits + " outside 5..8");
    }
    if (interByteTimeout.isNegative()) {
      throw new IllegalArgumentException("inter-byte timeout must not be negative");
    }
  }

  /** FEIG readers: 38400 8E1 by default, bytes of a frame at most 12 ms apart. */
  public static SerialSettings feig(String port) {
    return new SerialSettings(port, 38_400, Parity.EVEN, 8, StopBits.ONE, Duration.ofMillis(12));
  }

  /** ST CR95HF UART: 57600 8N2 (from sample code; check on the hardware). */
  public static SerialSettings cr95hf(String port) {
    return new SerialSettings(port, 57_600, Parity.NONE, 8, StopBits.TWO, Duration.ofMillis(10));
  }

  /** 3M 810 / Model 210: 19200 8N1. */
  public static SerialSettings threeM(String port) {
    return new SerialSettings(port, 19_200, Parity.NONE, 8, StopBits.ONE, Duration.ofMillis(20));
  }
}
