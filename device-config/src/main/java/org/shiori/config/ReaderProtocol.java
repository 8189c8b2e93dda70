package org.shiori.config;

/** The wire protocol of the RFID reader attached to the device. */
public enum ReaderProtocol implements ConfigName {
  /** FEIG ISC / OBID classic-pro, 38400 baud 8E1 by factory default. */
  FEIG("feig", 38400, Parity.EVEN),
  /** 3M 810 (0xD6 framing), 19200 baud 8N1. */
  THREE_M_810("3m810", 19200, Parity.NONE),
  /** The in-process reader emulator of the demo and tests; no serial port is opened. */
  EMULATED("emulated", 38400, Parity.NONE);

  private final String configName;
  private final int defaultBaud;
  private final Parity defaultParity;

  ReaderProtocol(String configName, int defaultBaud, Parity defaultParity) {
    this.configName = configName;
    this.defaultBaud = defaultBaud;
    this.defaultParity = defaultParity;
  }

  @Override
  public String configName() {
    return configName;
  }

  public int defaultBaud() {
    return defaultBaud;
  }

  public Parity defaultParity() {
    return defaultParity;
  }

  /** Whether the reader sits on a serial port that the configuration must name. */
  public boolean needsPort() {
    return this != EMULATED;
  }
}
