package org.shiori.rfid.security;

/**
 * How a site marks items as secured (in the library) or released (on loan): by AFI values or by the
 * NXP EAS bit. Chosen per site in the device configuration.
 */
public record SecurityMode(Method method, int securedAfi, int releasedAfi) {
  /** The mechanism the gates look at. */
  public enum Method {
    AFI,
    EAS
  }

  /** ISO 28560-1 values: 0x07 in library, 0xC2 on loan. */
  public static final SecurityMode ISO_AFI = afi(0x07, 0xC2);

  /** 3M sites: 0xD7 secured, 0xDA released. */
  public static final SecurityMode THREEM_AFI = afi(0xD7, 0xDA);

  /** NXP EAS bit set = secured. */
  public static final SecurityMode NXP_EAS = new SecurityMode(Method.EAS, -1, -1);

  public SecurityMode {
    if (method == Method.AFI) {
      if (securedAfi < 0 || securedAfi > 0xFF || releasedAfi < 0 || releasedAfi > 0xFF) {
        throw new IllegalArgumentException("AFI values must be 0x00..0xFF");
      }
      if (securedAfi == releasedAfi) {
        throw new IllegalArgumentException("secured and released AFI must differ");
      }
    }
  }

  public static SecurityMode afi(int secured, int released) {
    return new SecurityMode(Method.AFI, secured, released);
  }
}
