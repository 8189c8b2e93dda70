package org.shiori.rfid.barcode;

/** Check character schemes seen on Codabar (NW-7) library cards; which one is a site setting. */
public enum CodabarCheck {
  NONE,
  /** Sum of all character values incl. start/stop; check = (16 - sum mod 16) mod 16. */
  MOD16,
  /** Modulus 10, weights 2-1 from the right, two-digit products split into digits (Luhn). */
  MOD10_21_SPLIT,
  /** Modulus 10, weights 2-1 from the right, products added as they are. */
  MOD10_21_NONSPLIT
}
