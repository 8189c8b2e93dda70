package org.shiori.rfid.reader;

import java.time.Duration;
import java.util.Locale;
import org.shiori.rfid.reader.cr95hf.Cr95hfReader;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.reader.threem.ThreeMReader;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.Transport;

/** The reader families the driver speaks, with their line defaults; chosen by configuration. */
public enum ReaderProtocol {
  FEIG("feig"),
  THREEM810("3m810"),
  CR95HF("cr95hf");

  /** Bus address that any single FEIG reader answers. */
  public static final int FEIG_ANY_ADDRESS = 0xFF;

  private final String label;

  ReaderProtocol(String label) {
    this.label = label;
  }

  /** The configuration / CLI name: {@code feig}, {@code 3m810} or {@code cr95hf}. */
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
    throw new IllegalArgumentException(
        "reader protocol must be feig, 3m810 or cr95hf, got '" + name + "'");
  }

  /** Default line settings of this reader family on {@code port}. */
  public SerialSettings serialDefaults(String port) {
    switch (this) {
      case FEIG:
        return SerialSettings.feig(port);
      case THREEM810:
        return SerialSettings.threeM(port);
      default:
        return SerialSettings.cr95hf(port);
    }
  }

  /** Security values such sites use unless configured otherwise. */
  public SecurityMode defaultSecurity() {
    return this == THREEM810 ? SecurityMode.THREEM_AFI : SecurityMode.ISO_AFI;
  }

  /** A reader of this family on {@code transport}; {@code busAddress} only matters for FEIG. */
  public TagReader open(Transport transport, int busAddress, Duration timeout) {
    switch (this) {
      case FEIG:
        return new FeigReader(transport, busAddress, timeout);
      case THREEM810:
        return new ThreeMReader(transport, timeout);
      default:
        return new Cr95hfReader(transport, timeout);
    }
  }
}
