package org.shiori.circulation.domain;

import java.util.Objects;

/**
 * A patron as the device knows them: a keyed hash of the card number (P-MIN-1). The raw card number
 * never leaves the card reader's memory; this value is all that is stored, logged or sent.
 */
public record PatronKey(String value) {
  public PatronKey {
    Objects.requireNonNull(value, "value");
    if (!value.matches("[0-9a-f]{16,64}")) {
      throw new IllegalArgumentException("a patron key is 16 to 64 lowercase hex digits");
    }
  }

  /** A short prefix, safe for technician logs: it cannot be turned back into a card number. */
  public String shortForm() {
    return value.substring(0, 8);
  }

  @Override
  public String toString() {
    return "PatronKey[" + shortForm() + "…]";
  }
}
