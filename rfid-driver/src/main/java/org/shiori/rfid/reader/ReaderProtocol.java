package org.shiori.rfid.reader;

import java.time.Duration;
import java.util.Locale;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.reader.threem.ThreeMReader;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.Transport;

/** The reader families the driver speaks, with their line defaults; chosen by configuration. */
public enum ReaderProtocol {
  FEIG("feig"),
  THREEM810("3m810");

  /** Bus address that any single FEIG reader answers. */
  public static final int FEIG_ANY_ADDRESS = 0xFF;

  private final String label;

  ReaderProtocol(String label) {
    this.label = label;
  }

  /** The configuration / CLI name: {@code feig} or {@code 3m810}. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }

  public static ReaderProtocol parse(String name) {
    for (ReaderProtocol p : values()) {
      if (p.label.equals(name.trim().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException("reader protocol must be feig or 3m810, got '" + name + "'");
  }

  /** Default line settings of this reader family on {@code port}. */
  public SerialSettings serialDefaults(String port) {
    return this == FEIG ? SerialSettings.feig(port) : SerialSettings.threeM(port);
  }

  /** Security values such sites use unless configured otherwise. */
  public SecurityMode defaultSecurity() {
    return this == THREEM810 ? SecurityMode.THREEM_AFI : SecurityMode.ISO_AFI;
  }

  /** A reader of this family on {@code transport}; {@code busAddress} only matters for FEIG. */
  public TagReader open(Transport transport, int busAddress, Duration timeout) {
    return this == FEIG
        ? new FeigReader(transport, busAddress, timeout)
        : new ThreeMReader(transport, timeout);
  }
}
