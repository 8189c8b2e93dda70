package org.shiori.central.ils.sip2;

import java.util.Objects;

/** One variable-length field: a two-character code such as "AB" and its value. */
public record Sip2Field(String code, String value) {
  public Sip2Field {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(value, "value");
    if (code.length() != 2) {
      throw new IllegalArgumentException("SIP2 field code must be 2 characters: " + code);
    }
  }

  /** Patron identifier, patron and terminal passwords, login password: never to be logged. */
  public boolean isConfidential() {
    return code.equals("AA") || code.equals("AD") || code.equals("AC") || code.equals("CO");
  }

  /** The code, and the value unless it is confidential. */
  @Override
  public String toString() {
    return code + "=" + (isConfidential() ? "(hidden)" : value);
  }
}
