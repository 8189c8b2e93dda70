package org.shiori.rfid.reader;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.transport.SerialSettings;

/**
 * The reader families a device configuration can name. Each is opened by the {@link ReaderProvider}
 * that declares it, found through {@link ReaderProviders}; {@link #EMULATED} is provided only where
 * the reader emulator is on the class path (the demo and tests).
 */
public enum ReaderProtocol {
  /** FEIG ISC / OBID classic-pro host protocol, 38400 baud 8E1 by factory default. */
  FEIG("feig"),
  /** 3M 810 (0xD6 framing), 19200 baud 8N1. */
  THREEM810("3m810"),
  /** ST CR95HF (UART mode), 57600 baud 8N1. */
  CR95HF("cr95hf"),
  /** An emulated FEIG reader with an empty field, in process: no serial port is opened. */
  EMULATED("emulated");

  /** Bus address that any single FEIG reader answers. */
  public static final int FEIG_ANY_ADDRESS = 0xFF;

  private final String label;

  ReaderProtocol(String label) {
    this.label = label;
  }

  /**
   * The configuration / CLI name: {@code feig}, {@code 3m810}, {@code cr95hf}, {@code emulated}.
   */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }

  /** Every label, for messages that say what is allowed. */
  public static String labels() {
    return Arrays.stream(values()).map(ReaderProtocol::label).collect(Collectors.joining(", "));
  }

  public static ReaderProtocol parse(String name) {
    for (ReaderProtocol p : values()) {
      if (p.label.equals(name.trim().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "reader protocol must be one of " + labels() + ", got '" + name + "'");
  }

  /** Whether the reader sits on a serial port that the configuration must name. */
  public boolean needsPort() {
    return this != EMULATED;
  }

  /** Default line settings of this reader family on {@code port}. */
  public SerialSettings serialDefaults(String port) {
    switch (this) {
      case THREEM810:
        return SerialSettings.threeM(port);
      case CR95HF:
        return SerialSettings.cr95hf(port);
      default:
        return SerialSettings.feig(port);
    }
  }

  /** Security values such sites use unless configured otherwise. */
  public SecurityMode defaultSecurity() {
    return this == THREEM810 ? SecurityMode.THREEM_AFI : SecurityMode.ISO_AFI;
  }
}
